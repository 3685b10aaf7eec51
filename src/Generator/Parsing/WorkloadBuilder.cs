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

    // Taken on first use from this thread's free builders (Scratch; most workloads use a few of these), and given back
    // when taken out: the parse re-runs on every edit.
    public ImmutableArray<LocationInfo>.Builder ExtraWorkloads => _extraWorkloads ??= Scratch.Builder<LocationInfo>();
    public ImmutableArray<RouteModel>.Builder Routes => _routes ??= Scratch.Builder<RouteModel>();
    public ImmutableArray<HttpRouteModel>.Builder HttpRoutes => _httpRoutes ??= Scratch.Builder<HttpRouteModel>();
    public ImmutableArray<ExtraContainerModel>.Builder ExtraContainers => _extraContainers ??= Scratch.Builder<ExtraContainerModel>();
    public ImmutableArray<DependencyModel>.Builder Dependencies => _dependencies ??= Scratch.Builder<DependencyModel>();
    public ImmutableArray<EnvironmentModel>.Builder Environments => _environments ??= Scratch.Builder<EnvironmentModel>();
    public ImmutableArray<ProbeModel>.Builder Probes => _probes ??= Scratch.Builder<ProbeModel>();
    public ImmutableArray<EnvModel>.Builder Env => _env ??= Scratch.Builder<EnvModel>();
    public ImmutableArray<KeyValueModel>.Builder Labels => _labels ??= Scratch.Builder<KeyValueModel>();
    public ImmutableArray<KeyValueModel>.Builder Annotations => _annotations ??= Scratch.Builder<KeyValueModel>();

    // Each called once, by WorkloadParser, when the model is made: the list, its builder back to the free ones.
    public EquatableArray<LocationInfo> TakeExtraWorkloads() => Take(ref _extraWorkloads);
    public EquatableArray<RouteModel> TakeRoutes() => Take(ref _routes);
    public EquatableArray<HttpRouteModel> TakeHttpRoutes() => Take(ref _httpRoutes);
    public EquatableArray<ExtraContainerModel> TakeExtraContainers() => Take(ref _extraContainers);
    public EquatableArray<DependencyModel> TakeDependencies() => Take(ref _dependencies);
    public EquatableArray<EnvironmentModel> TakeEnvironments() => Take(ref _environments);
    public EquatableArray<ProbeModel> TakeProbes() => Take(ref _probes);
    public EquatableArray<EnvModel> TakeEnv() => Take(ref _env);
    public EquatableArray<KeyValueModel> TakeLabels() => Take(ref _labels);
    public EquatableArray<KeyValueModel> TakeAnnotations() => Take(ref _annotations);

    private static EquatableArray<T> Take<T>(ref ImmutableArray<T>.Builder? builder)
        where T : System.IEquatable<T>
    {
        if (builder is null)
        {
            return EquatableArray<T>.Empty;
        }

        var items = Scratch.ToImmutableAndFree(builder).ToEquatableArray();
        builder = null;
        return items;
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
