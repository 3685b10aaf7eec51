using System;

namespace K8sGen
{
    /// <summary>
    /// An environment the workload is deployed to (staging, production …): a kustomize overlay in
    /// <c>k8s/overlays/&lt;name&gt;/</c> that changes only what is set here, so
    /// <c>kubectl apply -k k8s/overlays/production</c> deploys production.
    /// </summary>
    /// <example><code>[Environment("production", Replicas = 5, Namespace = "shop-prod", Host = "api.shop.example")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvironmentAttribute : Attribute
    {
        /// <summary>Declares an environment.</summary>
        /// <param name="name">The environment's name and overlay folder: a DNS-1123 label such as <c>production</c>.</param>
        public EnvironmentAttribute(string name) => Name = name;

        /// <summary>The environment's name and overlay folder.</summary>
        public string Name { get; }

        /// <summary>Replicas in this environment, 0 or more. Default: as in the base.</summary>
        public int Replicas { get; set; }

        /// <summary>The namespace of every object in this environment. Default: as in the base.</summary>
        public string? Namespace { get; set; }

        /// <summary>The host every route of the workload uses in this environment. Default: as in the base.</summary>
        public string? Host { get; set; }

        /// <summary>The image tag deployed to this environment (e.g. the release tag). Default: as in the base.</summary>
        public string? ImageTag { get; set; }
    }
}
