using System.Collections.Generic;
using System.Globalization;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// What each <c>[Environment]</c> changes, and nothing else: kustomize's own namespace, replicas and image
/// tag settings, and JSON 6902 patches that put the environment's host on every route of the workload.
/// </summary>
internal static class EnvironmentOverlays
{
    /// <summary>
    /// Writes each environment's pieces into the workload's C# file (see <see cref="OverlayWriter"/>), in the order the
    /// build task composes them.
    /// </summary>
    public static void Write(OverlayWriter writer, WorkloadModel model, IReadOnlyList<YamlMap> objects)
    {
        foreach (var environment in model.Environments)
        {
            var name = environment.Name.Value!;

            // Every declared environment gets its overlay, one that changes nothing included
            // (otherwise `kubectl apply -k k8s/overlays/<env>` would fail on a folder that is not there).
            writer.Write(name, Contract.OverlayParts.Declared, string.Empty);
            if (environment.Namespace.Value is { } ns)
            {
                writer.Write(name, Contract.OverlayParts.Namespace, ns);
                AdmissionTransformers(writer, writer.Begin(name, Contract.OverlayParts.Transformers), model, objects, ns);
                ClusterRolePatches(writer, name, model, objects, ns);
            }

            if (environment.Replicas.Value is { } replicas)
            {
                var piece = writer.Begin(name, Contract.OverlayParts.Replicas);
                writer.Text("- name: ").Scalar(model.Name.Value).Text("\n  count: ").Text(replicas.ToString(CultureInfo.InvariantCulture)).Text("\n");
                writer.End(piece);
            }

            if (environment.ImageTag.Value is { } tag)
            {
                writer.Write(name, Contract.OverlayParts.ImageTag, tag);
            }

            if (environment.Host.Value is { } host)
            {
                HostPatches(writer, writer.Begin(name, Contract.OverlayParts.Patches), objects, host);
            }

            EnvironmentNamePatch(writer, model, objects, name);
        }
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
    private static void AdmissionTransformers(OverlayWriter writer, OverlayWriter.Piece piece, WorkloadModel model, IReadOnlyList<YamlMap> objects, string environmentNamespace)
    {
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

            if (dependency.KeepsItsNamespace)
            {
                StartTransformer(writer, "k8sgen-namespace-" + policy, policy).Text("\n    - op: add\n      path: /metadata/namespace\n      value: ").Scalar(dependencyNamespace);
                AdmitFrom(writer, environmentNamespace);
            }
            else
            {
                AdmitFrom(StartTransformer(writer, "k8sgen-namespace-" + policy, policy), environmentNamespace);
                StartTransformer(writer, "k8sgen-egress-" + policy, model.Name.Value)
                    .Text("\n    - op: add\n      path: /spec/egress/").Text(AddNetworkPolicies.EgressIndex(i).ToString(CultureInfo.InvariantCulture))
                    .Text("/to/0/namespaceSelector/matchLabels/").Text(AddNetworkPolicies.NamespaceLabel.Replace("/", "~1")).Text("\n      value: ").Scalar(environmentNamespace).Text("\n");
            }
        }

        writer.End(piece);
    }

    /// <summary>The operation that admits the workload from the environment's namespace, ending a transformer.</summary>
    private static void AdmitFrom(OverlayWriter writer, string environmentNamespace) =>
        writer.Text("\n    - op: add\n      path: /spec/ingress/0/from/0/namespaceSelector\n      value:\n        matchLabels:\n          ")
            .Text(AddNetworkPolicies.NamespaceLabel).Text(": ").Scalar(environmentNamespace).Text("\n");

