using System.Collections.Generic;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>An object K8sGen writes under a name of its own making, and the attribute that makes it.</summary>
internal readonly record struct DerivedObject(string Kind, string? Namespace, string Name, LocationInfo Attribute, string Source);

/// <summary>
/// The objects whose names K8sGen derives from a workload's name instead of using it as it is: the second
/// and later HTTPRoutes (<c>users-2</c>) and the policies in a dependency's namespace (<c>orders-from-web</c>).
/// Every other object of a workload has the workload's own name, which KSG1008 keeps unique.
/// The names come from the decorators' own helpers, so this list cannot drift from what they write.
/// </summary>
internal static class ObjectNames
{
    public static IEnumerable<DerivedObject> Derived(WorkloadModel model, GeneratorOptions options)
    {
        var ns = model.Namespace.Value ?? options.DefaultNamespace;
        var groups = AddHttpRoutes.Groups(model);
        for (var i = 1; i < groups.Count; i++)
        {
            var first = System.Linq.Enumerable.First(groups[i]);
            yield return new DerivedObject(Contract.Kinds.HttpRoute.Kind, ns, AddHttpRoutes.RouteName(model.Name.Value, i), first.Attribute, $"[HttpRoute(\"{first.Path.Value}\")] (Gateway '{groups[i].Key.Gateway}')");
        }

        if (model.NetworkPolicy.Value ?? options.NetworkPolicy)
        {
            foreach (var dependency in model.Dependencies)
            {
                yield return new DerivedObject(Contract.Kinds.NetworkPolicy.Kind, dependency.Namespace.Value ?? ns, AddNetworkPolicies.AdmissionName(dependency, model.Name.Value), dependency.Attribute, $"[DependsOn(\"{dependency.Name.Value}\")]");
            }
        }
    }

    /// <summary>The objects named after the workload itself that such a derived name can meet: its HTTPRoute and its own NetworkPolicy.</summary>
    public static IEnumerable<(string Kind, string? Namespace, string Name)> Own(WorkloadModel model, GeneratorOptions options)
    {
        var ns = model.Namespace.Value ?? options.DefaultNamespace;
        if (!model.HttpRoutes.IsEmpty)
        {
            yield return (Contract.Kinds.HttpRoute.Kind, ns, model.Name.Value);
        }

        if (model.NetworkPolicy.Value ?? options.NetworkPolicy)
        {
            yield return (Contract.Kinds.NetworkPolicy.Kind, ns, model.Name.Value);
        }
    }
}
