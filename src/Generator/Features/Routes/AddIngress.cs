using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;

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
        foreach (var route in routes)
        {
            if (route.IngressClass.Value is { } ingressClass)
            {
                spec.Add("ingressClassName", ingressClass);
                break;
            }
        }

        // One TLS entry per secret (sorted), with its routes' hosts (distinct, sorted). Ordinal order puts the
        // routes without a secret, and without a host, first.
        var bySecret = Ordered.Stable(routes, static (a, b) =>
            string.CompareOrdinal(a.TlsSecret.Value, b.TlsSecret.Value) is var secretOrder and not 0 ? secretOrder : string.CompareOrdinal(a.Host.Value, b.Host.Value));
        YamlSequence? tls = null;
        for (var start = 0; start < bySecret.Length;)
        {
            var secret = bySecret[start].TlsSecret.Value;
            var end = start + 1;
            while (end < bySecret.Length && bySecret[end].TlsSecret.Value == secret)
            {
                end++;
            }

            if (secret is not null)
            {
                var entry = (tls ??= spec.Sequence("tls")).AddMap();
                YamlSequence? hosts = null;
                for (var i = start; i < end; i++)
                {
                    if (bySecret[i].Host.Value is { } host && (i == start || host != bySecret[i - 1].Host.Value))
                    {
                        (hosts ??= entry.Sequence("hosts")).Add(host);
                    }
                }

                entry.Add("secretName", secret);
            }

            start = end;
        }

        // One rule per host, the any-host rule last; a host's paths in declaration order (the sort is stable).
        var byHost = Ordered.Stable(routes, static (a, b) => CompareHosts(a.Host.Value ?? string.Empty, b.Host.Value ?? string.Empty));
        var rules = spec.Sequence("rules");
        YamlSequence? paths = null;
        string? ruleHost = null;
        foreach (var route in byHost)
        {
            var host = route.Host.Value ?? string.Empty;
            if (paths is null || host != ruleHost)
            {
                var rule = rules.AddMap();
                if (host.Length > 0)
                {
                    rule.Add("host", host);
                }

                paths = rule.Map("http").Sequence("paths");
                ruleHost = host;
            }

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

    private static int CompareHosts(string a, string b) =>
        (a.Length == 0).CompareTo(b.Length == 0) is var anyHostLast and not 0 ? anyHostLast : string.CompareOrdinal(a, b);
}
