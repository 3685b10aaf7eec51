using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Scrape]: metrics path, interval, port.</summary>
internal static class ScrapeRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Scrape is not { } scrape)
        {
            return;
        }

        if (!KubernetesFormats.IsHttpPath(scrape.Path.Value))
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidScrapePath, scrape.Path.Location, scrape.Path.Value ?? string.Empty));
        }

        if (scrape.Interval.Value is { } interval)
        {
            if (!KubernetesFormats.IsPrometheusDuration(interval))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidScrapeInterval, scrape.Interval.Location, interval));
            }
            else if (!scrape.ServiceMonitor.Value)
            {
                diagnostics.Add(DiagnosticInfo.Create(IntervalWithoutServiceMonitor, scrape.Interval.Location, interval));
            }
        }

        PortRules.Resolve(model, scrape.Port, "Scrape", null, scrape.Attribute, diagnostics);
    }
}
