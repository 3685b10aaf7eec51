using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Resources]</c>: the main container's CPU and memory requests and limits.</summary>
internal sealed class ResourcesFeature : Feature
{
    public override string Name => "Resources";

    public override IReadOnlyList<string> Attributes { get; } = ["ResourcesAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddResources", Stage.Pod, AddResources.Apply, "AddEnvironment", "AddDependencies")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) => parts.Resources = ReadResources(reader);

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => ResourceRules.Check(model, diagnostics);

    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        ResourcesPolicy.Check($"Workload '{model.Name.Value}'", model.Resources, model.Resources?.Attribute ?? model.WorkloadAttribute, "Resources", diagnostics);

    /// <summary>Requests and limits as any attribute with these four settings writes them (also sidecars and init containers).</summary>
    public static ResourcesModel ReadResources(AttributeReader reader) =>
        new(
            reader.Location,
            reader.Named<string?>("CpuRequest", null),
            reader.Named<string?>("MemoryRequest", null),
            reader.Named<string?>("CpuLimit", null),
            reader.Named<string?>("MemoryLimit", null));
}
