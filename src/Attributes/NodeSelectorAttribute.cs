using System;

namespace K8sGen
{
    /// <summary>
    /// Runs the workload's pods only on nodes that carry this label (the pod's <c>nodeSelector</c>); with several,
    /// on nodes that carry all of them.
    /// </summary>
    /// <example><code>[NodeSelector("kubernetes.io/arch", "arm64")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class NodeSelectorAttribute : Attribute
    {
        /// <summary>Declares a node label the pods need.</summary>
        /// <param name="key">The node label's key, <c>[prefix/]name</c> (e.g. <c>kubernetes.io/arch</c>, <c>topology.kubernetes.io/zone</c>).</param>
        /// <param name="value">The value the node's label must have: at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric.</param>
        public NodeSelectorAttribute(string key, string value)
        {
            Key = key;
            Value = value;
        }

        /// <summary>The node label's key.</summary>
        public string Key { get; }

        /// <summary>The value the node's label must have.</summary>
        public string Value { get; }
    }
}
