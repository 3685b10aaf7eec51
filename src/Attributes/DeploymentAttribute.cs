using System;

namespace K8sGen
{
    /// <summary>
    /// Marks a class as one Kubernetes workload, emitted as an <c>apps/v1</c> Deployment.
    /// The other K8sGen attributes on the same class configure it.
    /// </summary>
    /// <example><code>[Deployment(Replicas = 3)] public sealed class UsersV1Service { }</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DeploymentAttribute : Attribute
    {
        /// <summary>
        /// The workload's name (Deployment, Service, container and label value). Default: the class name
        /// in kebab case without a trailing <c>Service</c> (<c>UsersV1Service</c> → <c>users-v1</c>).
        /// Must be a DNS-1123 label (lowercase letters, digits, '-', at most 63 characters); when the
        /// workload has ports it must also start with a letter, because it names the Service.
        /// </summary>
        public string? Name { get; set; }

        /// <summary>Number of pods. Default 1. Must be 0 or more.</summary>
        public int Replicas { get; set; } = 1;

        /// <summary>Namespace of every object of this workload. Default: none (the namespace kubectl applies to, or <c>K8sGenNamespace</c>).</summary>
        public string? Namespace { get; set; }

        /// <summary>Rolling update: how many extra pods may be created, as a number (<c>"1"</c>) or a percentage (<c>"25%"</c>). Default <c>"25%"</c>.</summary>
        public string MaxSurge { get; set; } = "25%";

        /// <summary>Rolling update: how many pods may be unavailable, as a number or a percentage up to 100%. Default <c>"0"</c> (zero-downtime updates).</summary>
        public string MaxUnavailable { get; set; } = "0";

        /// <summary>
        /// The container image. Default: the image the .NET SDK's container support builds for this project
        /// (<c>ContainerRegistry/ContainerRepository:ContainerImageTag</c>).
        /// </summary>
        public string? Image { get; set; }
    }
}
