using System;

namespace K8sGen
{
    /// <summary>
    /// Scales the workload with an <c>autoscaling/v2</c> HorizontalPodAutoscaler on CPU and/or memory
    /// utilization (of the requests in <see cref="ResourcesAttribute"/>). The Deployment then has no fixed
    /// <c>replicas</c>, so the two never fight.
    /// </summary>
    /// <example><code>[Autoscale(Min = 2, Max = 10, CpuUtilization = 70)]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AutoscaleAttribute : Attribute
    {
        /// <summary>The fewest pods, 1 or more. Default 1.</summary>
        public int Min { get; set; } = 1;

        /// <summary>The most pods, at least <see cref="Min"/> (required).</summary>
        public int Max { get; set; }

        /// <summary>Target average CPU use, in percent of the CPU request (e.g. 70).</summary>
        public int CpuUtilization { get; set; }

        /// <summary>Target average memory use, in percent of the memory request (e.g. 80).</summary>
        public int MemoryUtilization { get; set; }
    }
}
