using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Parsing;

/// <summary>
/// The settings of one workload while its attributes are read, feature by feature (see <see cref="Feature.Read"/>);
/// <see cref="WorkloadParser"/> turns them into the <see cref="WorkloadModel"/>. Lives only during the parse.
/// </summary>
internal sealed class WorkloadBuilder
{
    public WorkloadBuilder(INamedTypeSymbol type, LocationInfo classLocation)
    {
        Type = type;
        ClassLocation = classLocation;
        NetworkPolicy = new(null, classLocation, false);
    }

    /// <summary>The workload's class (never kept past the parse).</summary>
    public INamedTypeSymbol Type { get; }

    public LocationInfo ClassLocation { get; }

    public AttributeReader? Workload;
    public WorkloadKind Kind = WorkloadKind.Deployment;
    private ImmutableArray<LocationInfo>.Builder? _extraWorkloads;
    public readonly List<AttributeReader> Ports = [];
    private ImmutableArray<RouteModel>.Builder? _routes;
    private ImmutableArray<HttpRouteModel>.Builder? _httpRoutes;
    private ImmutableArray<ExtraContainerModel>.Builder? _extraContainers;
    private ImmutableArray<DependencyModel>.Builder? _dependencies;
    private ImmutableArray<EnvironmentModel>.Builder? _environments;
    private ImmutableArray<ProbeModel>.Builder? _probes;
    private ImmutableArray<EnvModel>.Builder? _env;
    private ImmutableArray<KeyValueModel>.Builder? _labels;
    private ImmutableArray<KeyValueModel>.Builder? _annotations;
    public Setting<bool?> NetworkPolicy;
    public ScrapeModel? Scrape;
    public ResourcesModel? Resources;
    public AutoscaleModel? Autoscale;
    public DisruptionBudgetModel? DisruptionBudget;

    /// <summary>Almost always none: allocated on the first.</summary>
    public ImmutableArray<TextProblem>.Builder? TextProblems;

    /// <summary>The models of features without a field of their own, in the order their first attribute is declared.</summary>
    public List<FeatureModel>? Extensions;

    // Taken on first use from this thread's free builders (most workloads use a few of these), and given back when
    // read: the parse re-runs on every edit, and a builder with its spare array per list was a third of what it allocated.
    public ImmutableArray<LocationInfo>.Builder ExtraWorkloads => _extraWorkloads ??= FreeBuilders<LocationInfo>.Take();
    public ImmutableArray<RouteModel>.Builder Routes => _routes ??= FreeBuilders<RouteModel>.Take();
    public ImmutableArray<HttpRouteModel>.Builder HttpRoutes => _httpRoutes ??= FreeBuilders<HttpRouteModel>.Take();
    public ImmutableArray<ExtraContainerModel>.Builder ExtraContainers => _extraContainers ??= FreeBuilders<ExtraContainerModel>.Take();
    public ImmutableArray<DependencyModel>.Builder Dependencies => _dependencies ??= FreeBuilders<DependencyModel>.Take();
    public ImmutableArray<EnvironmentModel>.Builder Environments => _environments ??= FreeBuilders<EnvironmentModel>.Take();
    public ImmutableArray<ProbeModel>.Builder Probes => _probes ??= FreeBuilders<ProbeModel>.Take();
    public ImmutableArray<EnvModel>.Builder Env => _env ??= FreeBuilders<EnvModel>.Take();
    public ImmutableArray<KeyValueModel>.Builder Labels => _labels ??= FreeBuilders<KeyValueModel>.Take();
    public ImmutableArray<KeyValueModel>.Builder Annotations => _annotations ??= FreeBuilders<KeyValueModel>.Take();

    // Each read once, by WorkloadParser, when the model is made: the builder goes back to the free ones.
    public EquatableArray<LocationInfo> ExtraWorkloadsRead => Done(ref _extraWorkloads);
    public EquatableArray<RouteModel> RoutesRead => Done(ref _routes);
    public EquatableArray<HttpRouteModel> HttpRoutesRead => Done(ref _httpRoutes);
    public EquatableArray<ExtraContainerModel> ExtraContainersRead => Done(ref _extraContainers);
    public EquatableArray<DependencyModel> DependenciesRead => Done(ref _dependencies);
    public EquatableArray<EnvironmentModel> EnvironmentsRead => Done(ref _environments);
    public EquatableArray<ProbeModel> ProbesRead => Done(ref _probes);
    public EquatableArray<EnvModel> EnvRead => Done(ref _env);
    public EquatableArray<KeyValueModel> LabelsRead => Done(ref _labels);
    public EquatableArray<KeyValueModel> AnnotationsRead => Done(ref _annotations);

    private static EquatableArray<T> Done<T>(ref ImmutableArray<T>.Builder? builder)
        where T : System.IEquatable<T>
    {
        if (builder is null)
        {
            return EquatableArray<T>.Empty;
        }

        var items = builder.ToImmutable().ToEquatableArray();
        FreeBuilders<T>.Give(builder);
        builder = null;
        return items;
    }

    /// <summary>
    /// One thread's builders of one item type, cleared. A parse that throws keeps its builders (they are collected); one
    /// that grew large is let go rather than kept.
    /// </summary>
    private static class FreeBuilders<T>
    {
        private const int MaxKept = 64;

        [System.ThreadStatic]
        private static Stack<ImmutableArray<T>.Builder>? _free;

        public static ImmutableArray<T>.Builder Take() => _free is { Count: > 0 } free ? free.Pop() : ImmutableArray.CreateBuilder<T>();

        public static void Give(ImmutableArray<T>.Builder builder)
        {
            if (builder.Capacity <= MaxKept)
            {
                builder.Clear();
                (_free ??= new Stack<ImmutableArray<T>.Builder>()).Push(builder);
            }
        }
    }

    /// <summary>Puts a feature's settings in place of the ones read so far (null before its first attribute).</summary>
    public void UpdateExtension<T>(System.Func<T?, T> update)
        where T : FeatureModel
    {
        Extensions ??= [];
        var index = Extensions.FindIndex(e => e is T);
        if (index < 0)
        {
            Extensions.Add(update(null));
        }
        else
        {
            Extensions[index] = update((T)Extensions[index]);
        }
    }
}
