using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Label]</c>, <c>[Annotation]</c> and K8sGen's own <c>app.kubernetes.io/*</c> labels, on every object and the pods.</summary>
internal sealed class MetadataFeature : Feature
{
    public override string Name => "Metadata";

    public override IReadOnlyList<string> Attributes { get; } = ["LabelAttribute", "AnnotationAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddLabels", Stage.Metadata, AddLabels.Apply),
        new("AddAnnotations", Stage.Metadata, AddAnnotations.Apply, "AddLabels"),
    ];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var entry = new KeyValueModel(reader.Location, reader.Positional<string>(0, "key"), reader.Positional<string>(1, "value"));
        (data.AttributeClass?.Name == "LabelAttribute" ? parts.Labels : parts.Annotations).Add(entry);
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => MetadataRules.Check(model, diagnostics);
}
