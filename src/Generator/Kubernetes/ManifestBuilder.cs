using System;
using System.Collections.Generic;
using System.Linq;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// Turns a valid <see cref="WorkloadModel"/> into Kubernetes objects: the workload's skeleton (see
/// <see cref="ManifestContext"/>), then every feature's decorators in <see cref="FeatureRegistry"/>'s order
/// (the order of objects and keys in the YAML).
/// </summary>
internal static class ManifestBuilder
{
    /// <summary>The decorators' actions in order (an array, so a test can put a failing one in place).</summary>
    internal static readonly Action<ManifestContext>[] Decorators = FeatureRegistry.Decorators.Select(d => d.Apply).ToArray();

    /// <param name="arena">Where the nodes come from when the caller recycles the tree once it is written; null allocates.</param>
    public static IReadOnlyList<YamlMap> Build(WorkloadModel model, GeneratorOptions options, YamlArena? arena = null)
    {
        var context = new ManifestContext(model, options, arena);
        foreach (var decorate in Decorators)
        {
            decorate(context);
        }

        return context.Objects;
    }
}
