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
    /// generator writes it straight into the workload's file. Every piece is appended and escaped where it is written,
    /// without a string of its own: this runs for every workload on every full run, and its concatenations were a
    /// quarter of what a run allocated besides the output.
    /// </summary>
    public static StringBuilder Write(StringBuilder lines, WorkloadModel model, GeneratorOptions options)
    {
        var writer = new Writer(lines);
        var name = model.Name.Value;
        writer.Start("node").Id("w_", name).Raw("[\"").Label(model.Kind.ApiKind().Kind).Label(" ").Label(name).Raw("<br/>").Label(Pods(model)).Raw("\"]").End();

        if (!model.Ports.IsEmpty)
        {
            writer.Start("node").Id("s_", name).Raw("[\"").Label("Service ").Label(name).Raw("<br/>");
            for (var i = 0; i < model.Ports.Length; i++)
            {
                var port = model.Ports[i];
                writer.Label(i == 0 ? ":" : ", :").Label(Text(port.ServicePort.Value)).Label(" → ").Label(port.Name.Value);
            }

            writer.Raw("\"]").End();
            writer.Start("edge").Id("s_", name).Raw(" --> ").Id("w_", name).End();
            foreach (var route in model.Routes)
            {
                var host = route.Host.Value ?? "any host";
                writer.Start("ref").Id("h_", host).Raw("([\"").Label(host).Raw("\"])").End();
                writer.Start("edge").Id("h_", host).Raw(" -->|\"").Label(route.Path.Value ?? "/").Label(" ").Label(route.PathType.Value.ToString()).Raw("\"| ").Id("s_", name).End();
            }

            foreach (var route in model.HttpRoutes)
            {
                var gateway = route.Gateway.Value ?? string.Empty;
                writer.Start("ref").Id("g_", gateway).Raw("{{\"").Label("Gateway ").Label(gateway).Raw("\"}}").End();
                writer.Start("edge").Id("g_", gateway).Raw(" -->|\"").Label(route.Hostname.Value ?? string.Empty).Label(route.Path.Value ?? "/").Label(" ").Label(route.PathType.Value.ToString()).Raw("\"| ").Id("s_", name).End();
            }
        }

        foreach (var dependency in model.Dependencies)
        {
            var target = dependency.Name.Value ?? string.Empty;
            writer.Start("ref");
            DependencyId(writer, dependency).Raw("[\"").Label("Service ").Label(target);
            if (dependency.Namespace.Value is { } ns)
            {
                writer.Label(" (namespace ").Label(ns).Label(")");
            }

            writer.Raw("\"]").End();
            writer.Start("edge").Id("w_", name).Raw(" -.->|\"").Label(Features.DependencyRules.EnvName(dependency)).Raw("\"| ");
            DependencyId(writer, dependency).End();
        }

        if (model.Scrape is { } scrape)
        {
            writer.Start("ref").Raw("prometheus([\"Prometheus\"])").End();
            writer.Start("edge").Raw("prometheus -.->|\"").Label(scrape.Path.Value ?? "/metrics").Label(scrape.ServiceMonitor.Value ? " (ServiceMonitor)" : string.Empty).Raw("\"| ").Id("w_", name).End();
        }

        if (model.NetworkPolicy.Value ?? options.NetworkPolicy)
        {
            // | workload | accepts traffic from | may connect to |
            writer.Start("policy").Raw("| ").Cell(name).Raw(" | ");
            if (!model.Routes.IsEmpty)
            {
                writer.Cell("the ingress controller (namespace ").Cell(options.IngressNamespace).Cell("), ");
            }

            if (model.Scrape is not null)
            {
                writer.Cell("Prometheus (namespace ").Cell(options.MonitoringNamespace).Cell("), ");
            }

            writer.Cell("the workloads that declare [DependsOn] on it").Raw(" | ").Cell("DNS");
            foreach (var dependency in model.Dependencies)
            {
                writer.Cell(", ").Cell(dependency.Name.Value ?? string.Empty).Cell(":").Cell(Text(dependency.Port.Value));
            }

            writer.Raw(" |").End();
        }

        foreach (var environment in model.Environments)
        {
            // | environment | workload | namespace | replicas | host | image tag |
            var replicas = environment.Replicas.Value is { } count ? Text(count)
                : model.Autoscale is null && model.Batch is null ? Text(model.Replicas.Value) + " (base)"
                : Pods(model);
            writer.Start("env").Raw("| ").Cell(environment.Name.Value ?? string.Empty)
                .Raw(" | ").Cell(name)
                .Raw(" | ").Cell(environment.Namespace.Value ?? model.Namespace.Value ?? options.DefaultNamespace ?? "—")
                .Raw(" | ").Cell(replicas)
                .Raw(" | ").Cell(environment.Host.Value ?? "as in the base")
                .Raw(" | ").Cell(environment.ImageTag.Value ?? "as in the base")
                .Raw(" |").End();
        }

        return lines;
    }

    private static Writer DependencyId(Writer writer, Features.DependencyModel dependency)
    {
        writer.Id("s_", dependency.Name.Value ?? string.Empty);
        return dependency.Namespace.Value is { } ns ? writer.Id("_", ns) : writer;
    }

    private static string Pods(WorkloadModel model) => model switch
    {
        { Autoscale: { } autoscale } => Text(autoscale.Min.Value) + "–" + Text(autoscale.Max.Value) + " pods, autoscaled",
        { Batch: { Schedule.Value: { } schedule } } => "schedule " + schedule,
        { Batch: not null } => "runs once",
        { Kind: WorkloadKind.DaemonSet } => "one pod per node",
        _ => model.Replicas.Value == 1 ? "1 replica" : Text(model.Replicas.Value) + " replicas",
    };

    /// <summary>How a piece of a line is escaped besides the verbatim literal's doubled quote.</summary>
    private enum Escape
    {
        /// <summary>As it is: ids, syntax.</summary>
        None,

        /// <summary>Inside a quoted Mermaid label: a quote would end it, '#' starts an entity.</summary>
        Label,

        /// <summary>In a Markdown table cell: '|' would end it.</summary>
        Cell,
    }

    /// <summary>Appends lines inside a C# verbatim literal: every quote doubled.</summary>
    private readonly struct Writer(StringBuilder builder)
    {
        private static readonly char[] Quote = ['"'];
        private static readonly char[] LabelSpecials = ['"', '#'];
        private static readonly char[] CellSpecials = ['"', '|'];

        public Writer Start(string kind) => Raw(kind).Raw(" ");

        public void End() => builder.Append('\n');

        public Writer Raw(string text) => Append(text, Escape.None);

        public Writer Label(string text) => Append(text, Escape.Label);

        public Writer Cell(string text) => Append(text, Escape.Cell);

        /// <summary>A Mermaid id: the prefix, then letters and digits, anything else '_' (names and hosts hold '-' and '.').</summary>
        public Writer Id(string prefix, string value)
        {
            builder.Append(prefix);
            foreach (var c in value)
            {
                builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_');
            }

            return this;
        }

        private Writer Append(string text, Escape escape)
        {
            if (text.IndexOfAny(escape switch { Escape.Label => LabelSpecials, Escape.Cell => CellSpecials, _ => Quote }) < 0)
            {
                builder.Append(text);
                return this;
            }

            foreach (var c in text)
            {
                switch (c)
                {
                    case '#' when escape == Escape.Label: builder.Append("#35;"); break;
                    case '"' when escape == Escape.Label: builder.Append("#quot;"); break;
                    case '|' when escape == Escape.Cell: builder.Append("\\|"); break;
                    case '"': builder.Append("\"\""); break;
                    default: builder.Append(c); break;
                }
            }

            return this;
        }
    }
}
