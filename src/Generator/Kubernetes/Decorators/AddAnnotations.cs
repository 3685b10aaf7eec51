using System.Linq;

namespace K8sGen.Generator.Kubernetes.Decorators;

/// <summary><c>[Annotation]</c>s, sorted by key, on every object and on the pods.</summary>
internal static class AddAnnotations
{
    public static void Apply(ManifestContext context)
    {
        var annotations = context.Model.Annotations
            .OrderBy(a => a.Key.Value, System.StringComparer.Ordinal)
            .ToList();
        if (annotations.Count == 0)
        {
            return;
        }

        foreach (var metadata in context.Objects.Select(o => (YamlMap)o["metadata"]!).Append(context.PodMetadata))
        {
            var map = metadata.Map("annotations");
            foreach (var annotation in annotations)
            {
                map.Add(annotation.Key.Value!, annotation.Value.Value ?? string.Empty);
            }
        }
    }
}
