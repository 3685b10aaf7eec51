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
        var routes = Sorted(context.Model);
        YamlSequence? rules = null;
        var index = 0;
        for (var i = 0; i < routes.Length; i++)
        {
            var rule = routes[i];
            if (StartsRoute(routes, i))
            {
                var key = Key(rule);
                var spec = context.NewObject(Contract.Kinds.HttpRoute, RouteName(context.Name, index++)).Map("spec");
                var parent = spec.Sequence("parentRefs").AddMap().Add("name", key.Gateway);
                if (key.Namespace.Length > 0)
                {
                    parent.Add("namespace", key.Namespace);
                }

                if (key.Hostname.Length > 0)
                {
                    spec.Sequence("hostnames").Add(key.Hostname);
                }

                rules = spec.Sequence("rules");
            }

            var port = PortRules.Find(context.Model.Ports, rule.Port.Value)!;
            var entry = rules!.AddMap();
            entry.Sequence("matches").AddMap().Map("path")
                .Add("type", rule.PathType.Value == PathTypeModel.Exact ? "Exact" : "PathPrefix")
                .Add("value", rule.Path.Value!);
            entry.Sequence("backendRefs").AddMap().Add("name", context.Name).Add("port", port.ServicePort.Value);
        }
    }

    /// <summary>
    /// The workload's [HttpRoute]s by (Gateway namespace, Gateway, hostname), the order their HTTPRoutes are written in,
    /// each HTTPRoute's rules in declaration order: every run of equal keys is one HTTPRoute (see <see cref="StartsRoute"/>).
    /// </summary>
    public static HttpRouteModel[] Sorted(WorkloadModel model) =>
        Ordered.Stable(model.HttpRoutes, static (a, b) => Compare(Key(a), Key(b)));

    /// <summary>Whether the <paramref name="index"/>th of <see cref="Sorted"/> is the first rule of an HTTPRoute.</summary>
    public static bool StartsRoute(HttpRouteModel[] sorted, int index) =>
        index == 0 || Compare(Key(sorted[index - 1]), Key(sorted[index])) != 0;

    /// <summary>The <paramref name="index"/>th HTTPRoute's name: the workload's, then <c>-2</c>, <c>-3</c> …</summary>
    public static string RouteName(string workload, int index) =>
        index == 0 ? workload : workload + "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static (string Namespace, string Gateway, string Hostname) Key(HttpRouteModel route) =>
        (route.GatewayNamespace.Value ?? string.Empty, route.Gateway.Value!, route.Hostname.Value ?? string.Empty);

    private static int Compare((string Namespace, string Gateway, string Hostname) a, (string Namespace, string Gateway, string Hostname) b) =>
        string.CompareOrdinal(a.Namespace, b.Namespace) is var byNamespace and not 0 ? byNamespace
        : string.CompareOrdinal(a.Gateway, b.Gateway) is var byGateway and not 0 ? byGateway
        : string.CompareOrdinal(a.Hostname, b.Hostname);
}
