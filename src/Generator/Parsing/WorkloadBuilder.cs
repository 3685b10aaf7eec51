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

    // Created on first use: the parse re-runs on every edit, and most workloads use a few of these.
    public ImmutableArray<LocationInfo>.Builder ExtraWorkloads => _extraWorkloads ??= ImmutableArray.CreateBuilder<LocationInfo>();
    public ImmutableArray<RouteModel>.Builder Routes => _routes ??= ImmutableArray.CreateBuilder<RouteModel>();
    public ImmutableArray<HttpRouteModel>.Builder HttpRoutes => _httpRoutes ??= ImmutableArray.CreateBuilder<HttpRouteModel>();
    public ImmutableArray<ExtraContainerModel>.Builder ExtraContainers => _extraContainers ??= ImmutableArray.CreateBuilder<ExtraContainerModel>();
    public ImmutableArray<DependencyModel>.Builder Dependencies => _dependencies ??= ImmutableArray.CreateBuilder<DependencyModel>();
    public ImmutableArray<EnvironmentModel>.Builder Environments => _environments ??= ImmutableArray.CreateBuilder<EnvironmentModel>();
    public ImmutableArray<ProbeModel>.Builder Probes => _probes ??= ImmutableArray.CreateBuilder<ProbeModel>();
    public ImmutableArray<EnvModel>.Builder Env => _env ??= ImmutableArray.CreateBuilder<EnvModel>();
    public ImmutableArray<KeyValueModel>.Builder Labels => _labels ??= ImmutableArray.CreateBuilder<KeyValueModel>();
    public ImmutableArray<KeyValueModel>.Builder Annotations => _annotations ??= ImmutableArray.CreateBuilder<KeyValueModel>();

    public EquatableArray<LocationInfo> ExtraWorkloadsRead => Done(_extraWorkloads);
    public EquatableArray<RouteModel> RoutesRead => Done(_routes);
    public EquatableArray<HttpRouteModel> HttpRoutesRead => Done(_httpRoutes);
    public EquatableArray<ExtraContainerModel> ExtraContainersRead => Done(_extraContainers);
    public EquatableArray<DependencyModel> DependenciesRead => Done(_dependencies);
    public EquatableArray<EnvironmentModel> EnvironmentsRead => Done(_environments);
    public EquatableArray<ProbeModel> ProbesRead => Done(_probes);
    public EquatableArray<EnvModel> EnvRead => Done(_env);
    public EquatableArray<KeyValueModel> LabelsRead => Done(_labels);
    public EquatableArray<KeyValueModel> AnnotationsRead => Done(_annotations);

    private static EquatableArray<T> Done<T>(ImmutableArray<T>.Builder? builder)
        where T : System.IEquatable<T> => builder is null ? EquatableArray<T>.Empty : builder.ToImmutable().ToEquatableArray();

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
