using System;
using System.Text;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Generator.Parsing;

/// <summary>
/// Boils the MSBuild properties down to <see cref="GeneratorOptions"/>. The image follows the .NET
/// SDK's container defaults: <c>ContainerRepository</c> defaults to the assembly name, the tag to
/// <c>ContainerImageTag</c>, else the first of <c>ContainerImageTags</c>, else <c>latest</c>.
/// </summary>
internal static class OptionsParser
{
    public static GeneratorOptions Parse(AnalyzerConfigOptions options)
    {
        var assembly = Property(options, "AssemblyName") ?? "app";
        var rootNamespace = Property(options, "RootNamespace") ?? assembly;
        var registry = Property(options, "ContainerRegistry");
        var repository = NormalizeRepository(Property(options, "ContainerRepository") ?? assembly);
        var tag = Property(options, "ContainerImageTag")
            ?? FirstTag(Property(options, "ContainerImageTags"))
            ?? "latest";
        var image = (registry is null ? string.Empty : registry.TrimEnd('/') + "/") + repository + ":" + tag;
        var version = Property(options, "Version") ?? tag;

        return new GeneratorOptions(
            RootNamespace: ToNamespace(rootNamespace),
            ProjectDirectory: Property(options, "MSBuildProjectDirectory"),
            DefaultImage: image,
            Version: ToLabelValue(version),
            // An explicit K8sGenPartOf is validated; the implicit solution name is made valid instead.
            PartOf: Property(options, "K8sGenPartOf") ?? (Property(options, "SolutionName") is { } solution ? ToLabelValue(solution.ToLowerInvariant()) : null),
            DefaultNamespace: Property(options, "K8sGenNamespace"),
            Enabled: !string.Equals(Property(options, "K8sGenEnabled"), "false", StringComparison.OrdinalIgnoreCase),
            NetworkPolicy: string.Equals(Property(options, "K8sGenNetworkPolicy"), "true", StringComparison.OrdinalIgnoreCase),
            IngressNamespace: Property(options, "K8sGenIngressNamespace") ?? "ingress-nginx",
            MonitoringNamespace: Property(options, "K8sGenMonitoringNamespace") ?? "monitoring");
    }

    /// <summary>An MSBuild property the project makes visible to the compiler (CompilerVisibleProperty), trimmed; null when unset or blank.</summary>
    internal static string? Property(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The first of a ContainerImageTags list, as the SDK takes it.</summary>
    internal static string? FirstTag(string? tags)
    {
        if (tags is null)
        {
            return null;
        }

        foreach (var tag in tags.Split(';'))
        {
            if (tag.Trim().Length > 0)
            {
                return tag.Trim();
            }
        }

        return null;
    }

    /// <summary>
    /// As the SDK's ParseContainerProperties does (measured with SDK 10.0.401): a valid repository is kept;
    /// otherwise it is lowercased and every character but a-z, 0-9, '_', '-' and '/' becomes '-'
    /// ("Billing.Api" → "billing-api", "Shop.V1/Users" → "shop-v1/users").
    /// </summary>
    private static string NormalizeRepository(string repository)
    {
        if (KubernetesFormats.ImageReference(repository) is null && repository.IndexOf(':') < 0 && repository.IndexOf('@') < 0)
        {
            return repository;
        }

        var builder = new StringBuilder(repository.Length);
        foreach (var c in repository.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '/' ? c : '-');
        }

        return builder.ToString();
    }

    /// <summary>A version as a label value: invalid characters (e.g. '+' of build metadata) become '-', at most 63 characters.</summary>
    private static string ToLabelValue(string version)
    {
        var builder = new StringBuilder(version.Length);
        foreach (var c in version)
        {
            builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-' ? c : '-');
        }

        var value = builder.Length > 63 ? builder.ToString(0, 63) : builder.ToString();
        return value.Trim('-', '_', '.');
    }

    /// <summary>A usable C# namespace from RootNamespace or the assembly name (e.g. "my-app" → "my_app").</summary>
    private static string ToNamespace(string value)
    {
        var parts = value.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var builder = new StringBuilder(parts[i].Length + 1);
            foreach (var c in parts[i])
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            if (builder.Length == 0 || char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            parts[i] = builder.ToString();
        }

        return string.Join(".", parts);
    }
}
