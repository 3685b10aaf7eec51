using System;

namespace K8sGen
{
    /// <summary>The effect of a node taint that a toleration matches.</summary>
    public enum TaintEffect
    {
        /// <summary>Every effect (the toleration writes none).</summary>
        Any = 0,

        /// <summary>New pods are not scheduled onto the node.</summary>
        NoSchedule = 1,

        /// <summary>The scheduler avoids the node if it can.</summary>
        PreferNoSchedule = 2,

        /// <summary>New pods are not scheduled, and running pods are evicted (after <see cref="TolerationAttribute.TolerationSeconds"/> if set).</summary>
        NoExecute = 3,
    }

    /// <summary>
    /// Lets the workload's pods onto nodes with a matching taint (the pod's <c>tolerations</c>), on any workload kind.
    /// With a <see cref="Value"/> the taint's value must equal it (<c>operator: Equal</c>); without one any value matches
    /// (<c>operator: Exists</c>). <c>[Toleration]</c> with no key tolerates every taint, as node agents do.
    /// </summary>
    /// <example><code>[Toleration("dedicated", Value = "gpu", Effect = TaintEffect.NoSchedule)]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class TolerationAttribute : Attribute
    {
        /// <summary>Tolerates every taint (<c>operator: Exists</c> without a key).</summary>
        public TolerationAttribute()
        {
        }

        /// <summary>Tolerates the taint with this key.</summary>
        /// <param name="key">The taint's key, <c>[prefix/]name</c> as a label key (e.g. <c>dedicated</c>, <c>node.kubernetes.io/not-ready</c>).</param>
        public TolerationAttribute(string key) => Key = key;

        /// <summary>The taint's key; null for every taint.</summary>
        public string? Key { get; }

        /// <summary>The taint's value that must match (a label value). Default: any value.</summary>
        public string? Value { get; set; }

        /// <summary>The taint effect to match. Default: every effect.</summary>
        public TaintEffect Effect { get; set; }

        /// <summary>
        /// Only with <see cref="TaintEffect.NoExecute"/>: seconds the pod stays on the node once the taint appears
        /// (e.g. 300 for <c>node.kubernetes.io/unreachable</c>), 0 or more. Default: it stays.
        /// </summary>
        public int TolerationSeconds { get; set; }
    }
}
