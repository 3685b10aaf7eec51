using System;

namespace K8sGen
{
    /// <summary>How many nodes may mount a persistent volume at once, and how.</summary>
    public enum AccessMode
    {
        /// <summary>Read and write, by the pods of one node (every storage class supports it; Kubernetes' usual choice).</summary>
        ReadWriteOnce = 0,

        /// <summary>Read and write, by pods on any number of nodes (file storage such as NFS or Azure Files).</summary>
        ReadWriteMany = 1,

        /// <summary>Read only, by pods on any number of nodes.</summary>
        ReadOnlyMany = 2,

        /// <summary>Read and write, by one pod only (CSI volumes, Kubernetes 1.29 or later).</summary>
        ReadWriteOncePod = 3,
    }

    /// <summary>
    /// A [StatefulSet]'s volume: each pod gets its own PersistentVolumeClaim (<c>volumeClaimTemplates</c>,
    /// named <c>name-workload-N</c> by Kubernetes), mounted read-write at <see cref="MountPath"/> in the main
    /// container, and kept when the pod moves or restarts. For a Deployment use <see cref="PersistentVolumeAttribute"/>.
    /// </summary>
    /// <example><code>[VolumeClaim("data", "/var/lib/orders", Size = "10Gi", StorageClass = "fast-ssd")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class VolumeClaimAttribute : Attribute
    {
        /// <summary>Declares a volume each pod of the StatefulSet claims.</summary>
        /// <param name="name">The volume's name, a DNS-1123 label (e.g. <c>data</c>); unique among the workload's volumes, and not <c>tmp</c>.</param>
        /// <param name="mountPath">Where the main container sees it: an absolute path of its own (not <c>/</c>, <c>/app</c> or <c>/tmp</c>, and no other volume's; a path inside another volume's is allowed, as in Kubernetes).</param>
        public VolumeClaimAttribute(string name, string mountPath)
        {
            Name = name;
            MountPath = mountPath;
        }

        /// <summary>The volume's name.</summary>
        public string Name { get; }

        /// <summary>Where the main container sees it.</summary>
        public string MountPath { get; }

        /// <summary>The storage each pod asks for, as a quantity (<c>"10Gi"</c>, <c>"500Mi"</c>). Default <c>"1Gi"</c>.</summary>
        public string Size { get; set; } = "1Gi";

        /// <summary>The StorageClass (e.g. <c>"fast-ssd"</c>). Default: the cluster's default class.</summary>
        public string? StorageClass { get; set; }

        /// <summary>How the volume may be mounted. Default <see cref="K8sGen.AccessMode.ReadWriteOnce"/>.</summary>
        public AccessMode AccessMode { get; set; }
    }

    /// <summary>
    /// A persistent volume for a [Deployment]: a PersistentVolumeClaim named <c>workload-name</c> that every pod of
    /// the workload mounts at <see cref="MountPath"/> in the main container. With <see cref="K8sGen.AccessMode.ReadWriteOnce"/>
    /// (the default) all pods must run on one node, so such a workload has one replica and replaces its pod by
    /// stopping it first; for a volume per pod use a [StatefulSet] with <see cref="VolumeClaimAttribute"/>.
    /// </summary>
    /// <example><code>[PersistentVolume("uploads", "/var/lib/uploads", Size = "5Gi")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PersistentVolumeAttribute : Attribute
    {
        /// <summary>Declares a persistent volume the workload's pods share.</summary>
        /// <param name="name">The volume's name, a DNS-1123 label; unique among the workload's volumes, and not <c>tmp</c>.</param>
        /// <param name="mountPath">Where the main container sees it: an absolute path of its own (not <c>/</c>, <c>/app</c> or <c>/tmp</c>, and no other volume's; a path inside another volume's is allowed, as in Kubernetes).</param>
        public PersistentVolumeAttribute(string name, string mountPath)
        {
            Name = name;
            MountPath = mountPath;
        }

        /// <summary>The volume's name.</summary>
        public string Name { get; }

        /// <summary>Where the main container sees it.</summary>
        public string MountPath { get; }

        /// <summary>The storage to claim, as a quantity (<c>"10Gi"</c>). Default <c>"1Gi"</c>.</summary>
        public string Size { get; set; } = "1Gi";

        /// <summary>The StorageClass. Default: the cluster's default class.</summary>
        public string? StorageClass { get; set; }

        /// <summary>How the volume may be mounted. Default <see cref="K8sGen.AccessMode.ReadWriteOnce"/>.</summary>
        public AccessMode AccessMode { get; set; }
    }

