using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Toleration]</c>: key null or empty for every taint; <c>Effect</c> 0 for every effect (TaintEffect's order).</summary>
internal sealed record TolerationModel(LocationInfo Attribute, Setting<string?> Key, Setting<string?> Value, Setting<int> Effect, Setting<int?> Seconds);

/// <summary>The tolerations of a workload's pods, in declaration order.</summary>
internal sealed record TolerationsModel(EquatableArray<TolerationModel> Tolerations) : FeatureModel;

/// <summary>
/// <c>[Toleration]</c> on any workload kind: the pod's <c>tolerations</c>, checked as the API server's
/// ValidateTolerations does (key a label key; Exists without a key or value; Equal with a label value;
/// tolerationSeconds only for NoExecute).
/// </summary>
internal sealed class TolerationsFeature : Feature
{
    private static readonly string[] Effects = ["", "NoSchedule", "PreferNoSchedule", "NoExecute"];
    private const int NoExecute = 3;

    public override string Name => "Tolerations";

    public override IReadOnlyList<string> Attributes { get; } = ["TolerationAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddTolerations", Stage.Pod, Apply, "AddNodeSelector")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var toleration = new TolerationModel(reader.Location, reader.Positional<string>(0, "key"), reader.Named<string?>("Value", null), reader.Named("Effect", 0), reader.OptionalInt("TolerationSeconds"));
        parts.UpdateExtension<TolerationsModel>(all => new((all is null ? [toleration] : all.Tolerations.AsImmutableArray().Add(toleration)).ToEquatableArray()));
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Extension<TolerationsModel>() is not { } all)
        {
            return;
        }

        var seen = new HashSet<(string, string, int)>();
        foreach (var toleration in all.Tolerations)
        {
            var key = toleration.Key.Value;
            if (string.IsNullOrEmpty(key))
            {
                if (toleration.Value.Value is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, toleration.Value.Location, "Value", "a toleration without a key", "it tolerates every taint, whatever its value. Give the taint's key, e.g. [Toleration(\"dedicated\", Value = \"gpu\")]"));
                }
            }
            else if (KubernetesFormats.LabelKey(key) is { } keyError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidLabelKey, toleration.Key.Location, "Toleration", key!, keyError));
            }

            if (toleration.Value.Value is { } value && !string.IsNullOrEmpty(key) && KubernetesFormats.LabelValue(value) is { } valueError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidLabelValue, toleration.Value.Location, value, valueError));
            }

            if (toleration.Effect.Value is < 0 or > NoExecute)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, toleration.Effect.Location, "Effect", Text(toleration.Effect.Value), "TaintEffect.Any, NoSchedule, PreferNoSchedule or NoExecute", "TaintEffect.NoSchedule"));
            }

            if (toleration.Seconds.Value is { } seconds)
            {
                if (toleration.Effect.Value != NoExecute)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, toleration.Seconds.Location, "TolerationSeconds", "a toleration without Effect = TaintEffect.NoExecute", "only a NoExecute taint evicts running pods, and the seconds say how long the pod may stay. Set Effect = TaintEffect.NoExecute, or remove TolerationSeconds"));
                }
                else if (seconds < 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, toleration.Seconds.Location, "TolerationSeconds", Text(seconds), "0 or more", "300"));
                }
            }

            if (!seen.Add((key ?? string.Empty, toleration.Value.Value ?? string.Empty, toleration.Effect.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, toleration.Attribute, "Toleration", string.IsNullOrEmpty(key) ? "(every taint)" : key!));
            }
        }
    }

    private static void Apply(ManifestContext context)
    {
        if (context.Model.Extension<TolerationsModel>() is not { } all)
        {
            return;
        }

        var list = context.PodSpec.Sequence("tolerations");
        foreach (var toleration in all.Tolerations)
        {
            var item = list.AddMap();
            if (!string.IsNullOrEmpty(toleration.Key.Value))
            {
                item.Add("key", toleration.Key.Value!);
            }

            if (toleration.Value.Value is { } value && !string.IsNullOrEmpty(toleration.Key.Value))
            {
                item.Add("operator", "Equal").Add("value", value);
            }
            else
            {
                item.Add("operator", "Exists");
            }

            if (toleration.Effect.Value > 0)
            {
                item.Add("effect", Effects[toleration.Effect.Value]);
            }

            if (toleration.Seconds.Value is { } seconds)
            {
                item.Add("tolerationSeconds", seconds);
            }
        }
    }
}
