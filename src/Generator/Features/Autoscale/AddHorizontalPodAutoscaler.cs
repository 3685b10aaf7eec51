using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>An autoscaling/v2 HorizontalPodAutoscaler for <c>[Autoscale]</c> (the Deployment skeleton then writes no fixed replicas, so the two never fight).</summary>
internal static class AddHorizontalPodAutoscaler
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Autoscale is not { } autoscale)
        {
            return;
        }

        var spec = context.NewObject(Contract.Kinds.HorizontalPodAutoscaler).Map("spec");
        var target = context.Model.Kind.ApiKind();
        spec.Map("scaleTargetRef").Add("apiVersion", target.ApiVersion).Add("kind", target.Kind).Add("name", context.Name);
        spec.Add("minReplicas", autoscale.Min.Value).Add("maxReplicas", autoscale.Max.Value);
        var metrics = spec.Sequence("metrics");
        AddMetric(metrics, "cpu", autoscale.CpuUtilization.Value);
        AddMetric(metrics, "memory", autoscale.MemoryUtilization.Value);
    }

    private static void AddMetric(YamlSequence metrics, string resource, int? utilization)
    {
        if (utilization is { } value)
        {
            metrics.AddMap().Add("type", "Resource").Map("resource").Add("name", resource)
                .Map("target").Add("type", "Utilization").Add("averageUtilization", value);
        }
    }
}
