using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[DisruptionBudget]</c>: a policy/v1 PodDisruptionBudget.</summary>
internal sealed class DisruptionBudgetFeature : Feature
{
    public override string Name => "DisruptionBudget";

    public override IReadOnlyList<string> Attributes { get; } = ["DisruptionBudgetAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddPodDisruptionBudget", Stage.Objects, AddPodDisruptionBudget.Apply)];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.PodDisruptionBudget];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.DisruptionBudget = new DisruptionBudgetModel(reader.Location, reader.Named<string?>("MinAvailable", null), reader.Named<string?>("MaxUnavailable", null));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => DisruptionBudgetRules.Check(model, diagnostics);

    /// <summary>KSG3007: a workload that runs several pods (as <see cref="SpreadFeature.RunsSeveralPods"/> counts them) needs a budget.</summary>
    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.DisruptionBudget is null && SpreadFeature.RunsSeveralPods(model))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.NoDisruptionBudget, model.WorkloadAttribute, model.Name.Value));
        }
    }
}
