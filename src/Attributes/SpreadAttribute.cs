using System;

namespace K8sGen
{
    /// <summary>How strictly pods are spread over a topology (zones or nodes).</summary>
    public enum SpreadMode
    {
        /// <summary>Spread where the scheduler can, but schedule anyway (<c>whenUnsatisfiable: ScheduleAnyway</c>): single-zone and one-node clusters still run every pod.</summary>
        Preferred = 0,

        /// <summary>Never place a pod that would exceed the skew (<c>whenUnsatisfiable: DoNotSchedule</c>): pods stay pending rather than share a zone or node.</summary>
        Required = 1,

        /// <summary>No constraint over this topology.</summary>
        None = 2,
    }

    /// <summary>
    /// How the workload's pods are spread over zones (<c>topology.kubernetes.io/zone</c>) and nodes
    /// (<c>kubernetes.io/hostname</c>), as <c>topologySpreadConstraints</c> selecting the workload's own pods.
    /// Without this attribute, a Deployment with more than one replica, or autoscaled, is spread over both with
    /// <see cref="SpreadMode.Preferred"/>; a single replica is not spread.
    /// </summary>
    /// <example><code>[Spread(Nodes = SpreadMode.Required)]</code> <code>[Spread(Zones = SpreadMode.None, Nodes = SpreadMode.None)]</code> (off)</example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SpreadAttribute : Attribute
    {
        /// <summary>Spread over zones. Default <see cref="SpreadMode.Preferred"/>.</summary>
        public SpreadMode Zones { get; set; } = SpreadMode.Preferred;

        /// <summary>Spread over nodes. Default <see cref="SpreadMode.Preferred"/>.</summary>
        public SpreadMode Nodes { get; set; } = SpreadMode.Preferred;

        /// <summary>How many more pods one zone or node may have than another (<c>maxSkew</c>). Default 1; at least 1.</summary>
        public int MaxSkew { get; set; } = 1;
    }
}
