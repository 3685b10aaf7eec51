using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>A policy/v1 PodDisruptionBudget for <c>[DisruptionBudget]</c>, selecting the workload's pods.</summary>
internal static class AddPodDisruptionBudget
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.DisruptionBudget is not { } budget)
        {
            return;
        }

        var spec = context.NewObject(Contract.Kinds.PodDisruptionBudget).Map("spec");
        if (budget.MinAvailable.Value is { } minAvailable)
        {
            spec.AddIntOrString("minAvailable", minAvailable);
        }
        else
        {
            spec.AddIntOrString("maxUnavailable", budget.MaxUnavailable.Value!);
        }

        spec.Map("selector").Add("matchLabels", context.SelectorLabels());
    }
}
