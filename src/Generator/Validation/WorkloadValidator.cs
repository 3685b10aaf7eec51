using System.Collections.Immutable;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Validation;

/// <summary>
/// Every rule for one workload: each feature's, in registry order. Pure: model in, diagnostics out. A model
/// with any error diagnostic produces no YAML.
/// </summary>
internal static class WorkloadValidator
{
    public static ImmutableArray<DiagnosticInfo> Validate(WorkloadModel model)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (var feature in FeatureRegistry.All)
        {
            feature.Check(model, diagnostics);
        }

        return diagnostics.ToImmutable();
    }

    /// <summary>The rules that also need the project's settings (the analyzer reports them once per project, with the settings).</summary>
    public static ImmutableArray<DiagnosticInfo> ValidateWithOptions(WorkloadModel model, GeneratorOptions options)
    {
        // Such rules need a workload without a namespace (dependencies across namespaces, cluster-wide RBAC): skip the allocation otherwise.
        if ((model.Namespace.Value ?? options.DefaultNamespace) is not null || (model.Dependencies.IsEmpty && RbacFeature.Of(model) is null))
        {
            return ImmutableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        DependencyRules.CheckWithOptions(model, options, diagnostics);
        RbacFeature.CheckWithOptions(model, options, diagnostics);
        return diagnostics.ToImmutable();
    }

    public static bool HasErrors(ImmutableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.IsError)
            {
                return true;
            }
        }

        return false;
    }
}
