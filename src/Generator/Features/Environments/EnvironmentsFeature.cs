using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Environment]</c>: kustomize overlays (see <see cref="EnvironmentOverlays"/>); no decorator, the overlays are written beside the objects.</summary>
internal sealed class EnvironmentsFeature : Feature
{
    public override string Name => "Environments";

    public override IReadOnlyList<string> Attributes { get; } = ["EnvironmentAttribute"];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.Environments.Add(new EnvironmentModel(
            reader.Location,
            reader.Positional<string>(0, "name"),
            reader.OptionalInt("Replicas"),
            reader.Named<string?>("Namespace", null),
            reader.Named<string?>("Host", null),
            reader.Named<string?>("ImageTag", null)));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => EnvironmentRules.Check(model, diagnostics);

    /// <summary>KSG3009 for the host an environment gives the routes.</summary>
    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var environment in model.Environments)
        {
            RoutesPolicy.CheckHost($"Host of environment '{environment.Name.Value}'", environment.Host, policy, diagnostics);
        }
    }
}
