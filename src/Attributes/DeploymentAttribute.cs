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
        /// Seconds a pod keeps serving after Kubernetes decides to stop it, before the app is told to shut down
        /// (a <c>preStop</c> hook with the <c>sleep</c> action: the .NET images have no shell). Removing a pod from
        /// its Service's endpoints and from ingress controllers happens asynchronously, so without a delay requests
        /// still arrive after ASP.NET Core has stopped accepting them. Default 5 for a workload with ports, none for
        /// one without; 0 turns it off. Needs Kubernetes 1.30 or later (the sleep action is on by default there).
        /// </summary>
        public int DrainSeconds { get; set; } = 5;

        /// <summary>
        /// Seconds Kubernetes waits for a stopping pod before killing it; the drain counts against it. Default:
        /// <see cref="DrainSeconds"/> + 30 (ASP.NET Core's own shutdown timeout), when there is a drain; otherwise
        /// Kubernetes' default of 30. Must be at least <see cref="DrainSeconds"/>.
        /// </summary>
        public int TerminationGracePeriodSeconds { get; set; } = 35;

        /// <summary>
        /// The container image. Default: the image the .NET SDK's container support builds for this project
        /// (<c>ContainerRegistry/ContainerRepository:ContainerImageTag</c>).
        /// </summary>
        public string? Image { get; set; }
    }
}
