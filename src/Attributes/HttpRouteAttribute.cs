using System;

namespace K8sGen
{
    /// <summary>
    /// Routes HTTP traffic to the workload through a Gateway API <c>gateway.networking.k8s.io/v1</c>
    /// HTTPRoute attached to an existing Gateway: the alternative to <see cref="RouteAttribute"/>'s Ingress.
    /// Routes with the same Gateway and hostname share one HTTPRoute.
    /// </summary>
    /// <example><code>[HttpRoute("/v1/users", Gateway = "shop-gateway", Hostname = "api.shop.example")]</code></example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class HttpRouteAttribute : Attribute
    {
        /// <summary>Declares an HTTP route.</summary>
        /// <param name="path">The HTTP path, starting with '/'.</param>
        public HttpRouteAttribute(string path) => Path = path;

        /// <summary>The HTTP path, starting with '/'.</summary>
        public string Path { get; }

        /// <summary>The name of the Gateway the route attaches to (required).</summary>
        public string? Gateway { get; set; }

        /// <summary>The Gateway's namespace. Default: the route's own namespace.</summary>
        public string? GatewayNamespace { get; set; }

        /// <summary>The host name (<c>api.shop.example</c> or <c>*.shop.example</c>). Default: the Gateway's listeners decide.</summary>
        public string? Hostname { get; set; }

        /// <summary>How the path matches: <see cref="K8sGen.PathType.Prefix"/> (default, Gateway API's PathPrefix) or <see cref="K8sGen.PathType.Exact"/>.</summary>
        public PathType PathType { get; set; } = PathType.Prefix;

        /// <summary>The name or number of the <see cref="PortAttribute"/> traffic goes to. Default: the first port.</summary>
        public string? Port { get; set; }
    }
}
