using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Scrape]</c>.</summary>
internal sealed record ScrapeModel(LocationInfo Attribute, Setting<string?> Port, Setting<string?> Path, Setting<string?> Interval, Setting<bool> ServiceMonitor);
