using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[HttpRoute]: Gateway reference, path (Gateway API's HTTPPathMatch rules), hostname, port, duplicates, rules per HTTPRoute.</summary>
internal static class HttpRouteRules
{
    /// <summary>Gateway API: <c>spec.rules</c> of an HTTPRoute has at most 16 items.</summary>
    public const int MaxRulesPerRoute = 16;

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var seen = Scratch.Set<(string?, string?, string?, string?, PathTypeModel)>();
        using var rules = Scratch.Map<(string?, string?, string?), int>();
        foreach (var route in model.HttpRoutes)
        {
            // One HTTPRoute per Gateway and hostname (AddHttpRoutes), each [HttpRoute] one of its rules.
            var group = (route.GatewayNamespace.Value, route.Gateway.Value, route.Hostname.Value);
            var count = rules.Items[group] = rules.Items.TryGetValue(group, out var before) ? before + 1 : 1;
            if (count == MaxRulesPerRoute + 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(TooManyHttpRouteRules, route.Attribute, route.Path.Value ?? string.Empty, route.Gateway.Value ?? string.Empty, route.Hostname.Value ?? "*"));
            }

            var path = route.Path.Value;
            if (route.Gateway.Value is not { } gateway)
            {
                diagnostics.Add(DiagnosticInfo.Create(HttpRouteWithoutGateway, route.Attribute, path ?? string.Empty));
            }
            else if (KubernetesFormats.Dns1123Subdomain(gateway) is { } gatewayError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, route.Gateway.Location, "Gateway", gateway, gatewayError));
            }

            if (route.GatewayNamespace.Value is { } ns && KubernetesFormats.Dns1123Label(ns) is { } nsError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidNamespace, route.GatewayNamespace.Location, ns, nsError));
            }

            if (route.PathType.Value is not (PathTypeModel.Prefix or PathTypeModel.Exact))
            {
                diagnostics.Add(DiagnosticInfo.Create(HttpRoutePathType, route.PathType.Location, route.PathType.Value.ToString()));
            }
            else if (KubernetesFormats.GatewayPath(path) is { } pathError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRoutePath, route.Path.Location, path ?? string.Empty, route.PathType.Value.ToString(), pathError));
            }

            if (route.Hostname.Value is { } host && KubernetesFormats.IngressHost(host) is { } hostError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRouteHost, route.Hostname.Location, host, hostError));
            }

            if (path is not null && !seen.Add((route.GatewayNamespace.Value, route.Gateway.Value, route.Hostname.Value, path, route.PathType.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateRoute, route.Attribute, path, route.Hostname.Value ?? "*"));
            }

            PortRules.Resolve(model, route.Port, "HttpRoute", path ?? string.Empty, route.Attribute, diagnostics);
        }
    }
}
