using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>KSG3003/KSG3004: a Deployment with a port (it serves traffic) needs a readiness and a liveness probe.</summary>
internal static class ProbesPolicy
{
    /// <summary>Diagnostic properties: the probe attribute a fix adds ("Readiness", "Liveness") and its path.</summary>
    public const string ProbeProperty = "probe";
    public const string PathProperty = "path";

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Kind.IsBatch() || model.Ports.IsEmpty)
        {
            return;
        }

        ProbeModel? readiness = null, liveness = null, startup = null;
        foreach (var probe in model.Probes)
        {
            switch (probe.Kind)
            {
                case ProbeKind.Readiness:
                    readiness ??= probe;
                    break;
                case ProbeKind.Liveness:
                    liveness ??= probe;
                    break;
                default:
                    startup ??= probe;
                    break;
            }
        }

        // The path of a probe the workload has is the best guess for the missing one (a fix may still find the
        // app's health endpoint); else the usual /healthz.
        var known = (readiness ?? liveness ?? startup)?.Path.Value ?? "/healthz";
        if (readiness is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(NoReadinessProbe, model.WorkloadAttribute, model.Name.Value, known).With(ProbeProperty, "Readiness").With(PathProperty, known));
        }

        if (liveness is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(NoLivenessProbe, model.WorkloadAttribute, model.Name.Value, known).With(ProbeProperty, "Liveness").With(PathProperty, known));
        }
    }
}
