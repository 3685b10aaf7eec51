using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>One <c>[Rbac]</c>: a rule of the workload's Role (or ClusterRole).</summary>
internal sealed record RbacRuleModel(LocationInfo Attribute, Setting<string?> Resource, Setting<EquatableArray<string>> Verbs, Setting<string> ApiGroup, Setting<EquatableArray<string>> ResourceNames, Setting<bool> ClusterWide);

/// <summary>The workload's ServiceAccount (<c>Attribute</c> null when only <c>[Rbac]</c> implies it) and its rules.</summary>
internal sealed record RbacModel(LocationInfo? Attribute, Setting<string?> Name, Setting<bool> AutomountToken, EquatableArray<RbacRuleModel> Rules) : FeatureModel
{
    public string AccountName(WorkloadModel model) => Name.Value ?? model.Name.Value;

    /// <summary>The token is mounted for a workload that talks to the API (it has rules) or says so.</summary>
    public bool Automount => AutomountToken.IsExplicit ? AutomountToken.Value : !Rules.IsEmpty;
}

/// <summary>
/// <c>[ServiceAccount]</c> and <c>[Rbac]</c>: an identity for the pods and what it may do. Namespaced rules go into a
/// Role and RoleBinding named after the workload; <c>ClusterWide</c> rules into a ClusterRole and ClusterRoleBinding
/// named <c>namespace-workload</c> (cluster-scoped names are global, so the namespace keeps two installs apart, and a
/// ClusterRoleBinding's ServiceAccount subject needs a namespace). Verbs, resources and groups are checked against
/// Kubernetes' own (<see cref="RbacCatalog"/>): a typo in a Role is not an error to the API server, just a permission
/// that silently never applies.
/// </summary>
internal sealed class RbacFeature : Feature
{
    public override string Name => "Rbac";

    public override IReadOnlyList<string> Attributes { get; } = ["ServiceAccountAttribute", "RbacAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddServiceAccount", Stage.Objects, AddObjects, "AddPersistentVolumeClaims"),
        new("SetServiceAccount", Stage.Pod, SetPodAccount, "AddExtraContainers"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } =
        [Contract.Kinds.ServiceAccount, Contract.Kinds.Role, Contract.Kinds.RoleBinding, Contract.Kinds.ClusterRole, Contract.Kinds.ClusterRoleBinding];

    /// <summary>The workload's ServiceAccount settings, or null when it has none.</summary>
    public static RbacModel? Of(WorkloadModel model) => model.Extension<RbacModel>();

    /// <summary>The ClusterRole and ClusterRoleBinding of a workload in a namespace (cluster-scoped names are global).</summary>
    public static string ClusterRoleName(string ns, string workload) => ns + "-" + workload;

