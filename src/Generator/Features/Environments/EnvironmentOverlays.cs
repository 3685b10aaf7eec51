using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>One piece of an environment's overlay, as the build task composes it into k8s/overlays/&lt;env&gt;/kustomization.yaml.</summary>
/// <param name="Part">One of <see cref="Contract.OverlayParts"/>.</param>
internal sealed record OverlayFragment(string Environment, string Part, string Value);

/// <summary>
/// What each <c>[Environment]</c> changes, and nothing else: kustomize's own namespace, replicas and image
/// tag settings, and JSON 6902 patches that put the environment's host on every route of the workload.
/// </summary>
internal static class EnvironmentOverlays
{

    public static EquatableArray<OverlayFragment> For(WorkloadModel model, IReadOnlyList<YamlMap> objects)
    {
        var fragments = new List<OverlayFragment>();
        foreach (var environment in model.Environments)
        {
            var name = environment.Name.Value!;

            // Every declared environment gets its overlay, one that changes nothing included
            // (otherwise `kubectl apply -k k8s/overlays/<env>` would fail on a folder that is not there).
            fragments.Add(new(name, Contract.OverlayParts.Declared, string.Empty));
            if (environment.Namespace.Value is { } ns)
            {
                fragments.Add(new(name, Contract.OverlayParts.Namespace, ns));
                if (AdmissionTransformers(model, objects, ns) is { Length: > 0 } transformers)
                {
                    fragments.Add(new(name, Contract.OverlayParts.Transformers, transformers));
                }

                if (ClusterRolePatches(model, objects, ns) is { } clusterRoles)
                {
                    fragments.Add(new(name, Contract.OverlayParts.Patches, clusterRoles));
                }
            }

            if (environment.Replicas.Value is { } replicas)
            {
                fragments.Add(new(name, Contract.OverlayParts.Replicas, "- name: " + YamlScalars.Format(model.Name.Value) + "\n  count: " + replicas.ToString(CultureInfo.InvariantCulture) + "\n"));
            }

            if (environment.ImageTag.Value is { } tag)
            {
                fragments.Add(new(name, Contract.OverlayParts.ImageTag, tag));
            }

            if (environment.Host.Value is { } host && HostPatches(objects, host) is { Length: > 0 } patches)
            {
                fragments.Add(new(name, Contract.OverlayParts.Patches, patches));
            }

            if (EnvironmentNamePatch(model, objects, name) is { } environmentName)
            {
                fragments.Add(new(name, Contract.OverlayParts.Patches, environmentName));
            }
        }

        return fragments.ToEquatableArray();
    }

    /// <summary>
    /// kustomize's <c>namespace:</c> moves every object of the project to the environment's namespace, and
    /// leaves namespace selectors alone. For each dependency in a namespace other than the workload's:
    /// - written on [DependsOn] (<c>Namespace = "billing"</c>), or a workload class of another project: it stays
    ///   there, so its policy is put back there, admitting the workload from the environment's namespace;
    /// - a workload class of this project in another namespace: this project's environment moves it too, so
    ///   its policy admits the workload from the environment's namespace, and the workload's egress goes there.
    /// These are <c>transformers:</c>, which kustomize runs after its built-in fields (<c>patches:</c> run before
    /// <c>namespace:</c>, which would undo them).
    /// </summary>
    private static string AdmissionTransformers(WorkloadModel model, IReadOnlyList<YamlMap> objects, string environmentNamespace)
    {
        var builder = StringBuilderCache.Acquire();
        var workloadNamespace = ((YamlMap)objects[0]["metadata"]!)["namespace"] as string;
        for (var i = 0; i < model.Dependencies.Length; i++)
        {
            var dependency = model.Dependencies[i];
            var policy = AddNetworkPolicies.AdmissionName(dependency, model.Name.Value);
            if (dependency.Namespace.Value is not { } dependencyNamespace || !Writes(objects, Contract.Kinds.NetworkPolicy.Kind, policy)
                || (!dependency.KeepsItsNamespace && dependencyNamespace == workloadNamespace))
            {
                continue; // network policies off, or the dependency is in the workload's namespace and moves with it
            }

            var selector = "\n    - op: add\n      path: /spec/ingress/0/from/0/namespaceSelector\n      value:\n        matchLabels:\n          "
                + AddNetworkPolicies.NamespaceLabel + ": " + YamlScalars.Format(environmentNamespace);
            if (dependency.KeepsItsNamespace)
            {
                AppendTransformer(builder, "k8sgen-namespace-" + policy, policy, "\n    - op: add\n      path: /metadata/namespace\n      value: " + YamlScalars.Format(dependencyNamespace) + selector);
            }
            else
            {
                AppendTransformer(builder, "k8sgen-namespace-" + policy, policy, selector);
                AppendTransformer(builder, "k8sgen-egress-" + policy, model.Name.Value, "\n    - op: add\n      path: /spec/egress/" + AddNetworkPolicies.EgressIndex(i).ToString(CultureInfo.InvariantCulture)
                    + "/to/0/namespaceSelector/matchLabels/" + AddNetworkPolicies.NamespaceLabel.Replace("/", "~1") + "\n      value: " + YamlScalars.Format(environmentNamespace));
            }
        }

        return StringBuilderCache.ToStringAndRelease(builder);
    }

