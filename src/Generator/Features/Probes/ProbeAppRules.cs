using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sGen.Generator.App;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>Probes against the app's endpoints: KSG1170 (a path nothing serves), KSG1173 (health checks, no probe).</summary>
internal static class ProbeAppRules
{
    public static void Check(IReadOnlyList<WorkloadModel> workloads, AppModel app, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (app.Endpoints is not { } endpoints)
        {
            return;
        }

        foreach (var workload in workloads)
        {
            // Only workloads that run this project's code answer with its endpoints.
            if (workload.Image.Value is not null)
            {
                continue;
            }

            foreach (var probe in workload.Probes)
            {
                if (probe.Path.Value is { } path && !endpoints.ServesGet(path))
                {
                    var consequence = probe.Kind switch
                    {
                        ProbeKind.Liveness => "the kubelet would restart the container again and again",
                        ProbeKind.Readiness => "the pod would never receive traffic",
                        _ => "the container would never count as started and be restarted",
                    };
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProbePathNotServed, probe.Path.Location, "[" + probe.Kind + "]", path, consequence, endpoints.Closest(path, e => e.Serves("GET"))));
                }
            }

            var health = endpoints.HealthPaths.ToList();
            if (workload.Probes.IsEmpty && !workload.Ports.IsEmpty && workload.Batch is null && health.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HealthChecksWithoutProbes, workload.WorkloadAttribute, string.Join(", ", health), workload.Name.Value, health[0]));
            }
        }
    }
}
