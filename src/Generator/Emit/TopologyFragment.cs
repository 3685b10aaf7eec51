using System.Collections.Generic;
using System.Text;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Invariant;

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
    /// <summary>
    /// Appends the fragment to <paramref name="lines"/> as the inside of a C# verbatim literal (quotes doubled): the
    /// generator writes it straight into the workload's file, without a string of its own and a copy.
    /// </summary>
    public static StringBuilder Write(StringBuilder lines, WorkloadModel model, GeneratorOptions options)
    {
        var writer = new Writer(lines);
        var name = model.Name.Value;
        var workload = "w_" + Id(name);
        writer.Line("node", workload + "[\"" + Label(model.Kind.ToString() + " " + name) + "<br/>" + Label(Pods(model)) + "\"]");

        if (!model.Ports.IsEmpty)
        {
            var service = "s_" + Id(name);
            var ports = new List<string>();
            foreach (var port in model.Ports)
            {
                ports.Add(":" + Text(port.ServicePort.Value) + " → " + port.Name.Value);
            }

            writer.Line("node", service + "[\"" + Label("Service " + name) + "<br/>" + Label(string.Join(", ", ports)) + "\"]");
            writer.Line("edge", service + " --> " + workload);
            foreach (var route in model.Routes)
            {
                var host = route.Host.Value ?? "any host";
                var hostId = "h_" + Id(host);
                writer.Line("ref", hostId + "([\"" + Label(host) + "\"])");
                writer.Line("edge", hostId + " -->|\"" + Label((route.Path.Value ?? "/") + " " + route.PathType.Value) + "\"| " + service);
            }

            foreach (var route in model.HttpRoutes)
            {
                var gateway = "g_" + Id(route.Gateway.Value ?? string.Empty);
                writer.Line("ref", gateway + "{{\"" + Label("Gateway " + route.Gateway.Value) + "\"}}");
                writer.Line("edge", gateway + " -->|\"" + Label((route.Hostname.Value ?? string.Empty) + (route.Path.Value ?? "/") + " " + route.PathType.Value) + "\"| " + service);
            }
        }

        foreach (var dependency in model.Dependencies)
        {
            var target = dependency.Name.Value ?? string.Empty;
            var id = "s_" + Id(target) + (dependency.Namespace.Value is { } ns ? "_" + Id(ns) : string.Empty);
            var label = "Service " + target + (dependency.Namespace.Value is { } other ? " (namespace " + other + ")" : string.Empty);
            writer.Line("ref", id + "[\"" + Label(label) + "\"]");
            writer.Line("edge", workload + " -.->|\"" + Label(Features.DependencyRules.EnvName(dependency)) + "\"| " + id);
        }

        if (model.Scrape is { } scrape)
        {
            writer.Line("ref", "prometheus([\"Prometheus\"])");
            writer.Line("edge", "prometheus -.->|\"" + Label((scrape.Path.Value ?? "/metrics") + (scrape.ServiceMonitor.Value ? " (ServiceMonitor)" : string.Empty)) + "\"| " + workload);
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

            writer.Line("policy", "| " + Cell(name) + " | " + Cell(string.Join(", ", accepts)) + " | " + Cell(string.Join(", ", reaches)) + " |");
        }

        foreach (var environment in model.Environments)
        {
            var replicas = environment.Replicas.Value is { } count ? Text(count)
                : model.Autoscale is null && model.Batch is null ? Text(model.Replicas.Value) + " (base)"
                : Pods(model);
            writer.Line("env", "| " + Cell(environment.Name.Value ?? string.Empty) + " | " + Cell(name)
                + " | " + Cell(environment.Namespace.Value ?? model.Namespace.Value ?? options.DefaultNamespace ?? "—")
                + " | " + Cell(replicas)
                + " | " + Cell(environment.Host.Value ?? "as in the base")
                + " | " + Cell(environment.ImageTag.Value ?? "as in the base") + " |");
        }

        return lines;
    }

    private static string Pods(WorkloadModel model) => model switch
    {
        { Autoscale: { } autoscale } => Text(autoscale.Min.Value) + "–" + Text(autoscale.Max.Value) + " pods, autoscaled",
        { Batch: { Schedule.Value: { } schedule } } => "schedule " + schedule,
        { Batch: not null } => "runs once",
        { Kind: WorkloadKind.DaemonSet } => "one pod per node",
        _ => model.Replicas.Value == 1 ? "1 replica" : Text(model.Replicas.Value) + " replicas",
    };

    /// <summary>Appends lines inside a C# verbatim literal: quotes doubled.</summary>
    private readonly struct Writer(StringBuilder builder)
    {
        public void Line(string kind, string text)
        {
            builder.Append(kind).Append(' ');
            if (text.IndexOf('"') >= 0)
            {
                foreach (var c in text)
                {
                    builder.Append(c);
                    if (c == '"')
                    {
                        builder.Append('"');
                    }
                }
            }
            else
            {
                builder.Append(text);
            }

            builder.Append('\n');
        }
    }

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
}