    /// <summary>
    /// kustomize's <c>namespace:</c> moves the ClusterRoleBinding's subject to the environment's namespace but leaves
    /// cluster-scoped names alone: two environments in one cluster would write one ClusterRole and binding, the last
    /// apply taking the other's permissions away. Each environment's get the name <see cref="RbacFeature.ClusterRoleName"/>
    /// gives its namespace, and the binding refers to it.
    /// </summary>
    private static string? ClusterRolePatches(WorkloadModel model, IReadOnlyList<YamlMap> objects, string environmentNamespace)
    {
        var name = RbacFeature.ClusterRoleName(environmentNamespace, model.Name.Value);
        string? current = null;
        foreach (var item in objects)
        {
            if ((string)item["kind"]! == Contract.Kinds.ClusterRole.Kind)
            {
                current = (string)((YamlMap)item["metadata"]!)["name"]!;
            }
        }

        if (current is null || current == name)
        {
            return null;
        }

        var value = YamlScalars.Format(name);
        var builder = StringBuilderCache.Acquire();
        builder.Append("- target:\n    kind: ClusterRole\n    name: ").Append(YamlScalars.Format(current)).Append("\n  patch: |-\n");
        AppendReplace(builder, "/metadata/name", value);
        builder.Append("- target:\n    kind: ClusterRoleBinding\n    name: ").Append(YamlScalars.Format(current)).Append("\n  patch: |-\n");
        AppendReplace(builder, "/metadata/name", value);
        AppendReplace(builder, "/roleRef/name", value);
        return StringBuilderCache.ToStringAndRelease(builder);
    }

    private static void AppendReplace(StringBuilder builder, string path, string value) =>
        builder.Append("    - op: replace\n      path: ").Append(path).Append("\n      value: ").Append(value).Append('\n');

