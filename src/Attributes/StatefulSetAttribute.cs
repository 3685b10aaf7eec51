using System;

namespace K8sGen
{
    /// <summary>How a StatefulSet starts and stops its pods.</summary>
    public enum PodManagementPolicy
    {
        /// <summary>One at a time, in order (<c>name-0</c>, then <c>name-1</c> once <c>name-0</c> is ready), and in reverse when scaling down (Kubernetes' default).</summary>
        OrderedReady = 0,

        /// <summary>All at once: for members that do not depend on each other starting in order.</summary>
        Parallel = 1,
    }

    /// <summary>How a StatefulSet replaces its pods when the pod template changes.</summary>
    public enum StatefulSetUpdateStrategy
    {
        /// <summary>Replaces the pods one at a time, from the highest ordinal down, each once the previous one is ready (Kubernetes' default).</summary>
        RollingUpdate = 0,

        /// <summary>Replaces a pod only when someone deletes it (for members that must be upgraded by hand).</summary>
        OnDelete = 1,
    }

    /// <summary>
    /// Marks a class as a workload whose pods keep their identity: an <c>apps/v1</c> StatefulSet, instead of a
    /// Deployment. Pods are named <c>name-0</c>, <c>name-1</c> …, each reachable as
    /// <c>name-N.name-headless</c> through a headless Service the StatefulSet owns, and each gets its own
    /// volumes from <see cref="VolumeClaimAttribute"/>. The other K8sGen attributes configure it as they do a
    /// Deployment (ports and their ClusterIP Service, probes, routes, autoscaling, disruption budget …).
    /// </summary>
    /// <example><code>[StatefulSet(Replicas = 3)] [Port(8080)] [VolumeClaim("data", "/var/lib/orders", Size = "10Gi")] public sealed class OrderLedger { }</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class StatefulSetAttribute : Attribute
    {
        /// <summary>
        /// The workload's name; as for <see cref="DeploymentAttribute.Name"/>, and besides: it must start with a letter
        /// (it names the headless Service <c>name-headless</c>) and have at most 52 characters (Kubernetes labels
        /// each pod with <c>name-</c> and an 11-character revision hash, and a label value has at most 63).
        /// </summary>
        public string? Name { get; set; }

        /// <summary>Number of pods. Default 1. Must be 0 or more.</summary>
        public int Replicas { get; set; } = 1;

        /// <summary>Namespace of every object of this workload. Default: none (or <c>K8sGenNamespace</c>).</summary>
        public string? Namespace { get; set; }

        /// <summary>The container image. Default: the project's image.</summary>
        public string? Image { get; set; }

        /// <summary>Start and stop the pods in order, or all at once. Default <see cref="K8sGen.PodManagementPolicy.OrderedReady"/>.</summary>
        public PodManagementPolicy PodManagementPolicy { get; set; }

        /// <summary>How pods are replaced when the template changes. Default <see cref="StatefulSetUpdateStrategy.RollingUpdate"/>.</summary>
        public StatefulSetUpdateStrategy UpdateStrategy { get; set; }

        /// <summary>
        /// A staged rollout: only pods with an ordinal of at least this number are updated (0 to <see cref="Replicas"/>;
        /// lower it step by step to roll further). Default 0 (every pod). Only with <see cref="StatefulSetUpdateStrategy.RollingUpdate"/>.
        /// </summary>
        public int Partition { get; set; }

        /// <summary>As for <see cref="DeploymentAttribute.DrainSeconds"/>: default 5 for a workload with ports, none for one without.</summary>
        public int DrainSeconds { get; set; } = 5;

        /// <summary>As for <see cref="DeploymentAttribute.TerminationGracePeriodSeconds"/>.</summary>
        public int TerminationGracePeriodSeconds { get; set; } = 35;
    }
}
