using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// networking.k8s.io/v1 NetworkPolicies, when on (<c>K8sGenNetworkPolicy</c> or <c>[NetworkPolicy]</c>).
/// The workload's own policy denies all traffic but: in from the ingress controller's namespace when it
/// is routed and from the monitoring namespace when scraped; out to DNS and to its declared dependencies.
/// For each dependency, a policy in the dependency's namespace admits this workload's pods: policies add
/// up, so a dependency accepts exactly the workloads that declared it, whichever project they are in.
/// </summary>
internal static class AddNetworkPolicies
{
    /// <summary>The label Kubernetes puts on every namespace, its name: how a policy selects a namespace.</summary>
    public const string NamespaceLabel = "kubernetes.io/metadata.name";

    public static void Apply(ManifestContext context)
    {
        var model = context.Model;
        if (!(model.NetworkPolicy.Value ?? context.Options.NetworkPolicy))
        {
            return;
        }

        var spec = context.NewObject(Contract.Kinds.NetworkPolicy).Map("spec");
        spec.Map("podSelector").Add("matchLabels", context.SelectorLabels());
        spec.Sequence("policyTypes").Add("Ingress").Add("Egress");
        var ingress = context.NewSequence();
        if (!model.Routes.IsEmpty || !model.HttpRoutes.IsEmpty)
        {
            ingress.AddMap().Sequence("from").AddMap().Map("namespaceSelector").Map("matchLabels").Add(NamespaceLabel, context.Options.IngressNamespace);
        }

        if (model.Scrape is not null)
        {
            ingress.AddMap().Sequence("from").AddMap().Map("namespaceSelector").Map("matchLabels").Add(NamespaceLabel, context.Options.MonitoringNamespace);
        }

        if (model.Kind == WorkloadKind.StatefulSet)
        {
            // The members of a StatefulSet talk to each other (replication, quorum): that is what its headless Service is for.
            ingress.AddMap().Sequence("from").AddMap().Map("podSelector").Add("matchLabels", context.SelectorLabels());
        }

        if (ingress.Count > 0)
        {
            spec.Add("ingress", ingress);
        }

        var egress = spec.Sequence("egress");
        var dns = egress.AddMap();
        var dnsPeer = dns.Sequence("to").AddMap();
        dnsPeer.Map("namespaceSelector").Map("matchLabels").Add(NamespaceLabel, "kube-system");
        dnsPeer.Map("podSelector").Map("matchLabels").Add("k8s-app", "kube-dns");
        var ports = dns.Sequence("ports");
        ports.AddMap().Add("protocol", "UDP").Add("port", 53);
        ports.AddMap().Add("protocol", "TCP").Add("port", 53);

        foreach (var dependency in model.Dependencies)
        {
            egress.AddMap().Sequence("to").Add(Peer(context, dependency.Name.Value!, dependency.Namespace.Value, context.Namespace, dependency.KeepsItsNamespace));
            AddAdmission(context, dependency);
        }

        // After the dependencies, so theirs keep their places (environment overlays patch them by index, EgressIndex).
        if (model.Kind == WorkloadKind.StatefulSet)
        {
            egress.AddMap().Sequence("to").AddMap().Map("podSelector").Add("matchLabels", context.SelectorLabels());
        }

        if (RbacFeature.Of(model)?.Automount == true)
        {
            // The API server is no pod a selector can name: the service's port (443) and the usual endpoint port
            // (6443; policies apply after the Service's address is translated), to any address.
            var api = egress.AddMap().Sequence("ports");
            api.AddMap().Add("protocol", "TCP").Add("port", 443);
            api.AddMap().Add("protocol", "TCP").Add("port", 6443);
        }
    }

    /// <summary>Where a dependency's rule is in the workload's own policy: <c>spec.egress</c> holds DNS first, then one rule per dependency.</summary>
    public static int EgressIndex(int dependency) => 1 + dependency;

    /// <summary>The name of the policy in the dependency's namespace that admits <paramref name="workload"/>.</summary>
    public static string AdmissionName(DependencyModel dependency, string workload) => dependency.Name.Value + "-from-" + workload;

    /// <summary>The dependency's side: a policy selecting its pods that admits this workload's.</summary>
    private static void AddAdmission(ManifestContext context, DependencyModel dependency)
    {
        var dependencyNamespace = dependency.Namespace.Value ?? context.Namespace;
        var policy = context.NewObjectIn(dependencyNamespace, Contract.Kinds.NetworkPolicy, AdmissionName(dependency, context.Name));

        var spec = policy.Map("spec");
        spec.Map("podSelector").Map("matchLabels").Add(WellKnown.NameLabel, dependency.Name.Value!);
        spec.Sequence("policyTypes").Add("Ingress");
        spec.Sequence("ingress").AddMap().Sequence("from").Add(Peer(context, context.Name, context.Namespace, dependencyNamespace, dependency.KeepsItsNamespace));
    }

    /// <summary>
    /// Pods of <paramref name="name"/>; across namespaces, also selecting the namespace. A dependency that keeps
    /// its namespace (DependencyModel.KeepsItsNamespace) is selected by namespace even when it is the workload's
    /// own: an environment that moves the workload leaves that dependency where it is (EnvironmentOverlays).
    /// </summary>
    private static YamlMap Peer(ManifestContext context, string name, string? peerNamespace, string? ownNamespace, bool explicitNamespace)
    {
        var peer = context.NewMap();
        if (peerNamespace is not null && (explicitNamespace || peerNamespace != ownNamespace))
        {
            peer.Map("namespaceSelector").Map("matchLabels").Add(NamespaceLabel, peerNamespace);
        }

        peer.Map("podSelector").Map("matchLabels").Add(WellKnown.NameLabel, name);
        return peer;
    }
}
