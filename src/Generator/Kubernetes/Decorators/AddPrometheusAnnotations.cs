using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using K8sGen.Generator.Validation;

namespace K8sGen.Generator.Kubernetes.Decorators;

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
        var annotations = context.PodMetadata.Map("annotations");
        var merged = annotations.Entries
            .Concat(
            [
                new KeyValuePair<string, YamlNode>(WellKnown.PrometheusPath, new YamlScalar(scrape.Path.Value!, ScalarKind.String)),
                new KeyValuePair<string, YamlNode>(WellKnown.PrometheusPort, new YamlScalar(port.ContainerPort.Value.ToString(CultureInfo.InvariantCulture), ScalarKind.String)),
                new KeyValuePair<string, YamlNode>(WellKnown.PrometheusScrape, new YamlScalar("true", ScalarKind.String)),
            ])
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        annotations.Entries.Clear();
        annotations.Entries.AddRange(merged);
    }
}
