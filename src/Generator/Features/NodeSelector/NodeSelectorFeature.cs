using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>The node labels a workload's pods need, in declaration order.</summary>
internal sealed record NodeSelectorModel(EquatableArray<KeyValueModel> Labels) : FeatureModel;

/// <summary>
/// <c>[NodeSelector("kubernetes.io/arch", "arm64")]</c>: the pod's <c>nodeSelector</c>. The API server checks it as
/// labels (ValidateLabels): each key a qualified name, each value a label value, each key once.
/// </summary>
internal sealed class NodeSelectorFeature : Feature
{
    public override string Name => "NodeSelector";

    public override IReadOnlyList<string> Attributes { get; } = ["NodeSelectorAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddNodeSelector", Stage.Pod, Apply, "AddExtraContainers")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var label = new KeyValueModel(reader.Location, reader.Positional<string>(0, "key"), reader.Positional<string>(1, "value"));
        parts.UpdateExtension<NodeSelectorModel>(selector => new((selector is null ? [label] : selector.Labels.AsImmutableArray().Add(label)).ToEquatableArray()));
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Extension<NodeSelectorModel>() is not { } selector)
        {
            return;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in selector.Labels)
        {
            if (KubernetesFormats.LabelKey(label.Key.Value) is { } keyError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidLabelKey, label.Key.Location, "Node selector", label.Key.Value ?? string.Empty, keyError));
            }
            else if (!keys.Add(label.Key.Value!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, label.Attribute, "Node selector", label.Key.Value!));
            }

            if (KubernetesFormats.LabelValue(label.Value.Value) is { } valueError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidLabelValue, label.Value.Location, label.Value.Value ?? string.Empty, valueError));
            }
        }
    }

    private static void Apply(ManifestContext context)
    {
        if (context.Model.Extension<NodeSelectorModel>() is { } selector)
        {
            var map = context.PodSpec.Map("nodeSelector");
            foreach (var label in selector.Labels)
            {
                map.Add(label.Key.Value!, label.Value.Value ?? string.Empty);
            }
        }
    }
}
