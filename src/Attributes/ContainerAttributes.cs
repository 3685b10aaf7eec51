using System;

namespace K8sGen
{
    /// <summary>
    /// A container beside the workload's own, with the same secure defaults (non-root, read-only root
    /// filesystem with a writable <c>/tmp</c>, no privilege escalation, all capabilities dropped).
    /// </summary>
    public abstract class ExtraContainerAttribute : Attribute
    {
        /// <summary>Declares a container.</summary>
        /// <param name="name">The container's name: a DNS-1123 label, unique in the pod.</param>
        /// <param name="image">Its image, e.g. <c>envoyproxy/envoy:v1.31.0</c>.</param>
        protected ExtraContainerAttribute(string name, string image)
        {
            Name = name;
            Image = image;
        }

        /// <summary>The container's name: a DNS-1123 label, unique in the pod.</summary>
        public string Name { get; }

        /// <summary>The container's image.</summary>
        public string Image { get; }

        /// <summary>Arguments passed to the image's entrypoint. Default: the image's own.</summary>
        public string[]? Args { get; set; }

        /// <summary>CPU the scheduler reserves, e.g. <c>50m</c>.</summary>
        public string? CpuRequest { get; set; }

        /// <summary>Memory the scheduler reserves, e.g. <c>64Mi</c>.</summary>
        public string? MemoryRequest { get; set; }

        /// <summary>CPU the container is throttled at.</summary>
        public string? CpuLimit { get; set; }

        /// <summary>Memory above which the container is killed.</summary>
        public string? MemoryLimit { get; set; }
    }

    /// <summary>
    /// A native sidecar (an init container with <c>restartPolicy: Always</c>): it starts before the
    /// workload's container, runs beside it, and stops after it.
    /// </summary>
    /// <example><code>[Sidecar("envoy", "envoyproxy/envoy:v1.31.0", Ports = new[] { 9901 })]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SidecarAttribute : ExtraContainerAttribute
    {
        /// <inheritdoc cref="ExtraContainerAttribute(string, string)"/>
        public SidecarAttribute(string name, string image) : base(name, image) { }

        /// <summary>TCP ports the sidecar listens on (they share the pod's network with the workload).</summary>
        public int[]? Ports { get; set; }
    }

    /// <summary>An init container: runs to completion, in declaration order, before the workload's container starts.</summary>
    /// <example><code>[InitContainer("migrate", "shop/migrator:1.0", Args = new[] { "--apply" })]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InitContainerAttribute : ExtraContainerAttribute
    {
        /// <inheritdoc cref="ExtraContainerAttribute(string, string)"/>
        public InitContainerAttribute(string name, string image) : base(name, image) { }
    }
}
