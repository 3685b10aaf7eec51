using System.Collections.Generic;
using System.Linq;
using System;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// One Ingress per workload holding all its routes: rules grouped by host (sorted, the any-host rule
/// last), paths in declaration order, TLS entries grouped by secret.
/// </summary>
internal static class AddIngress
{
    public static void Apply(ManifestContext context)
    {
        var routes = context.Model.Routes;
        if (routes.IsEmpty)
        {
            return;
        }

        var spec = context.NewObject(Contract.Kinds.Ingress).Map("spec");
        if (routes.Select(r => r.IngressClass.Value).FirstOrDefault(c => c is not null) is { } ingressClass)
        {
            spec.Add("ingressClassName", ingressClass);
        }

        var tls = routes
            .Where(r => r.TlsSecret.Value is not null)
            .GroupBy(r => r.TlsSecret.Value!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (tls.Count > 0)
        {
            var entries = spec.Sequence("tls");
            foreach (var group in tls)
            {
                var entry = entries.AddMap();
                var hosts = group.Select(r => r.Host.Value).Where(h => h is not null).Distinct(StringComparer.Ordinal).OrderBy(h => h, StringComparer.Ordinal).ToList();
                if (hosts.Count > 0)
                {
                    var list = entry.Sequence("hosts");
                    foreach (var host in hosts)
                    {
                        list.Add(host!);
                    }
                }

                entry.Add("secretName", group.Key);
            }
        }

        var rules = spec.Sequence("rules");
        foreach (var group in routes.GroupBy(r => r.Host.Value ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = rules.AddMap();
            if (group.Key.Length > 0)
            {
                rule.Add("host", group.Key);
            }

            var paths = rule.Map("http").Sequence("paths");
            foreach (var route in group)
            {
                var port = PortRules.Find(context.Model.Ports, route.Port.Value)!;
                var path = paths.AddMap();
                if (!string.IsNullOrEmpty(route.Path.Value))
                {
                    path.Add("path", route.Path.Value!);
                }

                path.Add("pathType", route.PathType.Value switch
                {
                    PathTypeModel.Exact => "Exact",
                    PathTypeModel.ImplementationSpecific => "ImplementationSpecific",
                    _ => "Prefix",
                });
                path.Map("backend").Map("service")
                    .Add("name", context.Name)
                    .Map("port").Add("name", port.Name.Value);
            }
        }
    }
}
