using System;
using System.Collections.Generic;
using System.Linq;

namespace K8sGen.Generator.App;

/// <summary>What an endpoint is for: probes look for <see cref="Health"/>, the scrape check for any GET.</summary>
internal enum EndpointKind
{
    Handler,
    Health,
    Metrics,
    Grpc,
    Controller,

    /// <summary><c>MapFallback</c>, terminal <c>app.Run(handler)</c>: every path reaches it.</summary>
    Fallback,
}

/// <summary>One endpoint the app maps: its full pattern (group prefixes and controller routes joined) and HTTP methods (null: any).</summary>
/// <param name="Certain">Mapped on the app itself under no condition: it exists in every environment.</param>
internal sealed record AppEndpoint(RouteTemplate Template, IReadOnlyList<string>? Methods, EndpointKind Kind, bool Certain = false)
{
    public bool Serves(string method) => Methods is null || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary><c>GET /api/users/{id}</c>, or just the pattern for any method.</summary>
    public string Display => Methods is null ? Template.Text : string.Join(",", Methods) + " " + Template.Text;
}

/// <summary>
/// Every endpoint the app maps, when K8sGen can know them all (<see cref="AppModel.Endpoints"/> is null
/// otherwise). Lists them for messages, closest to the path in question first.
/// </summary>
internal sealed class EndpointSet
{
    private readonly Node _root = new();

    public EndpointSet(IReadOnlyList<AppEndpoint> endpoints)
    {
        All = endpoints;
        foreach (var endpoint in endpoints)
        {
            var node = _root;
            foreach (var literal in endpoint.Template.LiteralStart)
            {
                node = node.Child(literal);
            }

            node.Endpoints.Add(endpoint);
        }
    }

    public IReadOnlyList<AppEndpoint> All { get; }

    /// <summary>A GET of the path (its query aside), as the kubelet probes and Prometheus scrapes, reaches an endpoint.</summary>
    public bool ServesGet(string path)
    {
        var query = path.IndexOf('?');
        var segments = RouteTemplate.PathSegments(query < 0 ? path : path.Substring(0, query));
        return Candidates(segments, prefix: false).Any(e => e.Serves("GET") && e.Template.Matches(segments));
    }

    /// <summary>A request routed by this path reaches an endpoint: <paramref name="prefix"/> for the path or anything below it.</summary>
    public bool Reaches(string path, bool prefix)
    {
        var segments = RouteTemplate.PathSegments(path);
        return Candidates(segments, prefix).Any(e => prefix ? e.Template.MatchesUnder(segments) : e.Template.Matches(segments));
    }

    /// <summary>
    /// The endpoints that can match: those whose literal start is a prefix of the path (the index is a tree of
    /// literal segments, so a check does not try a thousand endpoints), and for a prefix everything below it.
    /// </summary>
    private IEnumerable<AppEndpoint> Candidates(string[]? segments, bool prefix)
    {
        if (segments is null)
        {
            return All;
        }

        var candidates = new List<AppEndpoint>();
        var node = _root;
        candidates.AddRange(node.Endpoints);
        foreach (var segment in segments)
        {
            if (!node.Children.TryGetValue(segment, out var child))
            {
                return candidates;
            }

            node = child;
            candidates.AddRange(node.Endpoints);
        }

        if (prefix)
        {
            node.AddBelow(candidates);
        }

        return candidates;
    }

    /// <summary>One literal segment of the index, with the endpoints whose literal start ends here.</summary>
    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<AppEndpoint> Endpoints { get; } = [];

        public Node Child(string literal)
        {
            if (!Children.TryGetValue(literal, out var child))
            {
                Children[literal] = child = new Node();
            }

            return child;
        }

        public void AddBelow(List<AppEndpoint> endpoints)
        {
            foreach (var child in Children.Values)
            {
                endpoints.AddRange(child.Endpoints);
                child.AddBelow(endpoints);
            }
        }
    }

    /// <summary>
    /// Health-check endpoints with one path each (<c>MapHealthChecks("/healthz")</c>), mapped for certain: one mapped only in
    /// Development (Aspire's service defaults) would fail every probe in production.
    /// </summary>
    public IEnumerable<string> HealthPaths => All.Where(e => e.Kind == EndpointKind.Health && e.Certain && e.Template.IsLiteral).Select(e => e.Template.Text).Distinct(StringComparer.Ordinal);

    /// <summary>Up to five endpoints, the most similar to <paramref name="path"/> first (edit distance), for a message.</summary>
    public string Closest(string path, Func<AppEndpoint, bool>? filter = null)
    {
        var candidates = All.Where(e => filter is null || filter(e))
            .Select(e => e.Display)
            .Distinct(StringComparer.Ordinal)
            .Select(display => (Display: display, Distance: Distance(path, display.Substring(display.IndexOf('/')))))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Display, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return "nothing for it";
        }

        var shown = string.Join(", ", candidates.Take(5).Select(c => c.Display));
        return candidates.Count > 5 ? $"{shown} and {candidates.Count - 5} more" : shown;
    }

    /// <summary>Levenshtein distance, case-insensitive (paths are matched so).</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
