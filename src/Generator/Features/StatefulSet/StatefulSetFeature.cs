using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[StatefulSet]</c>'s own settings (name, replicas and image are the workload's).</summary>
internal sealed record StatefulSetModel(Setting<int> PodManagementPolicy, Setting<int> UpdateStrategy, Setting<int> Partition) : FeatureModel;

/// <summary>
/// <c>[StatefulSet]</c>: pods with a stable identity (<c>name-0</c>, <c>name-1</c> …), started in order, each with its
/// own volumes ([VolumeClaim], written by <see cref="VolumesFeature"/>). The StatefulSet names a headless Service
/// (<c>name-headless</c>) that gives each pod its DNS name; it is written here and owned by this workload, beside
/// the ClusterIP Service clients use (<see cref="PortsFeature"/>). The selector is the version-free one of every
/// workload: it is immutable on a StatefulSet too.
/// </summary>
internal sealed class StatefulSetFeature : Feature
{
    /// <summary>Kubernetes labels each pod <c>controller-revision-hash: name-&lt;10 characters&gt;</c>, a label value (at most 63).</summary>
    private const int MaxName = 52;

    public override string Name => "StatefulSet";

    public override IReadOnlyList<string> Attributes { get; } = [WorkloadFeature.StatefulSetAttribute];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddHeadlessService", Stage.Objects, AddHeadlessService, "AddService")];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.StatefulSet];

    /// <summary>The headless Service of a StatefulSet: <c>name-0.name-headless</c> is its first pod.</summary>
    public static string HeadlessServiceName(string workload) => workload + "-headless";

    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        if (model.Kind == WorkloadKind.StatefulSet)
        {
            yield return new(Contract.Kinds.Service.Kind, Kubernetes.ObjectNames.NamespaceOf(model, options), HeadlessServiceName(model.Name.Value), model.WorkloadAttribute, "[StatefulSet] (its headless Service)");
        }
    }

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        if (WorkloadFeature.ReadWorkload(WorkloadKind.StatefulSet, reader, parts))
        {
            parts.UpdateExtension<StatefulSetModel>(_ => new(reader.Named("PodManagementPolicy", 0), reader.Named("UpdateStrategy", 0), reader.Named("Partition", 0)));
        }
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Kind != WorkloadKind.StatefulSet || model.Extension<StatefulSetModel>() is not { } statefulSet)
        {
            return;
        }

        var name = model.Name;
        if (KubernetesFormats.Dns1123Label(name.Value) is null)
        {
            // With ports WorkloadRules already said so (KSG1002); without, the headless Service still needs the name.
            if (model.Ports.IsEmpty && KubernetesFormats.Dns1035Label(name.Value) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(ServiceNameMustStartWithLetter, name.Location, name.Value));
            }

            if (name.Value.Length > MaxName)
            {
                diagnostics.Add(DiagnosticInfo.Create(StatefulSetNameTooLong, name.Location, name.Value, Text(name.Value.Length)));
            }
        }

        if (statefulSet.PodManagementPolicy.Value is < 0 or > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, statefulSet.PodManagementPolicy.Location, "PodManagementPolicy", Text(statefulSet.PodManagementPolicy.Value), "PodManagementPolicy.OrderedReady or Parallel", "PodManagementPolicy.Parallel"));
        }

        if (statefulSet.UpdateStrategy.Value is < 0 or > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, statefulSet.UpdateStrategy.Location, "UpdateStrategy", Text(statefulSet.UpdateStrategy.Value), "StatefulSetUpdateStrategy.RollingUpdate or OnDelete", "StatefulSetUpdateStrategy.OnDelete"));
        }

        if (statefulSet.Partition.Value < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, statefulSet.Partition.Location, "Partition", Text(statefulSet.Partition.Value), "0 or more", "2"));
        }
        else if (statefulSet.Partition.IsExplicit && statefulSet.UpdateStrategy.Value == 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, statefulSet.Partition.Location, "Partition", "UpdateStrategy = OnDelete", "a partition stages a rolling update, and OnDelete replaces a pod only when it is deleted. Remove one of them"));
        }
    }

    /// <summary>serviceName, podManagementPolicy and updateStrategy (called by the StatefulSet's skeleton, so they read before the template).</summary>
    public static void WriteSpec(YamlMap spec, WorkloadModel model)
    {
        var settings = model.Extension<StatefulSetModel>()!;
        spec.Add("serviceName", HeadlessServiceName(model.Name.Value));
        spec.Add("podManagementPolicy", settings.PodManagementPolicy.Value == 1 ? "Parallel" : "OrderedReady");
        var strategy = spec.Map("updateStrategy");
        if (settings.UpdateStrategy.Value == 1)
        {
            strategy.Add("type", "OnDelete");
        }
        else
        {
            strategy.Add("type", "RollingUpdate").Map("rollingUpdate").Add("partition", settings.Partition.Value);
        }
    }

    /// <summary>
    /// The Service that gives each pod its DNS name: no cluster IP, the same selector, and the pods' own ports. It
    /// publishes pods that are not ready yet, so members of a cluster find each other while they start.
    /// </summary>
    private static void AddHeadlessService(ManifestContext context)
    {
        if (context.Model.Kind != WorkloadKind.StatefulSet)
        {
            return;
        }

        var service = context.NewObject(Contract.Kinds.Service, HeadlessServiceName(context.Name));
        service.Map("metadata").Map("labels").Add(WellKnown.HeadlessLabel, "true");
        var spec = service.Map("spec");
        spec.Add("clusterIP", "None");
        spec.Add("publishNotReadyAddresses", true);
        spec.Add("selector", context.SelectorLabels());
        if (context.Model.Ports.IsEmpty)
        {
            return;
        }

        var ports = spec.Sequence("ports");
        foreach (var port in context.Model.Ports)
        {
            ports.AddMap()
                .Add("name", port.Name.Value)
                .Add("port", port.ContainerPort.Value)
                .Add("targetPort", port.Name.Value)
                .Add("protocol", "TCP");
        }
    }
}
