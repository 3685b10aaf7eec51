using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Sidecar]</c> (native sidecars) and <c>[InitContainer]</c>, in declaration order.</summary>
internal sealed class ExtraContainersFeature : Feature
{
    public override string Name => "ExtraContainers";

    public override IReadOnlyList<string> Attributes { get; } = ["SidecarAttribute", "InitContainerAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddExtraContainers", Stage.Pod, AddExtraContainers.Apply, "AddProbes")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.ExtraContainers.Add(new ExtraContainerModel(
            reader.Location,
            data.AttributeClass?.Name == "SidecarAttribute",
            reader.Positional<string>(0, "name"),
            reader.Positional<string>(1, "image"),
            reader.NamedArray<int>("Ports"),
            reader.NamedArray<string>("Args").Value,
            ResourcesFeature.ReadResources(reader)));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => ExtraContainerRules.Check(model, diagnostics);

    /// <summary>KSG3001/KSG3002 and KSG3005 for each container, as for the workload's own (no fix for the tag: it is another project's image).</summary>
    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var container in model.ExtraContainers)
        {
            var kind = container.IsSidecar ? "Sidecar" : "InitContainer";
            var subject = (container.IsSidecar ? "Sidecar '" : "Init container '") + container.Name.Value + "'";
            ResourcesPolicy.Check(subject, container.Resources, container.Attribute, kind, diagnostics);
            if (container.Image.Value is { } image && WorkloadPolicy.MutableImage(subject + ": image", image, container.Image.Location, fixTag: null) is { } diagnostic)
            {
                diagnostics.Add(diagnostic);
            }
        }
    }
}
