using System;

namespace K8sGen
{
    /// <summary>
    /// CPU and memory requests and limits of the container, as Kubernetes quantities
    /// (<c>100m</c>, <c>0.5</c>, <c>128Mi</c>, <c>1Gi</c>). A request may not exceed its limit.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ResourcesAttribute : Attribute
    {
        /// <summary>CPU the scheduler reserves, e.g. <c>100m</c>.</summary>
        public string? CpuRequest { get; set; }

        /// <summary>Memory the scheduler reserves, e.g. <c>128Mi</c>.</summary>
        public string? MemoryRequest { get; set; }

        /// <summary>CPU the container is throttled at, e.g. <c>500m</c>.</summary>
        public string? CpuLimit { get; set; }

        /// <summary>Memory above which the container is killed, e.g. <c>256Mi</c>.</summary>
        public string? MemoryLimit { get; set; }
    }
}