    private static bool Writes(IReadOnlyList<YamlMap> objects, string kind, string name)
    {
        foreach (var item in objects)
        {
            if ((string)item["kind"]! == kind && (string)((YamlMap)item["metadata"]!)["name"]! == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A PatchTransformer (JSON 6902 operations) on one NetworkPolicy, as an inline <c>transformers:</c> item.</summary>
    private static void AppendTransformer(StringBuilder builder, string name, string policy, string operations) =>
        builder.Append("- |-\n  apiVersion: builtin\n  kind: PatchTransformer\n  metadata:\n    name: ").Append(YamlScalars.Format(name))
            .Append("\n  target:\n    kind: NetworkPolicy\n    name: ").Append(YamlScalars.Format(policy))
            .Append("\n  patch: |-").Append(operations).Append('\n');

    private static string HostPatches(IReadOnlyList<YamlMap> objects, string host)
    {
        var value = YamlScalars.Format(host);
        var builder = StringBuilderCache.Acquire();
        foreach (var item in objects)
        {
            var kind = (string)item["kind"]!;
            var spec = (YamlMap)item["spec"]!;
            var rules = kind == Contract.Kinds.Ingress.Kind ? ((YamlSequence?)spec["rules"])?.Count ?? 0 : 0;
            var tls = kind == Contract.Kinds.Ingress.Kind ? ((YamlSequence?)spec["tls"])?.Count ?? 0 : 0;
            if (kind != Contract.Kinds.HttpRoute.Kind && rules + tls == 0)
            {
                continue;
            }

            var objectName = (string)((YamlMap)item["metadata"]!)["name"]!;
            builder.Append("- target:\n    kind: ").Append(kind).Append("\n    name: ").Append(YamlScalars.Format(objectName)).Append("\n  patch: |-\n");
            if (kind == Contract.Kinds.HttpRoute.Kind)
            {
                AppendOperation(builder, "/spec/hostnames", "[" + value + "]");
            }

            for (var i = 0; i < rules; i++)
            {
                AppendOperation(builder, "/spec/rules/" + i.ToString(CultureInfo.InvariantCulture) + "/host", value);
            }

            for (var i = 0; i < tls; i++)
            {
                AppendOperation(builder, "/spec/tls/" + i.ToString(CultureInfo.InvariantCulture) + "/hosts", "[" + value + "]");
            }
        }

        return StringBuilderCache.ToStringAndRelease(builder);
    }

    /// <summary>The variables the .NET hosts read their environment name from (ASP.NET Core's wins where both are set).</summary>
    public static readonly string[] EnvironmentNameVariables = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    /// <summary>
    /// The name the app sees as <c>IHostEnvironment.EnvironmentName</c> in an environment: its first letter capitalised
    /// (<c>production</c> → <c>Production</c>), as ASP.NET Core names its own (<c>Environments.Production</c>, <c>Staging</c>,
    /// <c>Development</c>) and as <c>appsettings.Production.json</c> is spelled; the file name is case-sensitive on Linux.
    /// </summary>
    public static string HostEnvironmentName(string environment) =>
        environment.Length == 0 ? environment : char.ToUpperInvariant(environment[0]) + environment.Substring(1);

    /// <summary>
    /// A strategic merge patch that sets both variables in the workload's own container, so the app runs with the
    /// environment's configuration (<c>appsettings.&lt;Environment&gt;.json</c>, <c>IsProduction()</c>). Left out where the
    /// code sets either variable itself, and for a workload that runs another image (no .NET host to read them).
    /// Merged by container and variable name, so it works whether the container has an <c>env</c> list or not.
    /// </summary>
    private static string? EnvironmentNamePatch(WorkloadModel model, IReadOnlyList<YamlMap> objects, string environment)
    {
        if (model.Image.Value is not null)
        {
            return null;
        }

        foreach (var env in model.Env)
        {
            if (System.Array.IndexOf(EnvironmentNameVariables, env.Name.Value) >= 0)
            {
                return null;
            }
        }

        var workload = objects[0];
        var kind = (string)workload["kind"]!;
        var name = YamlScalars.Format(model.Name.Value);
        var value = YamlScalars.Format(HostEnvironmentName(environment));
        var builder = StringBuilderCache.Acquire();
        builder.Append("- target:\n    kind: ").Append(kind).Append("\n    name: ").Append(name).Append("\n  patch: |-\n")
            .Append("    apiVersion: ").Append((string)workload["apiVersion"]!).Append("\n    kind: ").Append(kind)
            .Append("\n    metadata:\n      name: ").Append(name).Append("\n    spec:\n");
        var indent = "      ";
        if (kind == Contract.Kinds.CronJob.Kind)
        {
            builder.Append(indent).Append("jobTemplate:\n").Append(indent).Append("  spec:\n");
            indent += "    ";
        }

        builder.Append(indent).Append("template:\n").Append(indent).Append("  spec:\n").Append(indent).Append("    containers:\n")
            .Append(indent).Append("    - name: ").Append(name).Append('\n').Append(indent).Append("      env:\n");
        foreach (var variable in EnvironmentNameVariables)
        {
            builder.Append(indent).Append("      - name: ").Append(variable).Append('\n').Append(indent).Append("        value: ").Append(value).Append('\n');
        }

        return StringBuilderCache.ToStringAndRelease(builder);
    }

    // "add" replaces an existing member and creates a missing one (a rule for any host has no host yet).
    private static void AppendOperation(StringBuilder builder, string path, string value) =>
        builder.Append("    - op: add\n      path: ").Append(path).Append("\n      value: ").Append(value).Append('\n');
}
