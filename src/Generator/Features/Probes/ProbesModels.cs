using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>Which probe an attribute declares.</summary>
internal enum ProbeKind
{
    Liveness,
    Readiness,
    Startup,
}

internal static class ProbeKinds
{
    /// <summary>The attribute's name, as messages show it (without boxing the enum, as ToString would on every validation).</summary>
    public static string AttributeName(this ProbeKind kind) => kind switch
    {
        ProbeKind.Liveness => nameof(ProbeKind.Liveness),
        ProbeKind.Readiness => nameof(ProbeKind.Readiness),
        _ => nameof(ProbeKind.Startup),
    };
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
