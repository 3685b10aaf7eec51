using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Spread]</c> as written; modes are the attribute's <c>SpreadMode</c> values (<see cref="SpreadFeature.Preferred"/> …).</summary>
internal sealed record SpreadModel(LocationInfo Attribute, Setting<int> Zones, Setting<int> Nodes, Setting<int> MaxSkew) : FeatureModel;

/// <summary>
/// Replicas spread over zones and nodes, so one zone or node going down takes only part of the workload with it.
/// By default for a Deployment that runs more than one pod (replicas, or an autoscaler that may add them), with
/// <c>ScheduleAnyway</c> so single-zone and one-node clusters still schedule; <c>[Spread]</c> overrides it or turns it off.
/// Each constraint selects the workload's own pods by the version-free selector, as the Deployment does.
/// </summary>
internal sealed class SpreadFeature : Feature
{
    public const int Preferred = 0;
    public const int Required = 1;
    public const int None = 2;

    public const string ZoneKey = "topology.kubernetes.io/zone";
    public const string NodeKey = "kubernetes.io/hostname";

    public override string Name => "Spread";

    public override IReadOnlyList<string> Attributes { get; } = ["SpreadAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddTopologySpread", Stage.Pod, Apply, "AddNodeSelector")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.UpdateExtension<SpreadModel>(_ => new(reader.Location, reader.Named("Zones", Preferred), reader.Named("Nodes", Preferred), reader.Named("MaxSkew", 1)));

    /// <summary>
    /// Whether the workload may run more than one pod at a time outside a rollout, in the base or in any environment
    /// (an overlay changes only the replica count, so the constraints must already be in the base; with one pod they cost nothing).
    /// </summary>
    public static bool RunsSeveralPods(WorkloadModel model)
    {
        if (!model.Kind.HasReplicas())
        {
            return false;
        }

        if (model.Autoscale is { } autoscale)
        {
            return autoscale.Max.Value > 1;
        }

        if (model.Replicas.Value > 1)
        {
            return true;
        }

        foreach (var environment in model.Environments)
        {
            if (environment.Replicas.Value > 1)
            {
                return true;
            }
        }

        return false;
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Extension<SpreadModel>() is not { } spread)
        {
            return;
        }

        if (model.Batch is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, spread.Attribute, "Spread", model.Kind.ToString()));
            return;
        }

        foreach (var (name, mode) in new[] { ("Zones", spread.Zones), ("Nodes", spread.Nodes) })
        {
            if (mode.Value is < Preferred or > None)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidSpreadSetting, mode.Location, name, Text(mode.Value), "SpreadMode.Preferred, Required or None", name + " = SpreadMode.Required"));
            }
        }

        if (spread.MaxSkew.Value < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidSpreadSetting, spread.MaxSkew.Location, "MaxSkew", Text(spread.MaxSkew.Value), "a whole number of 1 or more", "MaxSkew = 1"));
        }
    }

    private static void Apply(ManifestContext context)
    {
        var spread = context.Model.Extension<SpreadModel>();
        if (spread is null && !RunsSeveralPods(context.Model))
        {
            return;
        }

        var skew = spread?.MaxSkew.Value ?? 1;
        var zones = spread?.Zones.Value ?? Preferred;
        var nodes = spread?.Nodes.Value ?? Preferred;
        if (zones == None && nodes == None)
        {
            return;
        }

        var constraints = context.PodSpec.Sequence("topologySpreadConstraints");
        foreach (var (key, mode) in new[] { (ZoneKey, zones), (NodeKey, nodes) })
        {
            if (mode != None)
            {
                constraints.AddMap()
                    .Add("maxSkew", skew)
                    .Add("topologyKey", key)
                    .Add("whenUnsatisfiable", mode == Required ? "DoNotSchedule" : "ScheduleAnyway")
                    .Add("labelSelector", context.NewMap().Add("matchLabels", context.SelectorLabels()));
            }
        }
    }
}
