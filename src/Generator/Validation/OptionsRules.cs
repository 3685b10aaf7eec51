using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Validation;

/// <summary>The K8sGen MSBuild properties that end up in manifests.</summary>
internal static class OptionsRules
{
    public static ImmutableArray<DiagnosticInfo> Check(GeneratorOptions options)
    {
        // Made only for a problem: the generator asks for every workload it builds.
        ImmutableArray<DiagnosticInfo>.Builder? diagnostics = null;
        if (options.DefaultNamespace is { } ns && KubernetesFormats.Dns1123Label(ns) is { } nsError)
        {
            (diagnostics ??= ImmutableArray.CreateBuilder<DiagnosticInfo>()).Add(DiagnosticInfo.Create(InvalidProperty, null, "K8sGenNamespace", ns, nsError + " (a DNS-1123 label)", "shop"));
        }

        if (options.PartOf is { } partOf && KubernetesFormats.LabelValue(partOf) is { } partOfError)
        {
            (diagnostics ??= ImmutableArray.CreateBuilder<DiagnosticInfo>()).Add(DiagnosticInfo.Create(InvalidProperty, null, "K8sGenPartOf", partOf, partOfError + " (a label value)", "shop"));
        }

        // The image the SDK will build: a bad tag or registry would otherwise only surface when a pod cannot pull.
        if (KubernetesFormats.ImageReference(options.DefaultImage) is { } imageError)
        {
            (diagnostics ??= ImmutableArray.CreateBuilder<DiagnosticInfo>()).Add(DiagnosticInfo.Create(InvalidProjectImage, null, options.DefaultImage, imageError));
        }

        return diagnostics?.ToImmutable() ?? ImmutableArray<DiagnosticInfo>.Empty;
    }
}
