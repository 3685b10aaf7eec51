using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Scrape]</c>: prometheus.io pod annotations, or a ServiceMonitor.</summary>
internal sealed class ScrapeFeature : Feature
{
    public override string Name => "Scrape";

    public override IReadOnlyList<string> Attributes { get; } = ["ScrapeAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddServiceMonitor", Stage.Objects, AddServiceMonitor.Apply, "AddService"),
        new("AddPrometheusAnnotations", Stage.Metadata, AddPrometheusAnnotations.Apply, "AddAnnotations"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.ServiceMonitor];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.Scrape = new ScrapeModel(
            reader.Location,
            reader.Named<string?>("Port", null),
            reader.Named<string?>("Path", "/metrics"),
            reader.Named<string?>("Interval", null),
            reader.Named("ServiceMonitor", false));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => ScrapeRules.Check(model, diagnostics);

    /// <summary>KSG1172: Prometheus scrapes the path with GET; an app that serves nothing there fails every scrape.</summary>
    public override void CheckApp(IReadOnlyList<WorkloadModel> workloads, App.AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (app.Endpoints is not { } endpoints)
        {
            return;
        }

        foreach (var workload in workloads)
        {
            if (workload.Image.Value is null && workload.Scrape is { Path.Value: { } path } scrape && !endpoints.ServesGet(path))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.ScrapePathNotServed, scrape.Path.Location, path, endpoints.Closest(path, e => e.Serves("GET"))));
            }
        }
    }
}
