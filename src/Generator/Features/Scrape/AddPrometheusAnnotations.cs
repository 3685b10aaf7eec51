using System.Globalization;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>The <c>prometheus.io/scrape|port|path</c> pod annotations of <c>[Scrape]</c>, merged into the sorted pod annotations.</summary>
internal static class AddPrometheusAnnotations
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Scrape is not { } scrape)
        {
            return;
        }

        var port = PortRules.Find(context.Model.Ports, scrape.Port.Value)!;
        context.PodMetadata.Map("annotations")
            .Add(WellKnown.PrometheusPath, scrape.Path.Value!)
            .Add(WellKnown.PrometheusPort, port.ContainerPort.Value.ToString(CultureInfo.InvariantCulture))
            .Add(WellKnown.PrometheusScrape, "true")
            .SortByKey();
    }
}
