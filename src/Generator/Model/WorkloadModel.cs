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
    EquatableArray<TextProblem> TextProblems);

/// <summary>A string argument holding a character that cannot reach the cluster unchanged (see YamlScalars.Unwritable).</summary>
internal sealed record TextProblem(LocationInfo Location, string Attribute, string Argument, string Character, string Reason);

/// <summary>An <c>[Environment]</c>: what its overlay changes; unset values are null.</summary>
internal sealed record EnvironmentModel(
    LocationInfo Attribute,
    Setting<string?> Name,
    Setting<int?> Replicas,
    Setting<string?> Namespace,
    Setting<string?> Host,
    Setting<string?> ImageTag);

/// <summary>
/// A <c>[DependsOn]</c>, resolved as far as the compilation allows: by type, the dependency's own name,
/// namespace and Service port; by name, what was written (port 80 unless set).
/// </summary>
/// <param name="TypeName">The dependency's class, in the by-type form.</param>
/// <param name="TypeIsWorkload">False when a type was given that carries no workload attribute.</param>
/// <param name="TypeInProject">The by-type dependency is a class of this project (so this project's environments move it too).</param>
internal sealed record DependencyModel(
    LocationInfo Attribute,
    Setting<string?> Name,
    Setting<string?> Namespace,
    Setting<int> Port,
    Setting<string?> EnvName,
    string? TypeName,
    bool TypeIsWorkload,
    bool TypeInProject = false)
{
    /// <summary>
    /// Its namespace is its own whatever this project's environments do: written on [DependsOn], or the
    /// namespace of a workload class of another project. Otherwise it is this workload's, or it moves with this project.
    /// </summary>
    public bool KeepsItsNamespace => Namespace.Value is not null && (Namespace.IsExplicit || (TypeName is not null && !TypeInProject));
}

/// <summary>What kind of object runs the workload's pods.</summary>
internal enum WorkloadKind
{
    Deployment,
    CronJob,
    Job,
}

/// <summary>The settings of a <c>[CronJob]</c> or <c>[Job]</c>; unset numbers are null (Kubernetes' defaults apply).</summary>
internal sealed record BatchModel(
    Setting<string?> Schedule,
    Setting<int> ConcurrencyPolicy,
    Setting<bool> Suspend,
    Setting<int?> SuccessfulJobsHistoryLimit,
    Setting<int?> FailedJobsHistoryLimit,
    Setting<string?> TimeZone,
    Setting<int?> BackoffLimit,
    Setting<int?> ActiveDeadlineSeconds,
    Setting<int?> TtlSecondsAfterFinished,
    EquatableArray<string> Args);

/// <summary>A <c>[Sidecar]</c> or <c>[InitContainer]</c>, in declaration order.</summary>
internal sealed record ExtraContainerModel(
    LocationInfo Attribute,
    bool IsSidecar,
    Setting<string?> Name,
    Setting<string?> Image,
    Setting<EquatableArray<int>> Ports,
    EquatableArray<string> Args,
    ResourcesModel Resources);

/// <summary>An <c>[HttpRoute]</c> (Gateway API).</summary>
internal sealed record HttpRouteModel(
    LocationInfo Attribute,
    Setting<string?> Path,
    Setting<string?> Gateway,
    Setting<string?> GatewayNamespace,
    Setting<string?> Hostname,
    Setting<PathTypeModel> PathType,
    Setting<string?> Port);

/// <summary>An <c>[Autoscale]</c>; unset utilizations are null.</summary>
internal sealed record AutoscaleModel(LocationInfo Attribute, Setting<int> Min, Setting<int> Max, Setting<int?> CpuUtilization, Setting<int?> MemoryUtilization);

/// <summary>A <c>[DisruptionBudget]</c>; exactly one of the two should be set.</summary>
internal sealed record DisruptionBudgetModel(LocationInfo Attribute, Setting<string?> MinAvailable, Setting<string?> MaxUnavailable);

/// <summary>A <c>[Port]</c>, defaults applied (name <c>http</c> / <c>port-N</c>, Service port 80 / the container port).</summary>
internal sealed record PortModel(LocationInfo Attribute, Setting<int> ContainerPort, Setting<string> Name, Setting<int> ServicePort);

/// <summary>A <c>[Route]</c>; <see cref="Port"/> is the referenced port's name or number as written, or null for the first port.</summary>
internal sealed record RouteModel(
    LocationInfo Attribute,
    Setting<string?> Path,
    Setting<string?> Host,
    Setting<PathTypeModel> PathType,
    Setting<string?> Port,
    Setting<string?> IngressClass,
    Setting<string?> TlsSecret);

/// <summary>Mirrors <c>K8sGen.PathType</c> (the generator cannot reference the attributes assembly).</summary>
internal enum PathTypeModel
{
    Prefix = 0,
    Exact = 1,
    ImplementationSpecific = 2,
}

/// <summary>A <c>[Scrape]</c>.</summary>
internal sealed record ScrapeModel(LocationInfo Attribute, Setting<string?> Port, Setting<string?> Path, Setting<string?> Interval, Setting<bool> ServiceMonitor);

internal enum ProbeKind
{
    Liveness,
    Readiness,
    Startup,
}

/// <summary>A <c>[Liveness]</c>, <c>[Readiness]</c> or <c>[Startup]</c>; unset numbers are null (Kubernetes defaults apply).</summary>
internal sealed record ProbeModel(
    LocationInfo Attribute,
    ProbeKind Kind,
    Setting<string?> Path,
    Setting<string?> Port,
    Setting<int?> InitialDelaySeconds,
    Setting<int?> PeriodSeconds,
    Setting<int?> TimeoutSeconds,
    Setting<int?> FailureThreshold);

/// <summary>A <c>[Resources]</c>; unset quantities are null.</summary>
internal sealed record ResourcesModel(
    LocationInfo Attribute,
    Setting<string?> CpuRequest,
    Setting<string?> MemoryRequest,
    Setting<string?> CpuLimit,
    Setting<string?> MemoryLimit);

internal enum EnvSource
{
    Value,
    Secret,
    ConfigMap,
}

/// <summary>An <c>[Env]</c>, <c>[EnvFromSecret]</c> or <c>[EnvFromConfigMap]</c>. For <see cref="EnvSource.Value"/>, <see cref="Reference"/> holds the value.</summary>
internal sealed record EnvModel(LocationInfo Attribute, EnvSource Source, Setting<string?> Name, Setting<string?> Reference, Setting<string?> Key);

/// <summary>A <c>[Label]</c> or <c>[Annotation]</c>.</summary>
internal sealed record KeyValueModel(LocationInfo Attribute, Setting<string?> Key, Setting<string?> Value);

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
