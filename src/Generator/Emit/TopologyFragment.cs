using System.Collections.Generic;
using System.Globalization;
using System.Text;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Emit;

/// <summary>
/// One workload's part of the project's <c>k8s/topology.md</c> (the build task composes the file, as it composes the
/// overlays): Mermaid lines for hosts and paths → Service → workload, its dependencies and scraping, and table rows for
/// what its network policies allow and what each environment changes. Read from the model, so it says what the
/// attributes declare. Each line starts with its kind:
/// <c>node &lt;id&gt; &lt;node&gt;</c> (the workload's own nodes), <c>ref &lt;id&gt; &lt;node&gt;</c> (a node another workload may own:
/// its definition wins), <c>edge &lt;line&gt;</c>, <c>policy &lt;row&gt;</c>, <c>env &lt;row&gt;</c>.
/// </summary>
internal static class TopologyFragment
{
    public static string For(WorkloadModel model, GeneratorOptions options)
    {
        var lines = new StringBuilder();
        var name = model.Name.Value;
        var workload = "w_" + Id(name);
        Line(lines, "node", workload + "[\"" + Label(model.Kind.ToString() + " " + name) + "<br/>" + Label(Pods(model)) + "\"]");

        if (!model.Ports.IsEmpty)
        {
            var service = "s_" + Id(name);
            var ports = new List<string>();
            foreach (var port in model.Ports)
            {
                ports.Add(":" + Text(port.ServicePort.Value) + " → " + port.Name.Value);
            }

            Line(lines, "node", service + "[\"" + Label("Service " + name) + "<br/>" + Label(string.Join(", ", ports)) + "\"]");
            Line(lines, "edge", service + " --> " + workload);
            foreach (var route in model.Routes)
            {
                var host = route.Host.Value ?? "any host";
                var hostId = "h_" + Id(host);
                Line(lines, "ref", hostId + "([\"" + Label(host) + "\"])");
                Line(lines, "edge", hostId + " -->|\"" + Label((route.Path.Value ?? "/") + " " + route.PathType.Value) + "\"| " + service);
            }

            foreach (var route in model.HttpRoutes)
            {
                var gateway = "g_" + Id(route.Gateway.Value ?? string.Empty);
                Line(lines, "ref", gateway + "{{\"" + Label("Gateway " + route.Gateway.Value) + "\"}}");
                Line(lines, "edge", gateway + " -->|\"" + Label((route.Hostname.Value ?? string.Empty) + (route.Path.Value ?? "/") + " " + route.PathType.Value) + "\"| " + service);
            }
        }

        foreach (var dependency in model.Dependencies)
        {
            var target = dependency.Name.Value ?? string.Empty;
            var id = "s_" + Id(target) + (dependency.Namespace.Value is { } ns ? "_" + Id(ns) : string.Empty);
            var label = "Service " + target + (dependency.Namespace.Value is { } other ? " (namespace " + other + ")" : string.Empty);
            Line(lines, "ref", id + "[\"" + Label(label) + "\"]");
            Line(lines, "edge", workload + " -.->|\"" + Label(Features.DependencyRules.EnvName(dependency)) + "\"| " + id);
        }

        if (model.Scrape is { } scrape)
        {
            Line(lines, "ref", "prometheus([\"Prometheus\"])");
            Line(lines, "edge", "prometheus -.->|\"" + Label((scrape.Path.Value ?? "/metrics") + (scrape.ServiceMonitor.Value ? " (ServiceMonitor)" : string.Empty)) + "\"| " + workload);
        }

        if (model.NetworkPolicy.Value ?? options.NetworkPolicy)
        {
            var accepts = new List<string>();
            if (!model.Routes.IsEmpty)
            {
                accepts.Add("the ingress controller (namespace " + options.IngressNamespace + ")");
            }

            if (model.Scrape is not null)
            {
                accepts.Add("Prometheus (namespace " + options.MonitoringNamespace + ")");
            }

            accepts.Add("the workloads that declare [DependsOn] on it");
            var reaches = new List<string> { "DNS" };
            foreach (var dependency in model.Dependencies)
            {
                reaches.Add(dependency.Name.Value + ":" + Text(dependency.Port.Value));
            }

            Line(lines, "policy", "| " + Cell(name) + " | " + Cell(string.Join(", ", accepts)) + " | " + Cell(string.Join(", ", reaches)) + " |");
        }

        foreach (var environment in model.Environments)
        {
            var replicas = environment.Replicas.Value is { } count ? Text(count)
                : model.Autoscale is null && model.Batch is null ? Text(model.Replicas.Value) + " (base)"
                : Pods(model);
            Line(lines, "env", "| " + Cell(environment.Name.Value ?? string.Empty) + " | " + Cell(name)
                + " | " + Cell(environment.Namespace.Value ?? model.Namespace.Value ?? options.DefaultNamespace ?? "—")
                + " | " + Cell(replicas)
                + " | " + Cell(environment.Host.Value ?? "as in the base")
                + " | " + Cell(environment.ImageTag.Value ?? "as in the base") + " |");
        }

        return lines.ToString();
    }

    private static string Pods(WorkloadModel model) => model switch
    {
        { Autoscale: { } autoscale } => Text(autoscale.Min.Value) + "–" + Text(autoscale.Max.Value) + " pods, autoscaled",
        { Batch: { Schedule.Value: { } schedule } } => "schedule " + schedule,
        { Batch: not null } => "runs once",
        _ => model.Replicas.Value == 1 ? "1 replica" : Text(model.Replicas.Value) + " replicas",
    };

    private static void Line(StringBuilder lines, string kind, string text) => lines.Append(kind).Append(' ').Append(text).Append('\n');

    /// <summary>A Mermaid id: letters, digits and '_' only (names and hosts hold '-' and '.').</summary>
    private static string Id(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>Text inside a quoted Mermaid label: a quote would end it, '#' starts an entity.</summary>
    private static string Label(string value) => value.Replace("#", "#35;").Replace("\"", "#quot;");

    /// <summary>Text in a Markdown table cell.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
