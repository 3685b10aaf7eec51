using System;
using System.Collections.Generic;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// Turns a valid <see cref="WorkloadModel"/> into Kubernetes objects: a Deployment skeleton, then
/// each feature's decorator in this fixed order (the order is also the order of objects and keys in
/// the YAML). A new feature adds one decorator here.
/// </summary>
internal static class ManifestBuilder
{
    internal static readonly Action<ManifestContext>[] Decorators =
    [
        SetContainerImage.Apply,
        AddService.Apply,
        AddIngress.Apply,
        AddHttpRoutes.Apply,
        AddServiceMonitor.Apply,
        AddHorizontalPodAutoscaler.Apply,
        AddPodDisruptionBudget.Apply,
        AddNetworkPolicies.Apply,
        AddLabels.Apply,
        AddAnnotations.Apply,
        AddPrometheusAnnotations.Apply,
        ApplyRollingUpdate.Apply,
        AddContainerPorts.Apply,
        AddEnvironment.Apply,
        SetListenPorts.Apply,
        AddDependencies.Apply,
        AddResources.Apply,
        AddProbes.Apply,
        AddExtraContainers.Apply,
        ApplySecureDefaults.Apply,
    ];

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
