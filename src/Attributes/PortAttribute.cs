using System;

namespace K8sGen
{
    /// <summary>
    /// A TCP port the container listens on, exposed through a ClusterIP Service.
    /// </summary>
    /// <example><code>[Port(8080)]  // container port 8080 named "http", Service port 80</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PortAttribute : Attribute
    {
        /// <summary>Declares a container port.</summary>
        /// <param name="containerPort">The port the process listens on, 1–65535.</param>
        public PortAttribute(int containerPort) => ContainerPort = containerPort;

        /// <summary>The port the process listens on, 1–65535.</summary>
        public int ContainerPort { get; }

        /// <summary>
        /// The port's name, referenced by Service, probes, routes and scraping. Default: <c>http</c> for the
        /// first port, <c>port-&lt;number&gt;</c> for the others. At most 15 lowercase letters, digits and '-'.
        /// </summary>
        public string? Name { get; set; }

        /// <summary>The Service port that forwards to this port. Default: 80 for the first port, the container port for the others.</summary>
        public int ServicePort { get; set; }
    }
}