    /// <summary>
    /// A scratch volume (<c>emptyDir</c>) mounted read-write at <see cref="MountPath"/> in the main container: the way
    /// to give a workload another writable path, since its root file system is read-only. It lives as long as the pod.
    /// </summary>
    /// <example><code>[Volume("cache", "/var/cache/images", SizeLimit = "2Gi")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class VolumeAttribute : Attribute
    {
        /// <summary>Declares a scratch volume.</summary>
        /// <param name="name">The volume's name, a DNS-1123 label; unique among the workload's volumes, and not <c>tmp</c>.</param>
        /// <param name="mountPath">Where the main container sees it: an absolute path of its own (not <c>/</c>, <c>/app</c> or <c>/tmp</c>, and no other volume's; a path inside another volume's is allowed, as in Kubernetes).</param>
        public VolumeAttribute(string name, string mountPath)
        {
            Name = name;
            MountPath = mountPath;
        }

        /// <summary>The volume's name.</summary>
        public string Name { get; }

        /// <summary>Where the main container sees it.</summary>
        public string MountPath { get; }

        /// <summary>The most it may hold, as a quantity (<c>"500Mi"</c>); the pod is evicted beyond it. Default: no limit.</summary>
        public string? SizeLimit { get; set; }

        /// <summary>Keep it in memory (<c>medium: Memory</c>, a tmpfs that counts against the container's memory). Default false (the node's disk).</summary>
        public bool InMemory { get; set; }
    }

    /// <summary>
    /// Mounts an existing ConfigMap's keys as files, read-only, at <see cref="MountPath"/> in the main container
    /// (one file per key). For settings the app reads as configuration, see <see cref="ConfigMapAttribute"/>.
    /// </summary>
    /// <example><code>[ConfigMapMount("feature-flags", "/etc/flags")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ConfigMapMountAttribute : Attribute
    {
        /// <summary>Mounts a ConfigMap.</summary>
        /// <param name="configMap">The ConfigMap's name, a DNS-1123 subdomain; it names the volume too, so it must also be a DNS-1123 label unless <see cref="VolumeName"/> is set.</param>
        /// <param name="mountPath">An absolute path of its own (not <c>/</c>, <c>/app</c> or <c>/tmp</c>, and no other volume's).</param>
        public ConfigMapMountAttribute(string configMap, string mountPath)
        {
            ConfigMap = configMap;
            MountPath = mountPath;
        }

        /// <summary>The ConfigMap's name.</summary>
        public string ConfigMap { get; }

        /// <summary>Where the main container sees its files.</summary>
        public string MountPath { get; }

        /// <summary>The volume's name in the pod. Default: the ConfigMap's name.</summary>
        public string? VolumeName { get; set; }

        /// <summary>Start the pod even when the ConfigMap does not exist (the folder is then empty). Default false: the pod waits for it.</summary>
        public bool Optional { get; set; }
    }

    /// <summary>
    /// Mounts an existing Secret's keys as files, read-only, at <see cref="MountPath"/> in the main container (one file
    /// per key: TLS certificates, credentials files). For single values as environment variables see <see cref="EnvFromSecretAttribute"/>.
    /// </summary>
    /// <example><code>[SecretMount("orders-tls", "/etc/tls")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SecretMountAttribute : Attribute
    {
        /// <summary>Mounts a Secret.</summary>
        /// <param name="secret">The Secret's name, a DNS-1123 subdomain; it names the volume too, so it must also be a DNS-1123 label unless <see cref="VolumeName"/> is set.</param>
        /// <param name="mountPath">An absolute path of its own (not <c>/</c>, <c>/app</c> or <c>/tmp</c>, and no other volume's).</param>
        public SecretMountAttribute(string secret, string mountPath)
        {
            Secret = secret;
            MountPath = mountPath;
        }

        /// <summary>The Secret's name.</summary>
        public string Secret { get; }

        /// <summary>Where the main container sees its files.</summary>
        public string MountPath { get; }

        /// <summary>The volume's name in the pod. Default: the Secret's name.</summary>
        public string? VolumeName { get; set; }

        /// <summary>Start the pod even when the Secret does not exist. Default false: the pod waits for it.</summary>
        public bool Optional { get; set; }
    }
}
