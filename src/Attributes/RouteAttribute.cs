using System;

namespace K8sGen
{
    /// <summary>
    /// Routes external HTTP traffic to the workload through a <c>networking.k8s.io/v1</c> Ingress.
    /// All routes of a workload share one Ingress, with rules grouped by host.
    /// </summary>
    /// <example><code>[Route("/v1/users", Host = "api.shop.example")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class RouteAttribute : Attribute
    {
        /// <summary>Declares a route.</summary>
        /// <param name="path">The HTTP path, starting with '/'.</param>
        public RouteAttribute(string path) => Path = path;

        /// <summary>The HTTP path, starting with '/'.</summary>
        public string Path { get; }

        /// <summary>The host name (<c>api.shop.example</c> or <c>*.shop.example</c>). Default: any host.</summary>
        public string? Host { get; set; }

        /// <summary>How the path matches. Default <see cref="K8sGen.PathType.Prefix"/>.</summary>
        public PathType PathType { get; set; } = PathType.Prefix;

        /// <summary>The name or number of the <see cref="PortAttribute"/> traffic goes to. Default: the first port.</summary>
        public string? Port { get; set; }

        /// <summary>The Ingress class (<c>ingressClassName</c>), e.g. <c>nginx</c>. Default: the cluster's default class.</summary>
        public string? IngressClass { get; set; }

        /// <summary>The name of the TLS Secret for this route's host. Default: no TLS.</summary>
        public string? TlsSecret { get; set; }
    }
}
