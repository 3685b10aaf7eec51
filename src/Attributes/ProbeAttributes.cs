using System;

namespace K8sGen
{
    /// <summary>
    /// Common settings of an HTTP GET probe. Unset numbers take Kubernetes' defaults
    /// (initial delay 0, period 10 s, timeout 1 s, failure threshold 3).
    /// </summary>
    public abstract class HttpProbeAttribute : Attribute
    {
        /// <summary>Declares an HTTP GET probe.</summary>
        /// <param name="path">The path to GET, starting with '/'.</param>
        protected HttpProbeAttribute(string path) => Path = path;

        /// <summary>The path to GET, starting with '/'.</summary>
        public string Path { get; }

        /// <summary>The name or number of the <see cref="PortAttribute"/> to probe. Default: the first port.</summary>
        public string? Port { get; set; }

        /// <summary>Seconds after the container starts before the first probe, 0 or more.</summary>
        public int InitialDelaySeconds { get; set; }

        /// <summary>Seconds between probes, 1 or more.</summary>
        public int PeriodSeconds { get; set; }

        /// <summary>Seconds after which a probe times out, 1 or more.</summary>
        public int TimeoutSeconds { get; set; }

        /// <summary>Consecutive failures before the probe counts as failed, 1 or more.</summary>
        public int FailureThreshold { get; set; }
    }

    /// <summary>Liveness probe: the kubelet restarts the container when it fails.</summary>
    /// <example><code>[Liveness("/healthz")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LivenessAttribute : HttpProbeAttribute
    {
        /// <inheritdoc cref="HttpProbeAttribute(string)"/>
        public LivenessAttribute(string path) : base(path) { }
    }

    /// <summary>Readiness probe: the pod receives Service traffic only while it succeeds.</summary>
    /// <example><code>[Readiness("/ready")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ReadinessAttribute : HttpProbeAttribute
    {
        /// <inheritdoc cref="HttpProbeAttribute(string)"/>
        public ReadinessAttribute(string path) : base(path) { }
    }

    /// <summary>Startup probe: liveness and readiness wait until it has succeeded once.</summary>
    /// <example><code>[Startup("/started", FailureThreshold = 30)]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class StartupAttribute : HttpProbeAttribute
    {
        /// <inheritdoc cref="HttpProbeAttribute(string)"/>
        public StartupAttribute(string path) : base(path) { }
    }
}
