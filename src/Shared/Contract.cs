namespace K8sGen.Shared;

/// <summary>
/// Everything the generator and the build task must agree on, written once: compiled into both
/// (src/Generator and src/MSBuild link this file). A change here changes both sides together.
/// </summary>
internal static class Contract
{
    /// <summary>The keys of the <c>[assembly: AssemblyMetadata]</c> entries the generator writes and the task reads.</summary>
    public static class Metadata
    {
        /// <summary><c>K8sGen.Manifest:&lt;workload&gt;</c> → the workload's YAML.</summary>
        public const string ManifestPrefix = "K8sGen.Manifest:";

        /// <summary><c>K8sGen.Source:&lt;workload&gt;</c> → the declaring file, relative to the project.</summary>
        public const string SourcePrefix = "K8sGen.Source:";

        /// <summary><c>K8sGen.Overlay:&lt;environment&gt;:&lt;workload&gt;:&lt;part&gt;</c> → one piece of an environment's overlay.</summary>
        public const string OverlayPrefix = "K8sGen.Overlay:";

        /// <summary><c>K8sGen.Topology:&lt;workload&gt;</c> → the workload's part of <see cref="TopologyFile"/> (the generator's TopologyFragment).</summary>
        public const string TopologyPrefix = "K8sGen.Topology:";

        /// <summary>Says the generator ran (its value: the generator's version), so "no workloads" is not "no generator".</summary>
        public const string GeneratorKey = "K8sGen.Generator";

        /// <summary>The project image the YAML assumes; the task replaces it with the image the SDK builds.</summary>
        public const string DefaultImageKey = "K8sGen.DefaultImage";
    }

    /// <summary>The parts of an environment's overlay (the <c>&lt;part&gt;</c> of <see cref="Metadata.OverlayPrefix"/>).</summary>
    public static class OverlayParts
    {
        /// <summary>Always there, empty: the environment exists (one without settings still gets its overlay).</summary>
        public const string Declared = "declared";

        /// <summary>The namespace the environment moves the project to (kustomize's <c>namespace:</c>).</summary>
        public const string Namespace = "namespace";

        /// <summary>Items of kustomize's <c>replicas:</c> list.</summary>
        public const string Replicas = "replicas";

        /// <summary>The image tag of the environment (kustomize's <c>images:</c>).</summary>
        public const string ImageTag = "imageTag";

        /// <summary>Items of kustomize's <c>patches:</c> list (the hosts of routes).</summary>
        public const string Patches = "patches";

        /// <summary>Items of kustomize's <c>transformers:</c> list (policies kept in a dependency's namespace).</summary>
        public const string Transformers = "transformers";
    }

    /// <summary>Beside the manifests: what they deploy, as a Mermaid diagram and tables, for the reviewer of a pull request.</summary>
    public const string TopologyFile = "topology.md";

    /// <summary>The file kustomize reads in every folder K8sGen writes (so no workload may be named <c>kustomization</c>).</summary>
    public const string KustomizationFile = "kustomization.yaml";

    /// <summary>An apiVersion and kind K8sGen writes.</summary>
    public sealed class ApiKind
    {
        public ApiKind(string apiVersion, string kind)
        {
            ApiVersion = apiVersion;
            Kind = kind;
        }

        public string ApiVersion { get; }

        public string Kind { get; }

        /// <summary><c>apiVersion/kind</c>, as KubernetesClient keys its models.</summary>
        public string Key => ApiVersion + "/" + Kind;
    }

    /// <summary>Every kind K8sGen writes; the task parses exactly these, strictly.</summary>
    public static class Kinds
    {
        public static readonly ApiKind Deployment = new("apps/v1", "Deployment");
        public static readonly ApiKind Job = new("batch/v1", "Job");
        public static readonly ApiKind CronJob = new("batch/v1", "CronJob");
        public static readonly ApiKind StatefulSet = new("apps/v1", "StatefulSet");
        public static readonly ApiKind DaemonSet = new("apps/v1", "DaemonSet");
        public static readonly ApiKind PersistentVolumeClaim = new("v1", "PersistentVolumeClaim");
        public static readonly ApiKind ConfigMap = new("v1", "ConfigMap");
        public static readonly ApiKind ServiceAccount = new("v1", "ServiceAccount");
        public static readonly ApiKind Role = new("rbac.authorization.k8s.io/v1", "Role");
        public static readonly ApiKind RoleBinding = new("rbac.authorization.k8s.io/v1", "RoleBinding");
        public static readonly ApiKind ClusterRole = new("rbac.authorization.k8s.io/v1", "ClusterRole");
        public static readonly ApiKind ClusterRoleBinding = new("rbac.authorization.k8s.io/v1", "ClusterRoleBinding");
        public static readonly ApiKind Service = new("v1", "Service");
        public static readonly ApiKind Ingress = new("networking.k8s.io/v1", "Ingress");
        public static readonly ApiKind NetworkPolicy = new("networking.k8s.io/v1", "NetworkPolicy");
        public static readonly ApiKind HorizontalPodAutoscaler = new("autoscaling/v2", "HorizontalPodAutoscaler");
        public static readonly ApiKind PodDisruptionBudget = new("policy/v1", "PodDisruptionBudget");
        public static readonly ApiKind ServiceMonitor = new("monitoring.coreos.com/v1", "ServiceMonitor");
        public static readonly ApiKind HttpRoute = new("gateway.networking.k8s.io/v1", "HTTPRoute");

        public static readonly ApiKind[] All = [Deployment, Job, CronJob, StatefulSet, DaemonSet, Service, ConfigMap, PersistentVolumeClaim, ServiceAccount, Role, RoleBinding, ClusterRole, ClusterRoleBinding, Ingress, NetworkPolicy, HorizontalPodAutoscaler, PodDisruptionBudget, ServiceMonitor, HttpRoute];
    }

    /// <summary>The .NET images' non-root <c>app</c> user (and group): the pods run as it, and the image must too.</summary>
    public const int AppUserId = 1654;

    /// <summary>The file in an output folder that lists what K8sGen wrote there: <c># &lt;owner&gt;</c>, then one relative path a line.</summary>
    public static class Ownership
    {
        public const string FileName = ".k8sgen-files";

        /// <summary>Starts the owner line (the project's assembly name); every other line is a file.</summary>
        public const string OwnerPrefix = "# ";
    }

    /// <summary>The first lines of every kustomization.yaml K8sGen writes.</summary>
    public const string KustomizationHeader = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n";
}
