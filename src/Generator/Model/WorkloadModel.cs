using System;

namespace K8sGen.Generator.Model;

/// <summary>A value from an attribute and where it was written (the argument if given, else the attribute).</summary>
internal readonly record struct Setting<T>(T Value, LocationInfo Location, bool IsExplicit)
{
    public override string ToString() => Value?.ToString() ?? string.Empty;
}

/// <summary>
/// One workload as the attributes on one class describe it, with every product default applied.
/// </summary>
/// <remarks>
/// Plain data only (strings, numbers, enums, <see cref="EquatableArray{T}"/>, <see cref="LocationInfo"/>):
/// never an ISymbol, SyntaxNode, Location, AttributeData or Compilation, so the incremental
/// pipeline can compare it by value and cache everything downstream of it.
/// </remarks>
internal sealed record WorkloadModel(
    string ClassName,
    WorkloadKind Kind,
    LocationInfo WorkloadAttribute,
    Setting<string> Name,
    Setting<string?> Namespace,
    Setting<int> Replicas,
    Setting<string> MaxSurge,
    Setting<string> MaxUnavailable,
    Setting<string?> Image,
    EquatableArray<PortModel> Ports,
    EquatableArray<RouteModel> Routes,
    ScrapeModel? Scrape,
    EquatableArray<ProbeModel> Probes,
    ResourcesModel? Resources,
    EquatableArray<EnvModel> Env,
    EquatableArray<KeyValueModel> Labels,
    EquatableArray<KeyValueModel> Annotations,
    AutoscaleModel? Autoscale,
    DisruptionBudgetModel? DisruptionBudget,
    EquatableArray<HttpRouteModel> HttpRoutes,
    EquatableArray<ExtraContainerModel> ExtraContainers,
    BatchModel? Batch,
    EquatableArray<LocationInfo> ExtraWorkloadAttributes,
    EquatableArray<DependencyModel> Dependencies,
    Setting<bool?> NetworkPolicy,
    EquatableArray<EnvironmentModel> Environments,
    EquatableArray<TextProblem> TextProblems,
    EquatableArray<FeatureModel> Extensions)
{
    /// <summary>The settings of a feature kept among <see cref="Extensions"/>, or null when the workload has none.</summary>
    public T? Extension<T>()
        where T : FeatureModel
    {
        foreach (var extension in Extensions)
        {
            if (extension is T model)
            {
                return model;
            }
        }

        return null;
    }
}

/// <summary>
/// The MSBuild properties the generator reads (through <c>CompilerVisibleProperty</c>), boiled down
/// once so that the rest of the pipeline depends on these few strings only.
/// </summary>
/// <param name="Kestrel">The project references Kestrel (an ASP.NET Core app): not a property, read from the compilation's references.</param>
internal sealed record GeneratorOptions(
    string RootNamespace,
    string? ProjectDirectory,
    string DefaultImage,
    string Version,
    string? PartOf,
    string? DefaultNamespace,
    bool Enabled,
    bool NetworkPolicy = false,
    string IngressNamespace = "ingress-nginx",
    string MonitoringNamespace = "monitoring",
    bool Kestrel = false);
