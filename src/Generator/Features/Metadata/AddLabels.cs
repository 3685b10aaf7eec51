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
        // One map shared by every object: nodes are never changed after this step. An object that already has
        // labels of its own (the headless Service's) gets them merged with these, still sorted by key.
        var labels = context.NewMap()
            .Set(WellKnown.NameLabel, context.Name)
            .Set(WellKnown.InstanceLabel, context.Name)
            .Set(WellKnown.ManagedByLabel, WellKnown.ManagedBy);
        if (context.Options.Version.Length > 0)
        {
            labels.Set(WellKnown.VersionLabel, context.Options.Version);
        }

        if (context.Options.PartOf is { } partOf)
        {
            labels.Set(WellKnown.PartOfLabel, partOf);
        }

        foreach (var label in context.Model.Labels)
        {
            labels.Set(label.Key.Value!, label.Value.Value ?? string.Empty);
        }

        labels.SortByKey();
        foreach (var metadata in context.AllMetadata())
        {
            if (metadata["labels"] is YamlMap own)
            {
                for (var i = 0; i < labels.Count; i++)
                {
                    var label = labels.EntryAt(i);
                    if (own[label.Key] is null)
                    {
                        own.Add(label.Key, (string)label.Value);
                    }
                }

                own.SortByKey();
            }
            else
            {
                metadata.Add("labels", labels);
            }
        }
    }
}
