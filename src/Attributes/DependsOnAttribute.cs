using System;

namespace K8sGen
{
    /// <summary>
    /// Declares that the workload calls another one. It gets the dependency's address as an environment
    /// variable (<c>ORDERS_URL=http://orders:80</c>), and with network policies on (<c>K8sGenNetworkPolicy</c>
    /// or <see cref="NetworkPolicyAttribute"/>) the only traffic allowed to the dependency's pods is from the
    /// workloads that declared it.
    /// </summary>
    /// <example><code>[DependsOn("orders")] [DependsOn(typeof(UsersV1Service))]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DependsOnAttribute : Attribute
    {
        /// <summary>A dependency by its workload (and Service) name, e.g. one in another project.</summary>
        /// <param name="workload">The dependency's name, e.g. <c>orders</c>.</param>
        public DependsOnAttribute(string workload) => Workload = workload;

        /// <summary>A dependency by its class, when it is in this compilation: its name, namespace and port come from its attributes.</summary>
        /// <param name="workload">The dependency's workload class.</param>
        public DependsOnAttribute(Type workload) => WorkloadType = workload;

        /// <summary>The dependency's name (by-name form).</summary>
        public string? Workload { get; }

        /// <summary>The dependency's class (by-type form).</summary>
        public Type? WorkloadType { get; }

        /// <summary>The dependency's namespace, when it is not this workload's. By type: taken from its attributes.</summary>
        public string? Namespace { get; set; }

        /// <summary>The dependency's Service port. Default: 80 by name; by type, the Service port of its first [Port].</summary>
        public int Port { get; set; }

        /// <summary>The environment variable that gets the URL. Default: the name in upper case with '_' for '-', plus <c>_URL</c>.</summary>
        public string? EnvName { get; set; }
    }

    /// <summary>
    /// Turns Kubernetes NetworkPolicies on (or, with <c>false</c>, off) for this workload, whatever
    /// <c>K8sGenNetworkPolicy</c> says: its pods then accept traffic only from the workloads that declared
    /// a <see cref="DependsOnAttribute"/> on it (and from the ingress controller when routed, and Prometheus
    /// when scraped), and may only reach their own dependencies and DNS.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkPolicyAttribute : Attribute
    {
        /// <summary>Sets network policies for this workload.</summary>
        /// <param name="enabled">True (default) to write them, false to write none.</param>
        public NetworkPolicyAttribute(bool enabled = true) => Enabled = enabled;

        /// <summary>Whether the workload gets network policies.</summary>
        public bool Enabled { get; }
    }
}
