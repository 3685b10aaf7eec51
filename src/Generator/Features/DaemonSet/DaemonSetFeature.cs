using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>
/// <c>[DaemonSet]</c>: one pod on every node the pod may run on ([NodeSelector], [Toleration]), replaced node by node
/// with the workload's MaxUnavailable / MaxSurge (<see cref="ApplyRollingUpdate"/>). The node count sets the number of
/// pods, so what scales or spreads replicas does not apply.
/// </summary>
internal sealed class DaemonSetFeature : Feature
{
    public override string Name => "DaemonSet";

    public override IReadOnlyList<string> Attributes { get; } = [WorkloadFeature.DaemonSetAttribute];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.DaemonSet];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        WorkloadFeature.ReadWorkload(WorkloadKind.DaemonSet, reader, parts);

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Kind != WorkloadKind.DaemonSet)
        {
            return;
        }

        if (model.Autoscale is { } autoscale)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, autoscale.Attribute, "[Autoscale]", "a DaemonSet", "it runs one pod on every node it may run on, so the nodes set the number of pods. Remove it, or make the class a [Deployment]"));
        }

        if (model.DisruptionBudget is { } budget)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, budget.Attribute, "[DisruptionBudget]", "a DaemonSet", "a node drain leaves DaemonSet pods in place (kubectl drain --ignore-daemonsets), so a budget never guards them. Remove it"));
        }

        if (model.Extension<SpreadModel>() is { } spread)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, spread.Attribute, "[Spread]", "a DaemonSet", "it already runs one pod on every node. Remove it"));
        }
    }
}
