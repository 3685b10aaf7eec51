using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[DisruptionBudget]: exactly one value, int-or-percent ≤ 100% (pdb ValidatePodDisruptionBudgetSpec), and one that lets drains proceed.</summary>
internal static class DisruptionBudgetRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.DisruptionBudget is not { } budget)
        {
            return;
        }

        var (min, max) = (budget.MinAvailable, budget.MaxUnavailable);
        if ((min.Value is null) == (max.Value is null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DisruptionBudgetNeedsOneValue, min.Value is null ? budget.Attribute : max.Location, min.Value is null ? "and has none" : "not both"));
            return;
        }

        var (setting, property) = min.Value is not null ? (min, "MinAvailable") : (max, "MaxUnavailable");
        if (KubernetesFormats.IntOrPercent(setting.Value, capAt100: true) is { } error)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidDisruptionBudgetValue, setting.Location, property, setting.Value!, error));
            return;
        }

        // The fewest pods the workload may run with: the autoscaler's minimum, else the replica count.
        var pods = model.Autoscale?.Min.Value ?? model.Replicas.Value;
        if (pods > 0 && BlocksEviction(setting.Value!, property == "MinAvailable", pods))
        {
            diagnostics.Add(DiagnosticInfo.Create(DisruptionBudgetBlocksEviction, setting.Location, property, setting.Value!, pods.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static bool BlocksEviction(string value, bool isMinAvailable, int pods)
    {
        var percent = value.EndsWith("%", System.StringComparison.Ordinal);
        var number = int.Parse(value.TrimEnd('%'), CultureInfo.InvariantCulture);

        // The disruption controller rounds both percentages up, in pods (GetScaledValueFromIntOrPercent with roundUp).
        var allowedDown = isMinAvailable
            ? pods - (percent ? (int)System.Math.Ceiling(pods * number / 100.0) : number)
            : percent ? (int)System.Math.Ceiling(pods * number / 100.0) : number;
        return allowedDown < 1;
    }
}
