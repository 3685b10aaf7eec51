using System;

namespace K8sGen
{
    /// <summary>
    /// Lets Prometheus scrape the workload: <c>prometheus.io/scrape|port|path</c> pod annotations,
    /// and with <see cref="ServiceMonitor"/> a <c>monitoring.coreos.com/v1</c> ServiceMonitor.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ScrapeAttribute : Attribute
    {
        /// <summary>The name or number of the <see cref="PortAttribute"/> that serves metrics. Default: the first port.</summary>
        public string? Port { get; set; }

        /// <summary>The metrics path. Default <c>/metrics</c>.</summary>
        public string Path { get; set; } = "/metrics";

        /// <summary>The scrape interval of the ServiceMonitor, a Prometheus duration such as <c>30s</c> or <c>1m</c>. Default: Prometheus' global interval. Needs <see cref="ServiceMonitor"/>.</summary>
        public string? Interval { get; set; }

        /// <summary>Also emit a Prometheus Operator ServiceMonitor. Default <c>false</c>.</summary>
        public bool ServiceMonitor { get; set; }
    }
}
