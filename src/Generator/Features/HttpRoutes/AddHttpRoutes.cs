using System.Collections.Generic;
using System.Linq;
using System;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// Gateway API HTTPRoutes for <c>[HttpRoute]</c>: one per (Gateway, hostname), named after the workload
/// (then <c>-2</c>, <c>-3</c> … in Gateway and hostname order), each rule sending its path to the
/// workload's Service port.
/// </summary>
internal static class AddHttpRoutes
{
    public static void Apply(ManifestContext context)
    {
        var groups = Groups(context.Model);
        for (var i = 0; i < groups.Count; i++)
        {
            var route = context.NewObject(Contract.Kinds.HttpRoute, RouteName(context.Name, i));

            var spec = route.Map("spec");
            var parent = spec.Sequence("parentRefs").AddMap().Add("name", groups[i].Key.Gateway);
            if (groups[i].Key.Namespace.Length > 0)
            {
                parent.Add("namespace", groups[i].Key.Namespace);
            }

            if (groups[i].Key.Hostname.Length > 0)
            {
                spec.Sequence("hostnames").Add(groups[i].Key.Hostname);
            }

            var rules = spec.Sequence("rules");
            foreach (var rule in groups[i])
            {
                var port = PortRules.Find(context.Model.Ports, rule.Port.Value)!;
                var entry = rules.AddMap();
                entry.Sequence("matches").AddMap().Map("path")
                    .Add("type", rule.PathType.Value == PathTypeModel.Exact ? "Exact" : "PathPrefix")
                    .Add("value", rule.Path.Value!);
                entry.Sequence("backendRefs").AddMap().Add("name", context.Name).Add("port", port.ServicePort.Value);
            }
        }
    }

    /// <summary>The workload's [HttpRoute]s by (Gateway namespace, Gateway, hostname), in the order their HTTPRoutes are written.</summary>
    public static List<IGrouping<(string Namespace, string Gateway, string Hostname), HttpRouteModel>> Groups(WorkloadModel model) =>
        model.HttpRoutes
            .GroupBy(r => (Namespace: r.GatewayNamespace.Value ?? string.Empty, Gateway: r.Gateway.Value!, Hostname: r.Hostname.Value ?? string.Empty))
            .OrderBy(g => g.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Gateway, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Hostname, StringComparer.Ordinal)
            .ToList();

    /// <summary>The <paramref name="index"/>th HTTPRoute's name: the workload's, then <c>-2</c>, <c>-3</c> …</summary>
    public static string RouteName(string workload, int index) =>
        index == 0 ? workload : workload + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
