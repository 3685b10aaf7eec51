using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>Which probe an attribute declares.</summary>
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
