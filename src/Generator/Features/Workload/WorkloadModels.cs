using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>What kind of object runs the workload's pods.</summary>
internal enum WorkloadKind
{
    Deployment,
    CronJob,
    Job,
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
