using System;

namespace K8sGen
{
    /// <summary>What a CronJob does when a run is due while the previous one still runs.</summary>
    public enum ConcurrencyPolicy
    {
        /// <summary>Run both (Kubernetes' default).</summary>
        Allow = 0,

        /// <summary>Skip the new run.</summary>
        Forbid = 1,

        /// <summary>Stop the running one and start the new one.</summary>
        Replace = 2,
    }

    /// <summary>
    /// Marks a class as a workload that runs on a schedule: a <c>batch/v1</c> CronJob, instead of a
    /// Deployment. The pod gets the same secure defaults, resources, env, labels and extra containers.
    /// </summary>
    /// <example><code>[CronJob("0 3 * * *", TimeZone = "Europe/Berlin")] public sealed class NightlyReports { }</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CronJobAttribute : Attribute
    {
        /// <summary>Declares a scheduled workload.</summary>
        /// <param name="schedule">Five cron fields (minute hour day-of-month month day-of-week, with <c>*</c>, lists, ranges, steps and names) or a macro such as <c>@hourly</c>.</param>
        public CronJobAttribute(string schedule) => Schedule = schedule;

        /// <summary>The cron schedule.</summary>
        public string Schedule { get; }

        /// <summary>The workload's name; as for <see cref="DeploymentAttribute.Name"/>, and at most 52 characters.</summary>
        public string? Name { get; set; }

        /// <summary>Namespace of the CronJob. Default: none (or <c>K8sGenNamespace</c>).</summary>
        public string? Namespace { get; set; }

        /// <summary>The container image. Default: the project's image.</summary>
        public string? Image { get; set; }

        /// <summary>What to do when a run is due while the previous one still runs. Default <see cref="K8sGen.ConcurrencyPolicy.Allow"/>.</summary>
        public ConcurrencyPolicy ConcurrencyPolicy { get; set; }

        /// <summary>Pause the schedule. Default false.</summary>
        public bool Suspend { get; set; }

        /// <summary>Finished jobs to keep, 0 or more (Kubernetes' default 3).</summary>
        public int SuccessfulJobsHistoryLimit { get; set; }

        /// <summary>Failed jobs to keep, 0 or more (Kubernetes' default 1).</summary>
        public int FailedJobsHistoryLimit { get; set; }

        /// <summary>The schedule's time zone from the tz database, e.g. <c>Europe/Berlin</c>. Default: the controller's.</summary>
        public string? TimeZone { get; set; }

        /// <summary>Arguments passed to the program. Default: none.</summary>
        public string[]? Args { get; set; }
    }

    /// <summary>Marks a class as a workload that runs to completion once: a <c>batch/v1</c> Job, instead of a Deployment.</summary>
    /// <example><code>[Job(BackoffLimit = 2, TtlSecondsAfterFinished = 3600)] public sealed class ReindexJob { }</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JobAttribute : Attribute
    {
        /// <summary>The workload's name; as for <see cref="DeploymentAttribute.Name"/>.</summary>
        public string? Name { get; set; }

        /// <summary>Namespace of the Job. Default: none (or <c>K8sGenNamespace</c>).</summary>
        public string? Namespace { get; set; }

        /// <summary>The container image. Default: the project's image.</summary>
        public string? Image { get; set; }

        /// <summary>Retries before the Job counts as failed, 0 or more (Kubernetes' default 6).</summary>
        public int BackoffLimit { get; set; }

        /// <summary>Seconds after which a still running Job is stopped, 1 or more. Default: no limit.</summary>
        public int ActiveDeadlineSeconds { get; set; }

        /// <summary>Seconds after finishing before the Job is deleted, 0 or more. Default: kept.</summary>
        public int TtlSecondsAfterFinished { get; set; }

        /// <summary>Arguments passed to the program. Default: none.</summary>
        public string[]? Args { get; set; }
    }
}
