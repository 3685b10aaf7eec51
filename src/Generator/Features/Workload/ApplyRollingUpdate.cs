using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// A Deployment's or DaemonSet's RollingUpdate with the workload's MaxSurge/MaxUnavailable (a Deployment's default
/// 25% / 0: no downtime; a DaemonSet's 0 / 1: a node's pod stops before its successor starts). A Deployment whose
/// pods share a ReadWriteOnce volume is replaced with Recreate instead: a second pod could not mount it.
/// (A StatefulSet's update strategy is the StatefulSet feature's.)
/// </summary>
internal static class ApplyRollingUpdate
{
    public static void Apply(ManifestContext context)
    {
        var strategy = context.Model.Kind switch
        {
            WorkloadKind.Deployment => context.Workload.Map("spec").Map("strategy"),
            WorkloadKind.DaemonSet => context.Workload.Map("spec").Map("updateStrategy"),
            _ => null,
        };
        if (strategy is null)
        {
            return;
        }

        if (VolumesFeature.SingleAttach(context.Model) is not null)
        {
            strategy.Add("type", "Recreate");
            return;
        }

        strategy.Add("type", "RollingUpdate");
        strategy.Map("rollingUpdate")
            .AddIntOrString("maxSurge", context.Model.MaxSurge.Value)
            .AddIntOrString("maxUnavailable", context.Model.MaxUnavailable.Value);
    }
}