    /// <summary>The first ClusterWide rule: the workload writes a ClusterRole (and binding) when there is one.</summary>
    public static RbacRuleModel? FirstClusterWideRule(WorkloadModel model)
    {
        foreach (var rule in Of(model)?.Rules ?? EquatableArray<RbacRuleModel>.Empty)
        {
            if (rule.ClusterWide.Value)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The ServiceAccount (made up when Name is set: another workload's may have that name), and the ClusterRole in
    /// the workload's namespace and in each environment's (its binding has the same name, so it is not listed twice).
    /// </summary>
    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        if (Of(model) is not { } rbac)
        {
            yield break;
        }

        var ns = Kubernetes.ObjectNames.NamespaceOf(model, options);
        yield return rbac.Name.Value is { } account
            ? new(Contract.Kinds.ServiceAccount.Kind, ns, account, rbac.Name.Location, $"[ServiceAccount(Name = \"{account}\")]")
            : new(Contract.Kinds.ServiceAccount.Kind, ns, model.Name.Value);

        if (FirstClusterWideRule(model) is not { } rule || ns is null)
        {
            yield break;
        }

        var source = $"[Rbac(\"{rule.Resource.Value}\", ClusterWide = true)]";
        yield return new(Contract.Kinds.ClusterRole.Kind, null, ClusterRoleName(ns, model.Name.Value), rule.Attribute, source);
        var seen = new HashSet<string>(StringComparer.Ordinal) { ns };
        foreach (var environment in model.Environments)
        {
            if (environment.Namespace.Value is { } environmentNamespace && seen.Add(environmentNamespace))
            {
                yield return new(Contract.Kinds.ClusterRole.Kind, null, ClusterRoleName(environmentNamespace, model.Name.Value), rule.Attribute, source + " in environment '" + environment.Name.Value + "'");
            }
        }
    }

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        if (data.AttributeClass!.Name == "ServiceAccountAttribute")
        {
            var name = reader.Named<string?>("Name", null);
            var automount = reader.Named("AutomountToken", false);
            parts.UpdateExtension<RbacModel>(model => model is null
                ? new(reader.Location, name, automount, EquatableArray<RbacRuleModel>.Empty)
                : model with { Attribute = reader.Location, Name = name, AutomountToken = automount });
            return;
        }

        var rule = new RbacRuleModel(reader.Location, reader.Positional<string>(0, "resource"), reader.PositionalArray<string>(1, "verbs"),
            reader.Named("ApiGroup", string.Empty), reader.NamedArray<string>("ResourceNames"), reader.Named("ClusterWide", false));
        parts.UpdateExtension<RbacModel>(model => model is null
            ? new(null, new(null, reader.Location, false), new(false, reader.Location, false), new[] { rule }.ToEquatableArray())
            : model with { Rules = model.Rules.AsImmutableArray().Add(rule).ToEquatableArray() });
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (Of(model) is not { } rbac)
        {
            return;
        }

        if (rbac.Name.Value is { } name && KubernetesFormats.Dns1123Subdomain(name) is { } nameError)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, rbac.Name.Location, "ServiceAccount", name, nameError));
        }

        foreach (var rule in rbac.Rules)
        {
            if (rule.Verbs.Value.IsEmpty)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidRbacRule, rule.Attribute, "it allows no verb", "[Rbac(\"" + rule.Resource.Value + "\", \"get\", \"list\", \"watch\")]"));
            }

            foreach (var verb in rule.Verbs.Value)
            {
                if (!RbacCatalog.IsVerb(verb))
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidRbacRule, rule.Verbs.Location, "'" + verb + "' is not a verb Kubernetes authorizes (" + RbacCatalog.VerbList + ")", "[Rbac(\"pods\", \"get\", \"list\")]"));
                }
            }

            if (RbacCatalog.ResourceError(rule.ApiGroup.Value, rule.Resource.Value) is { } resourceError)
            {
                var location = resourceError.AtGroup ? rule.ApiGroup.Location : rule.Resource.Location;
                diagnostics.Add(DiagnosticInfo.Create(InvalidRbacRule, location, resourceError.Message, resourceError.Example));
            }
            else if (!rule.ClusterWide.Value && RbacCatalog.IsClusterScoped(rule.ApiGroup.Value, rule.Resource.Value!))
            {
                diagnostics.Add(DiagnosticInfo.Create(ClusterScopedInRole, rule.Resource.Location, rule.Resource.Value!));
            }

            foreach (var objectName in rule.ResourceNames.Value)
            {
                if (string.IsNullOrEmpty(objectName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidRbacRule, rule.ResourceNames.Location, "a resource name is empty", "ResourceNames = new[] { \"shop-settings\" }"));
                }
            }

            if (!rule.ResourceNames.Value.IsEmpty)
            {
                CheckVerbsByName(rule, diagnostics);
            }
        }
    }

    /// <summary>
    /// KSG1201: a create names an object that does not exist yet and a deletecollection none, so the API server never
    /// grants them by name; a list or watch only when the request selects one name (<c>fieldSelector=metadata.name=…</c>).
    /// </summary>
    private static void CheckVerbsByName(RbacRuleModel rule, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var verb in rule.Verbs.Value)
        {
            var (why, fix) = verb switch
            {
                "create" => ("the name of an object being created is not known when the request is authorized, so the rule never allows it", "Declare create in an [Rbac] without ResourceNames."),
                "deletecollection" => ("a delete of a collection names no object, so the rule never allows it", "Declare deletecollection in an [Rbac] without ResourceNames, or delete the objects one by one."),
                "list" or "watch" => ("it is allowed only for a request that selects one of the names (fieldSelector=metadata.name=<name>); a list or watch of them all (an informer's) is forbidden", "Use get, or select the object by name in the request, or declare " + verb + " in an [Rbac] without ResourceNames."),
                _ => (null, null),
            };
            if (why is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(VerbNotLimitedByName, rule.Verbs.Location, verb, rule.Resource.Value ?? string.Empty, why, fix!));
            }
        }
    }

    /// <summary>A ClusterRoleBinding's ServiceAccount subject needs a namespace: the workload's or the project's.</summary>
    public static void CheckWithOptions(WorkloadModel model, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if ((model.Namespace.Value ?? options.DefaultNamespace) is not null || Of(model) is not { } rbac)
        {
            return;
        }

        foreach (var rule in rbac.Rules)
        {
            if (rule.ClusterWide.Value)
            {
                diagnostics.Add(DiagnosticInfo.Create(ClusterWideWithoutNamespace, rule.ClusterWide.Location, model.Name.Value));
                return;
            }
        }
    }

    private static void AddObjects(ManifestContext context)
    {
        if (Of(context.Model) is not { } rbac)
        {
            return;
        }

        var account = rbac.AccountName(context.Model);
        context.NewObject(Contract.Kinds.ServiceAccount, account).Add("automountServiceAccountToken", rbac.Automount);
        AddRole(context, rbac, account, clusterWide: false);
        AddRole(context, rbac, account, clusterWide: true);
    }

    private static void AddRole(ManifestContext context, RbacModel rbac, string account, bool clusterWide)
    {
        YamlSequence? rules = null;
        var name = clusterWide ? ClusterRoleName(context.Namespace!, context.Name) : context.Name;
        foreach (var rule in rbac.Rules)
        {
            if (rule.ClusterWide.Value != clusterWide)
            {
                continue;
            }

            if (rules is null)
            {
                var role = clusterWide ? context.NewObjectIn(null, Contract.Kinds.ClusterRole, name) : context.NewObject(Contract.Kinds.Role, name);
                rules = role.Sequence("rules");
            }

            var item = rules.AddMap();
            item.Sequence("apiGroups").Add(rule.ApiGroup.Value);
            item.Sequence("resources").Add(rule.Resource.Value!);
            if (!rule.ResourceNames.Value.IsEmpty)
            {
                var names = item.Sequence("resourceNames");
                foreach (var objectName in rule.ResourceNames.Value)
                {
                    names.Add(objectName);
                }
            }

            var verbs = item.Sequence("verbs");
            foreach (var verb in rule.Verbs.Value)
            {
                verbs.Add(verb);
            }
        }

        if (rules is null)
        {
            return;
        }

        var binding = clusterWide ? context.NewObjectIn(null, Contract.Kinds.ClusterRoleBinding, name) : context.NewObject(Contract.Kinds.RoleBinding, name);
        binding.Map("roleRef").Add("apiGroup", "rbac.authorization.k8s.io").Add("kind", clusterWide ? "ClusterRole" : "Role").Add("name", name);
        var subject = binding.Sequence("subjects").AddMap().Add("kind", "ServiceAccount").Add("name", account);
        if (context.Namespace is { } ns)
        {
            // A RoleBinding's subject without one means the binding's namespace; a ClusterRoleBinding's must have one.
            subject.Add("namespace", ns);
        }
    }

    private static void SetPodAccount(ManifestContext context)
    {
        if (Of(context.Model) is { } rbac)
        {
            context.PodSpec.Add("serviceAccountName", rbac.AccountName(context.Model));
        }
    }
}