    /// <summary>
    /// kustomize's <c>namespace:</c> moves the ClusterRoleBinding's subject to the environment's namespace but leaves
    /// cluster-scoped names alone: two environments in one cluster would write one ClusterRole and binding, the last
    /// apply taking the other's permissions away. Each environment's get the name <see cref="RbacFeature.ClusterRoleName"/>
    /// gives its namespace, and the binding refers to it.
    /// </summary>
    private static void ClusterRolePatches(OverlayWriter writer, string environment, WorkloadModel model, IReadOnlyList<YamlMap> objects, string environmentNamespace)
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
            return;
        }

        var piece = writer.Begin(environment, Contract.OverlayParts.Patches);
        writer.Text("- target:\n    kind: ClusterRole\n    name: ").Scalar(current).Text("\n  patch: |-\n");
        Replace(writer, "/metadata/name", name);
        writer.Text("- target:\n    kind: ClusterRoleBinding\n    name: ").Scalar(current).Text("\n  patch: |-\n");
        Replace(writer, "/metadata/name", name);
        Replace(writer, "/roleRef/name", name);
        writer.End(piece);
    }

    private static void Replace(OverlayWriter writer, string path, string value) =>
        writer.Text("    - op: replace\n      path: ").Text(path).Text("\n      value: ").Scalar(value).Text("\n");

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

    /// <summary>Starts a PatchTransformer (JSON 6902 operations) on one NetworkPolicy, as an inline <c>transformers:</c> item; its operations follow.</summary>
    private static OverlayWriter StartTransformer(OverlayWriter writer, string name, string policy) =>
        writer.Text("- |-\n  apiVersion: builtin\n  kind: PatchTransformer\n  metadata:\n    name: ").Scalar(name)
            .Text("\n  target:\n    kind: NetworkPolicy\n    name: ").Scalar(policy)
            .Text("\n  patch: |-");

    private static void HostPatches(OverlayWriter writer, OverlayWriter.Piece piece, IReadOnlyList<YamlMap> objects, string host)
    {
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
            writer.Text("- target:\n    kind: ").Text(kind).Text("\n    name: ").Scalar(objectName).Text("\n  patch: |-\n");
            if (kind == Contract.Kinds.HttpRoute.Kind)
            {
                AddOperation(writer).Text("/spec/hostnames\n      value: [").Scalar(host).Text("]\n");
            }

            for (var i = 0; i < rules; i++)
            {
                AddOperation(writer).Text("/spec/rules/").Text(i.ToString(CultureInfo.InvariantCulture)).Text("/host\n      value: ").Scalar(host).Text("\n");
            }

            for (var i = 0; i < tls; i++)
            {
                AddOperation(writer).Text("/spec/tls/").Text(i.ToString(CultureInfo.InvariantCulture)).Text("/hosts\n      value: [").Scalar(host).Text("]\n");
            }
        }

        writer.End(piece);
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
    private static void EnvironmentNamePatch(OverlayWriter writer, WorkloadModel model, IReadOnlyList<YamlMap> objects, string environment)
    {
        if (model.Image.Value is not null)
        {
            return;
        }

        foreach (var env in model.Env)
        {
            if (System.Array.IndexOf(EnvironmentNameVariables, env.Name.Value) >= 0)
            {
                return;
            }
        }

        var workload = objects[0];
        var kind = (string)workload["kind"]!;
        var name = model.Name.Value;
        var value = HostEnvironmentName(environment);
        var piece = writer.Begin(environment, Contract.OverlayParts.Patches);
        writer.Text("- target:\n    kind: ").Text(kind).Text("\n    name: ").Scalar(name).Text("\n  patch: |-\n")
            .Text("    apiVersion: ").Text((string)workload["apiVersion"]!).Text("\n    kind: ").Text(kind)
            .Text("\n    metadata:\n      name: ").Scalar(name).Text("\n    spec:\n");
        var indent = "      ";
        if (kind == Contract.Kinds.CronJob.Kind)
        {
            writer.Text(indent).Text("jobTemplate:\n").Text(indent).Text("  spec:\n");
            indent += "    ";
        }

        writer.Text(indent).Text("template:\n").Text(indent).Text("  spec:\n").Text(indent).Text("    containers:\n")
            .Text(indent).Text("    - name: ").Scalar(name).Text("\n").Text(indent).Text("      env:\n");
        foreach (var variable in EnvironmentNameVariables)
        {
            writer.Text(indent).Text("      - name: ").Text(variable).Text("\n").Text(indent).Text("        value: ").Scalar(value).Text("\n");
        }

        writer.End(piece);
    }

    // "add" replaces an existing member and creates a missing one (a rule for any host has no host yet).
    private static OverlayWriter AddOperation(OverlayWriter writer) => writer.Text("    - op: add\n      path: ");
}
