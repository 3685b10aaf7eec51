using System.Collections.Generic;
using System.Linq;
using System;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// The <c>app.kubernetes.io/*</c> labels and <c>[Label]</c>s, sorted by key, on every object and on
/// the pods. Selectors stay version-free (see <see cref="ManifestContext.SelectorLabels"/>).
/// </summary>
internal static class AddLabels
{
    public static void Apply(ManifestContext context)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [WellKnown.NameLabel] = context.Name,
            [WellKnown.InstanceLabel] = context.Name,
            [WellKnown.ManagedByLabel] = WellKnown.ManagedBy,
        };
        if (context.Options.Version.Length > 0)
        {
            labels[WellKnown.VersionLabel] = context.Options.Version;
        }

        if (context.Options.PartOf is { } partOf)
        {
            labels[WellKnown.PartOfLabel] = partOf;
        }

        foreach (var label in context.Model.Labels)
        {
            labels[label.Key.Value!] = label.Value.Value ?? string.Empty;
        }

        // One map shared by every object: nodes are never changed after this step. An object that already has
        // labels of its own (the headless Service's) gets them merged with these, still sorted by key.
        var map = context.NewMap();
        foreach (var label in labels)
        {
            map.Add(label.Key, label.Value);
        }

        foreach (var metadata in context.AllMetadata())
        {
            if (metadata["labels"] is YamlMap own)
            {
                foreach (var label in labels)
                {
                    if (own[label.Key] is null)
                    {
                        own.Add(label.Key, label.Value);
                    }
                }

                own.SortByKey();
            }
            else
            {
                metadata.Add("labels", map);
            }
        }
    }
}
