using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary>
/// The workload kinds themselves (<c>[Deployment]</c>, <c>[CronJob]</c>, <c>[Job]</c>; <c>[StatefulSet]</c> and
/// <c>[DaemonSet]</c> are read here too, their own settings by their features): name, namespace, replicas, rolling
/// update, image, batch settings, the container image, and the secure pod defaults.
/// </summary>
internal sealed class WorkloadFeature : Feature
{
    public const string DeploymentAttribute = "DeploymentAttribute";
    public const string CronJobAttribute = "CronJobAttribute";
    public const string JobAttribute = "JobAttribute";
    public const string StatefulSetAttribute = "StatefulSetAttribute";
    public const string DaemonSetAttribute = "DaemonSetAttribute";

    public override string Name => "Workload";

    public override IReadOnlyList<string> Attributes { get; } = [DeploymentAttribute, CronJobAttribute, JobAttribute];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("SetContainerImage", Stage.Container, SetContainerImage.Apply),
        new("ApplyRollingUpdate", Stage.Pod, ApplyRollingUpdate.Apply),
        new("ApplySecureDefaults", Stage.Defaults, ApplySecureDefaults.Apply),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.Deployment, Contract.Kinds.Job, Contract.Kinds.CronJob];

    /// <summary>The kind a workload attribute makes, or null for any other attribute.</summary>
    public static WorkloadKind? KindOf(string? attribute) => attribute switch
    {
        DeploymentAttribute => WorkloadKind.Deployment,
        CronJobAttribute => WorkloadKind.CronJob,
        JobAttribute => WorkloadKind.Job,
        StatefulSetAttribute => WorkloadKind.StatefulSet,
        DaemonSetAttribute => WorkloadKind.DaemonSet,
        _ => null,
    };

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        ReadWorkload(KindOf(data.AttributeClass?.Name)!.Value, reader, parts);

    /// <summary>
    /// Makes the class a workload of this kind (the first workload attribute wins; a second is KSG1140). True when
    /// it did, so the kind's feature reads its own settings.
    /// </summary>
    public static bool ReadWorkload(WorkloadKind kind, AttributeReader reader, WorkloadBuilder parts)
    {
        if (parts.Workload is null)
        {
            parts.Workload = reader;
            parts.Kind = kind;
            if (!kind.IsBatch())
            {
                ShutdownFeature.Read(reader, parts);
            }

            return true;
        }

        if (kind != parts.Kind)
        {
            // The same attribute twice is already CS0579; a second kind is KSG1140.
            parts.ExtraWorkloads.Add(reader.Location);
        }

        return false;
    }

    /// <summary>The rolling update defaults: a Deployment surges (25% / 0), a DaemonSet stops a node's pod first (0 / 1), as Kubernetes does.</summary>
    public static (string MaxSurge, string MaxUnavailable) RollingUpdateDefaults(WorkloadKind kind) =>
        kind == WorkloadKind.DaemonSet ? ("0", "1") : ("25%", "0");

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        WorkloadRules.Check(model, diagnostics);
        BatchRules.Check(model, diagnostics);
    }

    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        WorkloadPolicy.Check(model, policy, diagnostics);

    /// <summary>The settings of a <c>[CronJob]</c> or <c>[Job]</c>.</summary>
    public static BatchModel ReadBatch(AttributeReader reader, WorkloadKind kind) =>
        new(
            kind == WorkloadKind.CronJob ? reader.Positional<string>(0, "schedule") : new Setting<string?>(null, reader.Location, false),
            reader.Named("ConcurrencyPolicy", 0),
            reader.Named("Suspend", false),
            reader.OptionalInt("SuccessfulJobsHistoryLimit"),
            reader.OptionalInt("FailedJobsHistoryLimit"),
            reader.Named<string?>("TimeZone", null),
            reader.OptionalInt("BackoffLimit"),
            reader.OptionalInt("ActiveDeadlineSeconds"),
            reader.OptionalInt("TtlSecondsAfterFinished"),
            reader.NamedArray<string>("Args").Value);
}
