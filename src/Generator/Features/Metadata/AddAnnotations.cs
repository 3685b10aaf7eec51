using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary><c>[Annotation]</c>s, sorted by key, on every object and on the pods.</summary>
internal static class AddAnnotations
{
    public static void Apply(ManifestContext context)
    {
        var annotations = Ordered.Stable(context.Model.Annotations, static (a, b) => string.CompareOrdinal(a.Key.Value, b.Key.Value));
        if (annotations.Length == 0)
        {
            return;
        }

        // The objects share one map; the pods get their own, which AddPrometheusAnnotations extends.
        var shared = context.NewMap();
        foreach (var annotation in annotations)
        {
            shared.Add(annotation.Key.Value!, annotation.Value.Value ?? string.Empty);
        }

        foreach (var item in context.Objects)
        {
            ((YamlMap)item["metadata"]!).Add("annotations", shared);
        }

        var pod = context.PodMetadata.Map("annotations");
        foreach (var annotation in annotations)
        {
            pod.Add(annotation.Key.Value!, annotation.Value.Value ?? string.Empty);
        }
    }
}
