using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[DependsOn]: a Service name, namespace and port, an environment variable that clashes with no other.</summary>
internal static class DependencyRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var seen = Scratch.Set<(string?, string?)>();
        using var envNames = Scratch.Set<string>();
        foreach (var env in model.Env)
        {
            if (env.Name.Value is { } name)
            {
                envNames.Add(name);
            }
        }

        foreach (var dependency in model.Dependencies)
        {
            var name = dependency.Name.Value;
            if (!dependency.TypeIsWorkload)
            {
                diagnostics.Add(DiagnosticInfo.Create(DependencyIsNoWorkload, dependency.Name.Location, dependency.TypeName ?? string.Empty, name ?? string.Empty));
            }

            if (KubernetesFormats.Dns1035Label(name) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidDependency, dependency.Name.Location, name ?? string.Empty, nameError));
                continue;
            }

            if (!seen.Add((name, dependency.Namespace.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateDependency, dependency.Attribute, name!));
                continue;
            }

            if (dependency.Namespace.Value is { } ns && KubernetesFormats.Dns1123Label(ns) is { } nsError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidNamespace, dependency.Namespace.Location, ns, nsError));
            }

            if (KubernetesFormats.PortNumber(dependency.Port.Value) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidPortNumber, dependency.Port.Location, "Dependency port", dependency.Port.Value.ToString(CultureInfo.InvariantCulture)));
            }

            var envName = EnvName(dependency);
            if (KubernetesFormats.EnvVarName(envName) is { } envError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidEnvName, dependency.EnvName.Location, envName, envError));
            }
            else if (!envNames.Add(envName))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateEnvName, dependency.EnvName.Location, envName));
            }
        }
    }

    /// <summary>
    /// The rule that needs the project's settings: with network policies on, a dependency in a namespace of its
    /// own gets a policy there that must name the namespace this workload runs in; without one (no Namespace,
    /// no K8sGenNamespace: <c>kubectl apply -n</c> decides) that policy could only admit the dependency's own
    /// namespace, never this workload (KSG1153).
    /// </summary>
    public static void CheckWithOptions(WorkloadModel model, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!(model.NetworkPolicy.Value ?? options.NetworkPolicy) || (model.Namespace.Value ?? options.DefaultNamespace) is not null)
        {
            return;
        }

        foreach (var dependency in model.Dependencies)
        {
            if (dependency.Namespace.Value is { } ns)
            {
                diagnostics.Add(DiagnosticInfo.Create(DependencyNamespaceNeedsOwnNamespace, dependency.Namespace.Location, dependency.Name.Value ?? string.Empty, ns, model.Name.Value));
            }
        }
    }

    /// <summary>The variable that gets the dependency's URL: <c>orders-api</c> → <c>ORDERS_API_URL</c> unless EnvName says otherwise.</summary>
    public static string EnvName(DependencyModel dependency) =>
        dependency.EnvName.Value ?? (dependency.Name.Value ?? string.Empty).ToUpperInvariant().Replace('-', '_') + "_URL";
}
