using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Autoscale]</c>: an autoscaling/v2 HorizontalPodAutoscaler.</summary>
internal sealed class AutoscaleFeature : Feature
{
    public override string Name => "Autoscale";

    public override IReadOnlyList<string> Attributes { get; } = ["AutoscaleAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddHorizontalPodAutoscaler", Stage.Objects, AddHorizontalPodAutoscaler.Apply)];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.HorizontalPodAutoscaler];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.Autoscale = new AutoscaleModel(reader.Location, reader.Named("Min", 1), reader.Named("Max", 0), reader.OptionalInt("CpuUtilization"), reader.OptionalInt("MemoryUtilization"));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => AutoscaleRules.Check(model, diagnostics);
}
