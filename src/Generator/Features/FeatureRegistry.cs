using System;
using System.Collections.Generic;
using System.Linq;

namespace K8sGen.Generator.Features;

/// <summary>
/// Every feature, in one list. Its order is the order of the rules and, within a stage, of the decorators
/// (and so of the objects and keys in the YAML: where a new feature's line goes decides where its output
/// appears). Adding a feature is its attribute, a folder, a line here, tests and docs (docs/architecture.md).
/// </summary>
internal static class FeatureRegistry
{
    public static readonly Feature[] All =
    [
        new WorkloadFeature(),
        new PortsFeature(),
        new StatefulSetFeature(),
        new DaemonSetFeature(),
        new RoutesFeature(),
        new HttpRoutesFeature(),
        new MetadataFeature(),
        new ScrapeFeature(),
        new AutoscaleFeature(),
        new DisruptionBudgetFeature(),
        new EnvFeature(),
        new ListenPortsFeature(),
        new DependenciesFeature(),
        new ResourcesFeature(),
        new ProbesFeature(),
        new ExtraContainersFeature(),
        new NodeSelectorFeature(),
        new TolerationsFeature(),
        new SpreadFeature(),
        new ShutdownFeature(),
        new VolumesFeature(),
        new RbacFeature(),
        new ConfigMapsFeature(),
        new EnvironmentsFeature(),
        new TextFeature(),
    ];

    /// <summary>The feature that reads each K8sGen attribute, by class name.</summary>
    public static readonly IReadOnlyDictionary<string, Feature> ByAttribute = IndexAttributes(All);

    /// <summary>Every decorator, in the order they run.</summary>
    public static readonly IReadOnlyList<Decorator> Decorators = Order(All);

    /// <summary>Every kind the features emit.</summary>
    public static IEnumerable<Contract.ApiKind> Kinds => All.SelectMany(f => f.Kinds);

    /// <summary>
    /// By stage, then registry order; fails (at start-up, so in every test) when a decorator would run before
    /// one it declares it runs after, or names one that does not exist.
    /// </summary>
    public static IReadOnlyList<Decorator> Order(IReadOnlyList<Feature> features)
    {
        var ordered = features
            .SelectMany((feature, index) => feature.Decorators.Select((decorator, position) => (decorator, index, position)))
            .OrderBy(d => d.decorator.Stage)
            .ThenBy(d => d.index)
            .ThenBy(d => d.position)
            .Select(d => d.decorator)
            .ToList();
        var ran = new HashSet<string>(StringComparer.Ordinal);
        var all = new HashSet<string>(ordered.Select(d => d.Name), StringComparer.Ordinal);
        foreach (var decorator in ordered)
        {
            foreach (var before in decorator.After)
            {
                if (!all.Contains(before))
                {
                    throw new InvalidOperationException($"decorator {decorator.Name} runs after {before}, which no feature has");
                }

                if (!ran.Contains(before))
                {
                    throw new InvalidOperationException($"decorator {decorator.Name} must run after {before}, but its stage or feature comes first");
                }
            }

            if (!ran.Add(decorator.Name))
            {
                throw new InvalidOperationException($"two decorators are named {decorator.Name}");
            }
        }

        return ordered;
    }

    private static Dictionary<string, Feature> IndexAttributes(IEnumerable<Feature> features)
    {
        var index = new Dictionary<string, Feature>(StringComparer.Ordinal);
        foreach (var feature in features)
        {
            foreach (var attribute in feature.Attributes)
            {
                if (index.ContainsKey(attribute))
                {
                    throw new InvalidOperationException($"{attribute} is read by both {index[attribute].Name} and {feature.Name}");
                }

                index[attribute] = feature;
            }
        }

        return index;
    }
}
