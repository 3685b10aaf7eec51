using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Route]: Ingress paths, hosts, class and TLS, and consistency across one workload's routes.</summary>
internal static class RouteRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Setting<string?>? ingressClass = null;
        using var tlsByHost = Scratch.Map<string, Setting<string?>>();
        using var seen = Scratch.Set<(string, string, PathTypeModel)>();
        foreach (var route in model.Routes)
        {
            if (route.PathType.Value is not (PathTypeModel.Prefix or PathTypeModel.Exact or PathTypeModel.ImplementationSpecific))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidPathType, route.PathType.Location, ((int)route.PathType.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                continue;
            }

            var path = route.Path.Value;
            var pathError = KubernetesFormats.IngressPath(path, route.PathType.Value == PathTypeModel.ImplementationSpecific);
            if (pathError is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRoutePath, route.Path.Location, path ?? string.Empty, route.PathType.Value.ToString(), pathError));
            }

            if (route.Host.IsExplicit && route.Host.Value is { } host && KubernetesFormats.IngressHost(host) is { } hostError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRouteHost, route.Host.Location, host, hostError));
            }

            if (route.IngressClass.Value is { } className)
            {
                if (KubernetesFormats.Dns1123Subdomain(className) is { } classError)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, route.IngressClass.Location, "IngressClass", className, classError));
                }
                else if (ingressClass is { } first && first.Value != className)
                {
                    diagnostics.Add(DiagnosticInfo.Create(ConflictingRouteSetting, route.IngressClass.Location, "IngressClass", className, first.Value!, "all routes of a workload share one Ingress, which has one class"));
                }
                else
                {
                    ingressClass ??= route.IngressClass;
                }
            }

            var hostKey = route.Host.Value ?? string.Empty;
            if (route.TlsSecret.Value is { } secret)
            {
                if (KubernetesFormats.Dns1123Subdomain(secret) is { } secretError)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, route.TlsSecret.Location, "TlsSecret", secret, secretError));
                }
                else if (tlsByHost.Items.TryGetValue(hostKey, out var other) && other.Value != secret)
                {
                    diagnostics.Add(DiagnosticInfo.Create(ConflictingRouteSetting, route.TlsSecret.Location, "TlsSecret", secret, other.Value!, $"host '{(hostKey.Length == 0 ? "*" : hostKey)}' can have only one certificate"));
                }
                else
                {
                    tlsByHost.Items[hostKey] = route.TlsSecret;
                }
            }

            if (path is not null && !seen.Add((hostKey, path, route.PathType.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateRoute, route.Attribute, path, hostKey.Length == 0 ? "*" : hostKey));
            }

            PortRules.Resolve(model, route.Port, "Route", path ?? string.Empty, route.Attribute, diagnostics);
        }
    }
}
