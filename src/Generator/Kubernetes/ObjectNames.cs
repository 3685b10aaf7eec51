using System.Collections.Generic;
using K8sGen.Generator.Features;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// An object a workload writes, as its feature names it (<see cref="Feature.ObjectNames"/>): named after the workload
/// (<c>Attribute</c> null; KSG1008 keeps those unique), or under a name K8sGen makes up, for <c>Source</c> at
/// <c>Attribute</c>. <c>Namespace</c> is null for a cluster-scoped object.
/// </summary>
internal readonly record struct ObjectName(string Kind, string? Namespace, string Name, LocationInfo? Attribute = null, string? Source = null)
{
    public bool IsDerived => Attribute is not null;
}

/// <summary>
/// The names each workload's objects get, from every feature: what KSG1016 checks, in the IDE, for a made-up
/// name (<c>users-2</c>, <c>b-from-c</c>, <c>ledger-headless</c>, <c>shop-operator</c> …) that another object of
/// the same kind and namespace already has. Each feature names its objects with the helpers its decorators use,
/// so this cannot drift from what they write.
/// </summary>
internal static class ObjectNames
{
    public static IEnumerable<ObjectName> Of(WorkloadModel model, GeneratorOptions options)
    {
        foreach (var feature in FeatureRegistry.All)
        {
            foreach (var name in feature.ObjectNames(model, options))
            {
                yield return name;
            }
        }
    }

    /// <summary>The namespace the workload's namespaced objects are in (null: the one kubectl applies to).</summary>
    public static string? NamespaceOf(WorkloadModel model, GeneratorOptions options) => model.Namespace.Value ?? options.DefaultNamespace;
}
