using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Policy;

/// <summary>How the platform team's policy (the KSG3xxx checks) is reported: <c>K8sGenPolicy</c>.</summary>
internal enum PolicyLevel
{
    /// <summary>Each check at its own severity (warning or info): the default.</summary>
    Recommended,

    /// <summary>The warnings are errors, for CI; infos stay infos.</summary>
    Strict,

    /// <summary>No policy check runs.</summary>
    None,
}

/// <summary>
/// What the KSG3xxx checks need from the project: the level (<c>K8sGenPolicy</c>), the host domains routes may use
/// (<c>K8sGenAllowedDomains</c>), and the project's own image tag and version as written. Read by the analyzer
/// only: the policy changes no YAML, so the generator's cached options do not carry it.
/// </summary>
/// <param name="ProjectImageTag">The tag the project sets (ContainerImageTag or the first of ContainerImageTags); null for the SDK's default, <c>latest</c>.</param>
/// <param name="PinDigest">K8sGenPinDigest: publish names the project's image by digest, whatever its tag.</param>
/// <param name="ProjectImage">The project's image as the generator names it.</param>
internal sealed record PolicyOptions(PolicyLevel Level, string? InvalidLevel, EquatableArray<string> AllowedDomains, string? ProjectImageTag, string ProjectImage, string? Version, bool PinDigest = false)
{
    /// <param name="project">The generator's options: the project's image as it names it, and whether K8sGen is on.</param>
    public static PolicyOptions Parse(AnalyzerConfigOptions options, GeneratorOptions project)
    {
        // Switched off, K8sGen writes no manifest for a policy to judge (and the SDK's targets run in their own order, so
        // the image tag a versioning tool sets may not be known yet).
        var level = project.Enabled ? OptionsParser.Property(options, "K8sGenPolicy") : "none";
        var parsed = level?.ToLowerInvariant() switch
        {
            null or "recommended" => PolicyLevel.Recommended,
            "strict" => PolicyLevel.Strict,
            "none" => PolicyLevel.None,
            _ => (PolicyLevel?)null,
        };

        var domains = new List<string>();
        foreach (var domain in (OptionsParser.Property(options, "K8sGenAllowedDomains") ?? string.Empty).Split(';', ','))
        {
            var trimmed = domain.Trim().TrimStart('.').ToLowerInvariant();
            if (trimmed.Length > 0)
            {
                domains.Add(trimmed);
            }
        }

        var tag = OptionsParser.Property(options, "ContainerImageTag") ?? OptionsParser.FirstTag(OptionsParser.Property(options, "ContainerImageTags"));
        return new PolicyOptions(parsed ?? PolicyLevel.Recommended, parsed is null ? level : null, domains.ToEquatableArray(), tag, project.DefaultImage, OptionsParser.Property(options, "Version"),
            string.Equals(OptionsParser.Property(options, "K8sGenPinDigest"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>KSG1080 for a <c>K8sGenPolicy</c> that is none of the three.</summary>
    public DiagnosticInfo? Check() =>
        InvalidLevel is null ? null : DiagnosticInfo.Create(InvalidProperty, null, "K8sGenPolicy", InvalidLevel, "it must be recommended, strict or none", "strict");

    /// <summary>The severity a policy diagnostic is reported with: <see cref="PolicyLevel.Strict"/> makes warnings errors.</summary>
    public DiagnosticSeverity Severity(DiagnosticDescriptor descriptor) =>
        Level == PolicyLevel.Strict && descriptor.DefaultSeverity == DiagnosticSeverity.Warning ? DiagnosticSeverity.Error : descriptor.DefaultSeverity;

    /// <summary>Whether <paramref name="host"/> (a route's host, possibly a wildcard) is one of the allowed domains or under one; any host when none is configured.</summary>
    public bool AllowsHost(string host)
    {
        if (AllowedDomains.IsEmpty)
        {
            return true;
        }

        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host.Substring(2) : host;
        foreach (var domain in AllowedDomains)
        {
            if (string.Equals(name, domain, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
