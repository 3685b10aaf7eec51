using System;

namespace K8sGen
{
    /// <summary>
    /// Gives the workload a ServiceAccount of its own (<c>v1</c> ServiceAccount, the pod's <c>serviceAccountName</c>):
    /// an identity in the cluster, e.g. for a cloud provider's workload identity. Its token is mounted only when the
    /// workload has <see cref="RbacAttribute"/> permissions (it talks to the Kubernetes API) or <see cref="AutomountToken"/> says so;
    /// every other pod keeps <c>automountServiceAccountToken: false</c>. <c>[Rbac]</c> alone implies it.
    /// </summary>
    /// <example><code>[ServiceAccount(Name = "orders-operator")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ServiceAccountAttribute : Attribute
    {
        /// <summary>The ServiceAccount's name, a DNS-1123 subdomain. Default: the workload's name.</summary>
        public string? Name { get; set; }

        /// <summary>Mount the account's token into the pods. Default: true when the workload has [Rbac] permissions, else false.</summary>
        public bool AutomountToken { get; set; }
    }

    /// <summary>
    /// A permission of the workload's ServiceAccount (one rule): in the workload's namespace (a Role and RoleBinding
    /// named after the workload), or cluster-wide with <see cref="ClusterWide"/> (a ClusterRole and ClusterRoleBinding
    /// named <c>namespace-workload</c>). Verbs, resources and API groups are checked against what Kubernetes knows; a
    /// custom resource's group (e.g. <c>shop.example.com</c>) takes any plural resource name.
    /// </summary>
    /// <example><code>[Rbac("configmaps", "get", "list", "watch")] [Rbac("leases", "get", "create", "update", ApiGroup = "coordination.k8s.io")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RbacAttribute : Attribute
    {
        /// <summary>Allows these verbs on a resource.</summary>
        /// <param name="resource">The resource's plural name (<c>pods</c>, <c>deployments/scale</c>), or <c>*</c>.</param>
        /// <param name="verbs"><c>get</c>, <c>list</c>, <c>watch</c>, <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>, <c>deletecollection</c> (or <c>*</c>; <c>use</c>, <c>bind</c>, <c>escalate</c>, <c>impersonate</c>, <c>approve</c>, <c>sign</c> for their resources).</param>
        public RbacAttribute(string resource, params string[] verbs)
        {
            Resource = resource;
            Verbs = verbs;
        }

        /// <summary>The resource's plural name.</summary>
        public string Resource { get; }

        /// <summary>What the workload may do with it.</summary>
        public string[] Verbs { get; }

        /// <summary>The resource's API group: <c>""</c> for the core group (pods, configmaps, secrets …), e.g. <c>apps</c>, <c>batch</c>, <c>coordination.k8s.io</c>. Default: core.</summary>
        public string ApiGroup { get; set; } = "";

        /// <summary>Only these objects (e.g. one ConfigMap). Default: every object of the resource.</summary>
        public string[]? ResourceNames { get; set; }

        /// <summary>In every namespace (and for cluster-scoped resources such as nodes): a ClusterRole and ClusterRoleBinding. Default false.</summary>
        public bool ClusterWide { get; set; }
    }
}
