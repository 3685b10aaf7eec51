using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>What kind of object runs the workload's pods.</summary>
internal enum WorkloadKind
{
    Deployment,
    CronJob,
    Job,
    StatefulSet,
    DaemonSet,
}

/// <summary>What the kinds have in common, asked in one place rather than as lists of kinds at every rule.</summary>
internal static class WorkloadKinds
{
    /// <summary>Runs to completion ([CronJob], [Job]): no ports, probes, routes or scaling.</summary>
    public static bool IsBatch(this WorkloadKind kind) => kind is WorkloadKind.CronJob or WorkloadKind.Job;

    /// <summary>Has a replica count (and so autoscaling, spread, environments' replicas): a Deployment or a StatefulSet.</summary>
    public static bool HasReplicas(this WorkloadKind kind) => kind is WorkloadKind.Deployment or WorkloadKind.StatefulSet;

    /// <summary>The kind written in the YAML.</summary>
    public static Contract.ApiKind ApiKind(this WorkloadKind kind) => kind switch
    {
        WorkloadKind.CronJob => Contract.Kinds.CronJob,
        WorkloadKind.Job => Contract.Kinds.Job,
        WorkloadKind.StatefulSet => Contract.Kinds.StatefulSet,
        WorkloadKind.DaemonSet => Contract.Kinds.DaemonSet,
        _ => Contract.Kinds.Deployment,
    };
}

/// <summary>The settings of a <c>[CronJob]</c> or <c>[Job]</c>; unset numbers are null (Kubernetes' defaults apply).</summary>
internal sealed record BatchModel(
    Setting<string?> Schedule,
    Setting<int> ConcurrencyPolicy,
    Setting<bool> Suspend,
    Setting<int?> SuccessfulJobsHistoryLimit,
    Setting<int?> FailedJobsHistoryLimit,
    Setting<string?> TimeZone,
    Setting<int?> BackoffLimit,
    Setting<int?> ActiveDeadlineSeconds,
    Setting<int?> TtlSecondsAfterFinished,
    EquatableArray<string> Args);
