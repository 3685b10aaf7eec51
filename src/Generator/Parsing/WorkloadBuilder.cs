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
    public readonly ImmutableArray<LocationInfo>.Builder ExtraWorkloads = ImmutableArray.CreateBuilder<LocationInfo>();
    public readonly List<AttributeReader> Ports = [];
    public readonly ImmutableArray<RouteModel>.Builder Routes = ImmutableArray.CreateBuilder<RouteModel>();
    public readonly ImmutableArray<HttpRouteModel>.Builder HttpRoutes = ImmutableArray.CreateBuilder<HttpRouteModel>();
    public readonly ImmutableArray<ExtraContainerModel>.Builder ExtraContainers = ImmutableArray.CreateBuilder<ExtraContainerModel>();
    public readonly ImmutableArray<DependencyModel>.Builder Dependencies = ImmutableArray.CreateBuilder<DependencyModel>();
    public readonly ImmutableArray<EnvironmentModel>.Builder Environments = ImmutableArray.CreateBuilder<EnvironmentModel>();
    public readonly ImmutableArray<ProbeModel>.Builder Probes = ImmutableArray.CreateBuilder<ProbeModel>();
    public readonly ImmutableArray<EnvModel>.Builder Env = ImmutableArray.CreateBuilder<EnvModel>();
    public readonly ImmutableArray<KeyValueModel>.Builder Labels = ImmutableArray.CreateBuilder<KeyValueModel>();
    public readonly ImmutableArray<KeyValueModel>.Builder Annotations = ImmutableArray.CreateBuilder<KeyValueModel>();
    public Setting<bool?> NetworkPolicy;
    public ScrapeModel? Scrape;
    public ResourcesModel? Resources;
    public AutoscaleModel? Autoscale;
    public DisruptionBudgetModel? DisruptionBudget;

    /// <summary>Almost always none: allocated on the first.</summary>
    public ImmutableArray<TextProblem>.Builder? TextProblems;

    /// <summary>The models of features without a field of their own, in registry order of reading.</summary>
    public List<FeatureModel>? Extensions;

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
