using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// <c>k8s/topology.md</c>: what the folder deploys, for the reviewer of a pull request who would otherwise read a long YAML
/// diff. A Mermaid flowchart (GitHub renders it) of hosts and paths → Services → workloads, their dependencies and
/// scraping; tables of what the network policies allow and what each environment changes. Composed from the workloads'
/// fragments (the generator's TopologyFragment) in workload order, so it is as deterministic as the YAML.
/// </summary>
public static class Topology
{
    public const string FileName = K8sGen.Shared.Contract.TopologyFile;

    /// <param name="project">The project (its assembly name), for the title.</param>
    /// <param name="fragments">Each workload's fragment, by workload name.</param>
    /// <returns>The file's text, or null when no workload has a fragment (an assembly from an older generator).</returns>
    public static string? Compose(string project, IReadOnlyDictionary<string, string> fragments)
    {
        if (fragments.Count == 0)
        {
            return null;
        }

        var owned = new Dictionary<string, string>(StringComparer.Ordinal);
        var referenced = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<string>();
        var edges = new List<string>();
        var seenEdges = new HashSet<string>(StringComparer.Ordinal);
        var policies = new List<string>();
        var environments = new List<string>();
        foreach (var (_, fragment) in fragments.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var line in fragment.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.IndexOf(' ');
                var (kind, text) = (line[..space], line[(space + 1)..]);
                switch (kind)
                {
                    case "node":
                        var id = NodeId(text);
                        if (owned.TryAdd(id, text))
                        {
                            nodes.Add(id);
                        }

                        break;
                    case "ref":
                        referenced.TryAdd(NodeId(text), text);
                        break;
                    case "edge":
                        if (seenEdges.Add(text))
                        {
                            edges.Add(text);
                        }

                        break;
                    case "policy":
                        policies.Add(text);
                        break;
                    case "env":
                        environments.Add(text);
                        break;
                }
            }
        }

        var builder = new StringBuilder()
            .Append("# Topology of ").Append(project).Append("\n\n")
            .Append("What `kubectl apply -k` of this folder deploys, as the attributes of ").Append(project)
            .Append(" declare it. Written by K8sGen on every build: do not edit.\n\n")
            .Append("```mermaid\nflowchart LR\n");
        foreach (var id in nodes)
        {
            builder.Append("  ").Append(owned[id]).Append('\n');
        }

        // Nodes the project does not own (hosts, gateways, Prometheus, other projects' Services), after its own.
        foreach (var (id, node) in referenced)
        {
            if (!owned.ContainsKey(id))
            {
                builder.Append("  ").Append(node).Append('\n');
            }
        }

        foreach (var edge in edges)
        {
            builder.Append("  ").Append(edge).Append('\n');
        }

        builder.Append("```\n");
        if (policies.Count > 0)
        {
            builder.Append("\n## Network policies\n\nEverything else is denied, in and out.\n\n| workload | accepts traffic from | may connect to |\n|---|---|---|\n");
            foreach (var row in policies)
            {
                builder.Append(row).Append('\n');
            }
        }

        if (environments.Count > 0)
        {
            builder.Append("\n## Environments\n\nWhat each overlay (`overlays/<environment>`) changes.\n\n| environment | workload | namespace | replicas | host | image tag |\n|---|---|---|---|---|---|\n");
            foreach (var row in environments.Order(StringComparer.Ordinal))
            {
                builder.Append(row).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>The id a node line starts with (up to its shape's first bracket).</summary>
    private static string NodeId(string node) => node[..node.IndexOfAny(['[', '(', '{'])];
}
