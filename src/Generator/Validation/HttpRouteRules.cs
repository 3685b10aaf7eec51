using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Validation;

/// <summary>[HttpRoute]: Gateway reference, path (Gateway API's HTTPPathMatch rules), hostname, port, duplicates.</summary>
internal static class HttpRouteRules
{
    public static void Check(ServiceModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var seen = new HashSet<(string?, string?, string?, string?, PathTypeModel)>();
        foreach (var route in model.HttpRoutes)
        {
            var path = route.Path.Value;
            if (route.Gateway.Value is not { } gateway)
            {
                diagnostics.Add(DiagnosticInfo.Create(HttpRouteWithoutGateway, route.Attribute, path ?? string.Empty));
            }
            else if (Rules.Dns1123Subdomain(gateway) is { } gatewayError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, route.Gateway.Location, "Gateway", gateway, gatewayError));
            }

            if (route.GatewayNamespace.Value is { } ns && Rules.Dns1123Label(ns) is { } nsError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidNamespace, route.GatewayNamespace.Location, ns, nsError));
            }

            if (route.PathType.Value is not (PathTypeModel.Prefix or PathTypeModel.Exact))
            {
                diagnostics.Add(DiagnosticInfo.Create(HttpRoutePathType, route.PathType.Location, route.PathType.Value.ToString()));
            }
            else if ((Rules.IngressPath(path, implementationSpecific: false) ?? (path!.IndexOf('#') >= 0 ? "it must not contain '#'" : null)) is { } pathError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRoutePath, route.Path.Location, path ?? string.Empty, route.PathType.Value.ToString(), pathError));
            }

            if (route.Hostname.Value is { } host && Rules.IngressHost(host) is { } hostError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRouteHost, route.Hostname.Location, host, hostError));
            }

            if (path is not null && !seen.Add((route.GatewayNamespace.Value, route.Gateway.Value, route.Hostname.Value, path, route.PathType.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateRoute, route.Attribute, path, route.Hostname.Value ?? "*"));
            }

            PortRules.Resolve(model, route.Port, "[HttpRoute(\"" + path + "\")]", route.Attribute, diagnostics);
        }
    }
}
