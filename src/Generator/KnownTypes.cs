using K8sGen.Generator.Features;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator;

/// <summary>
/// How the generator and analyzer recognise K8sGen's attributes: the workload attributes' metadata names (where
/// the pipeline starts), and for any attribute the feature that reads it (from <see cref="FeatureRegistry"/>).
/// </summary>
internal static class KnownTypes
{
    public const string Namespace = "K8sGen";

    public const string Deployment = Namespace + "." + WorkloadFeature.DeploymentAttribute;
    public const string CronJob = Namespace + "." + WorkloadFeature.CronJobAttribute;
    public const string Job = Namespace + "." + WorkloadFeature.JobAttribute;
    public const string StatefulSet = Namespace + "." + WorkloadFeature.StatefulSetAttribute;
    public const string DaemonSet = Namespace + "." + WorkloadFeature.DaemonSetAttribute;

    /// <summary>Every workload attribute, where the generator's pipelines start (one each).</summary>
    public static readonly string[] Workloads = [Deployment, StatefulSet, DaemonSet, CronJob, Job];

    /// <summary>The class name of an attribute in namespace K8sGen, else null; by name, without resolving types (cheap on every keystroke).</summary>
    public static string? AttributeName(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && attributeClass.ContainingNamespace is { Name: Namespace } ns && ns.ContainingNamespace.IsGlobalNamespace
            ? attributeClass.Name
            : null;

    /// <summary>The feature that reads this attribute, or null when it is no K8sGen attribute.</summary>
    public static Feature? FeatureOf(INamedTypeSymbol? attributeClass) =>
        AttributeName(attributeClass) is { } name && FeatureRegistry.ByAttribute.TryGetValue(name, out var feature) ? feature : null;

    /// <summary>The attributes that make a class a workload; a class may carry only one of them.</summary>
    public static bool IsWorkload(INamedTypeSymbol? attributeClass) => WorkloadFeature.KindOf(AttributeName(attributeClass)) is not null;
}
