using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>A RollingUpdate strategy with the workload's MaxSurge/MaxUnavailable (default 25% / 0: no downtime).</summary>
internal static class ApplyRollingUpdate
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Kind != WorkloadKind.Deployment)
        {
            return;
        }

        var strategy = context.Workload.Map("spec").Map("strategy");
        strategy.Add("type", "RollingUpdate");
        strategy.Map("rollingUpdate")
            .AddIntOrString("maxSurge", context.Model.MaxSurge.Value)
            .AddIntOrString("maxUnavailable", context.Model.MaxUnavailable.Value);
    }
}
