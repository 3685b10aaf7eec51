using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
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
}
