using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// A Prometheus Operator ServiceMonitor selecting this workload's Service, scraping the named Service port (not a
/// StatefulSet's headless Service, see <see cref="StatefulSetFeature"/>).
/// </summary>
internal static class AddServiceMonitor
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Scrape is not { ServiceMonitor.Value: true } scrape)
        {
            return;
        }

        var port = PortRules.Find(context.Model.Ports, scrape.Port.Value)!;
        var spec = context.NewObject(Contract.Kinds.ServiceMonitor).Map("spec");
        var selector = spec.Map("selector").Add("matchLabels", context.SelectorLabels());
        if (context.Model.Kind == WorkloadKind.StatefulSet)
        {
            // The headless Service selects the same pods: scraping through both would count every sample twice.
            selector.Sequence("matchExpressions").AddMap()
                .Add("key", WellKnown.HeadlessLabel)
                .Add("operator", "DoesNotExist");
        }

        var endpoint = spec.Sequence("endpoints").AddMap()
            .Add("port", port.Name.Value)
            .Add("path", scrape.Path.Value!);
        if (scrape.Interval.Value is { } interval)
        {
            endpoint.Add("interval", interval);
        }
    }
}
