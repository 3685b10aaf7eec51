using System;

namespace K8sGen
{
    /// <summary>
    /// Marks a class as a workload that runs one pod on every node (log shippers, node agents, local caches): an
    /// <c>apps/v1</c> DaemonSet, instead of a Deployment. Choose the nodes with <see cref="NodeSelectorAttribute"/>, and
    /// let it onto tainted nodes (control plane, dedicated pools) with <see cref="TolerationAttribute"/>.
    /// </summary>
    /// <example><code>[DaemonSet] [Toleration("node-role.kubernetes.io/control-plane", Effect = TaintEffect.NoSchedule)] public sealed class NodeAgent { }</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DaemonSetAttribute : Attribute
    {
        /// <summary>The workload's name; as for <see cref="DeploymentAttribute.Name"/>.</summary>
        public string? Name { get; set; }

        /// <summary>Namespace of every object of this workload. Default: none (or <c>K8sGenNamespace</c>).</summary>
        public string? Namespace { get; set; }

        /// <summary>The container image. Default: the project's image.</summary>
        public string? Image { get; set; }

        /// <summary>
        /// Rolling update: how many nodes may be without a ready pod, as a number (<c>"1"</c>) or a percentage of the
        /// nodes (<c>"10%"</c>). Default <c>"1"</c> (Kubernetes' default).
        /// </summary>
        public string MaxUnavailable { get; set; } = "1";

        /// <summary>
        /// Rolling update: on how many nodes the new pod may start before the old one stops, as a number or a
        /// percentage up to 100%. Default <c>"0"</c> (the old pod stops first: a node agent that binds a host port or a
        /// file cannot run twice). Exactly one of this and <see cref="MaxUnavailable"/> must be above 0: with a surge,
        /// set <c>MaxUnavailable = "0"</c>.
        /// </summary>
        public string MaxSurge { get; set; } = "0";

        /// <summary>As for <see cref="DeploymentAttribute.DrainSeconds"/>: default 5 for a workload with ports, none for one without.</summary>
        public int DrainSeconds { get; set; } = 5;

        /// <summary>As for <see cref="DeploymentAttribute.TerminationGracePeriodSeconds"/>.</summary>
        public int TerminationGracePeriodSeconds { get; set; } = 35;
    }
}
