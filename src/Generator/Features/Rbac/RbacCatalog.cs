using System;
using System.Collections.Generic;
using System.Linq;

namespace K8sGen.Generator.Features;

/// <summary>
/// The verbs the API server authorizes and the built-in resources of each API group, with their scope (Kubernetes
/// 1.32's discovery documents). A group not listed here is taken for a custom resource's: any plural name is accepted.
/// </summary>
internal static class RbacCatalog
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal)
    {
        "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "*",
        "use", "bind", "escalate", "impersonate", "approve", "sign",
    };

    public const string VerbList = "get, list, watch, create, update, patch, delete, deletecollection or '*'";

    // Resource → cluster-scoped, per group ("" is core).
    private static readonly Dictionary<string, Dictionary<string, bool>> Groups = new(StringComparer.Ordinal)
    {
        [""] = Scope(
            "pods pods/log pods/exec pods/attach pods/portforward pods/proxy pods/status pods/eviction pods/ephemeralcontainers services services/proxy services/status endpoints configmaps secrets events persistentvolumeclaims persistentvolumeclaims/status serviceaccounts serviceaccounts/token replicationcontrollers replicationcontrollers/scale resourcequotas limitranges podtemplates bindings",
            "nodes nodes/status nodes/proxy namespaces namespaces/status namespaces/finalize persistentvolumes persistentvolumes/status componentstatuses users groups"),
        ["apps"] = Scope("deployments deployments/scale deployments/status statefulsets statefulsets/scale statefulsets/status daemonsets daemonsets/status replicasets replicasets/scale replicasets/status controllerrevisions", ""),
        ["batch"] = Scope("jobs jobs/status cronjobs cronjobs/status", ""),
        ["autoscaling"] = Scope("horizontalpodautoscalers horizontalpodautoscalers/status", ""),
        ["policy"] = Scope("poddisruptionbudgets poddisruptionbudgets/status", ""),
        ["networking.k8s.io"] = Scope("ingresses ingresses/status networkpolicies", "ingressclasses ipaddresses servicecidrs"),
        ["coordination.k8s.io"] = Scope("leases", ""),
        ["discovery.k8s.io"] = Scope("endpointslices", ""),
        ["events.k8s.io"] = Scope("events", ""),
        ["rbac.authorization.k8s.io"] = Scope("roles rolebindings", "clusterroles clusterrolebindings"),
        ["storage.k8s.io"] = Scope("csistoragecapacities", "storageclasses csidrivers csinodes volumeattachments volumeattachments/status"),
        ["apiextensions.k8s.io"] = Scope("", "customresourcedefinitions customresourcedefinitions/status"),
        ["admissionregistration.k8s.io"] = Scope("", "validatingwebhookconfigurations mutatingwebhookconfigurations validatingadmissionpolicies validatingadmissionpolicybindings"),
        ["certificates.k8s.io"] = Scope("", "certificatesigningrequests certificatesigningrequests/approval certificatesigningrequests/status signers"),
        ["scheduling.k8s.io"] = Scope("", "priorityclasses"),
        ["authorization.k8s.io"] = Scope("localsubjectaccessreviews", "subjectaccessreviews selfsubjectaccessreviews selfsubjectrulesreviews"),
        ["authentication.k8s.io"] = Scope("", "tokenreviews selfsubjectreviews uids userextras/scopes"),
        ["metrics.k8s.io"] = Scope("pods", "nodes"),
        ["node.k8s.io"] = Scope("", "runtimeclasses"),
        ["flowcontrol.apiserver.k8s.io"] = Scope("", "flowschemas prioritylevelconfigurations"),
    };

    public static bool IsVerb(string? verb) => verb is not null && Verbs.Contains(verb);

    /// <summary>Whether the resource has no namespace (so only a ClusterRole can grant it).</summary>
    public static bool IsClusterScoped(string group, string resource) =>
        Groups.TryGetValue(group, out var resources) && resources.TryGetValue(resource, out var cluster) && cluster;

    /// <summary>Null when Kubernetes has the resource in that group (or the group is a custom one); else why not, with an example.</summary>
    public static (string Message, string Example, bool AtGroup)? ResourceError(string group, string? resource)
    {
        if (string.IsNullOrEmpty(resource))
        {
            return ("the resource is empty", "[Rbac(\"pods\", \"get\")]", false);
        }

        if (resource == "*")
        {
            return null;
        }

        if (!Groups.TryGetValue(group, out var resources))
        {
            if (KubernetesFormats.Dns1123Subdomain(group) is { } groupError)
            {
                return ($"API group '{group}' is invalid: {groupError}", "ApiGroup = \"shop.example.com\"", true);
            }

            return IsPluralName(resource!) ? null : ($"'{resource}' is not a resource name (lowercase plural, e.g. 'orders' or 'orders/status')", "[Rbac(\"orders\", \"get\", ApiGroup = \"" + group + "\")]", false);
        }

        if (resources.ContainsKey(resource!))
        {
            return null;
        }

        var where = group.Length == 0 ? "the core API group" : $"API group '{group}'";
        foreach (var other in Groups)
        {
            if (other.Value.ContainsKey(resource!))
            {
                var otherGroup = other.Key.Length == 0 ? "the core group (ApiGroup = \"\")" : $"'{other.Key}'";
                return ($"'{resource}' is not in {where}: it is in {otherGroup}", $"[Rbac(\"{resource}\", \"get\", ApiGroup = \"{other.Key}\")]", group.Length > 0);
            }
        }

        var singular = resource + "s";
        var hint = resources.ContainsKey(singular) ? $"; did you mean '{singular}' (resources are plural)?" : string.Empty;
        return ($"{where} has no resource '{resource}'{hint}", "[Rbac(\"" + (hint.Length > 0 ? singular : resources.Keys.First()) + "\", \"get\"" + (group.Length > 0 ? ", ApiGroup = \"" + group + "\"" : string.Empty) + ")]", false);
    }

    private static bool IsPluralName(string resource)
    {
        var parts = resource.Split('/');
        return parts.Length <= 2 && parts.All(p => p.Length > 0 && p.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.'));
    }

    private static Dictionary<string, bool> Scope(string namespaced, string cluster)
    {
        var resources = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in namespaced.Split([' '], StringSplitOptions.RemoveEmptyEntries))
        {
            resources[name] = false;
        }

        foreach (var name in cluster.Split([' '], StringSplitOptions.RemoveEmptyEntries))
        {
            resources[name] = true;
        }

        return resources;
    }
}
