using k8s.Models;
using Microsoft.CodeAnalysis;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>[ServiceAccount] and [Rbac]: the account, its Role/ClusterRole and bindings, the token only where the API is used, and each rule located.</summary>
public class RbacTests
{
    [Fact]
    public void Rules_become_a_role_and_cluster_role_bound_to_the_workloads_own_account_which_alone_gets_a_token()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;

            [Deployment(Namespace = "shop")]
            [Rbac("configmaps", "get", "update", ResourceNames = new[] { "shop-settings" })]
            [Rbac("leases", "get", "create", "update", ApiGroup = "coordination.k8s.io")]
            [Rbac("nodes", "get", "list", ClusterWide = true)]
            [Rbac("orders", "*", ApiGroup = "shop.example.com")]
            public sealed class OrdersOperator { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        Snapshot.Match(yaml, "rbac");
        var objects = KubernetesParsing.LoadStrict(yaml);
        Assert.Equal(["Deployment", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding"], objects.Select(o => ((dynamic)o).Kind as string));
        var pod = Assert.IsType<V1Deployment>(objects[0]).Spec.Template.Spec;
        Assert.Equal("orders-operator", pod.ServiceAccountName);
        Assert.True(pod.AutomountServiceAccountToken);
        var role = Assert.Single(objects.OfType<V1Role>());
        Assert.Equal(("orders-operator", "shop"), (role.Metadata.Name, role.Metadata.NamespaceProperty));
        Assert.Equal(["|configmaps|shop-settings|get,update", "coordination.k8s.io|leases||get,create,update", "shop.example.com|orders||*"],
            role.Rules.Select(r => $"{string.Join(",", r.ApiGroups)}|{string.Join(",", r.Resources)}|{string.Join(",", r.ResourceNames ?? [])}|{string.Join(",", r.Verbs)}"));
        var binding = Assert.Single(objects.OfType<V1RoleBinding>());
        Assert.Equal(("Role", "orders-operator"), (binding.RoleRef.Kind, binding.RoleRef.Name));
        Assert.Equal(("ServiceAccount", "orders-operator", "shop"), (binding.Subjects[0].Kind, binding.Subjects[0].Name, binding.Subjects[0].NamespaceProperty));
        var clusterRole = Assert.Single(objects.OfType<V1ClusterRole>());
        Assert.Equal("shop-orders-operator", clusterRole.Metadata.Name);
        Assert.Null(clusterRole.Metadata.NamespaceProperty);
        Assert.Equal(["nodes"], Assert.Single(clusterRole.Rules).Resources);
        var clusterBinding = Assert.Single(objects.OfType<V1ClusterRoleBinding>());
        Assert.Equal(("ClusterRole", "shop-orders-operator", "shop"), (clusterBinding.RoleRef.Kind, clusterBinding.RoleRef.Name, clusterBinding.Subjects[0].NamespaceProperty));
    }

    [Fact]
    public void An_account_without_rules_is_an_identity_without_a_token_unless_asked()
    {
        var plain = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(GeneratorHarness.Run(
            "using K8sGen;\n[Deployment] [ServiceAccount(Name = \"orders-identity\")] public sealed class OrdersService { }", TestProperties.Default).AssertClean().SingleManifest())[0]);
        var asked = KubernetesParsing.LoadStrict(GeneratorHarness.Run(
            "using K8sGen;\n[Deployment] [ServiceAccount(AutomountToken = true)] public sealed class OrdersService { }", TestProperties.Default).AssertClean().SingleManifest());

        Assert.Equal(("orders-identity", false), (plain.Spec.Template.Spec.ServiceAccountName, plain.Spec.Template.Spec.AutomountServiceAccountToken));
        Assert.Equal(("orders", true), (Assert.IsType<V1Deployment>(asked[0]).Spec.Template.Spec.ServiceAccountName, asked[0] is V1Deployment d && d.Spec.Template.Spec.AutomountServiceAccountToken == true));
        Assert.True(Assert.Single(asked.OfType<V1ServiceAccount>()).AutomountServiceAccountToken);
        Assert.DoesNotContain(asked, o => o is V1Role or V1RoleBinding);
    }

    [Fact]
    public void Without_a_namespace_the_role_binding_subject_is_the_bindings_own_namespace()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Deployment] [Rbac(\"pods\", \"list\")] public sealed class OrdersService { }", TestProperties.Default).AssertClean().SingleManifest();

        var binding = Assert.Single(KubernetesParsing.LoadStrict(yaml).OfType<V1RoleBinding>());
        Assert.Null(binding.Subjects[0].NamespaceProperty);
    }

    [Theory]
    [InlineData("create", "the name of an object being created is not known when the request is authorized, so the rule never allows it. Declare create in an [Rbac] without ResourceNames.")]
    [InlineData("deletecollection", "a delete of a collection names no object, so the rule never allows it. Declare deletecollection in an [Rbac] without ResourceNames, or delete the objects one by one.")]
    [InlineData("watch", "it is allowed only for a request that selects one of the names (fieldSelector=metadata.name=<name>); a list or watch of them all (an informer's) is forbidden. Use get, or select the object by name in the request, or declare watch in an [Rbac] without ResourceNames.")]
    [InlineData("list", "it is allowed only for a request that selects one of the names (fieldSelector=metadata.name=<name>); a list or watch of them all (an informer's) is forbidden. Use get, or select the object by name in the request, or declare list in an [Rbac] without ResourceNames.")]
    public void A_verb_resource_names_cannot_limit_is_a_warning_at_the_verbs_and_the_rule_is_still_written(string verb, string why)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n[Deployment] [Rbac(\"configmaps\", [|\"get\", \"" + verb + "\"|], ResourceNames = new[] { \"shop-leader\" })] public sealed class Leader { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        var warning = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal(("KSG1201", DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.Equal(expected, warning.Location.GetLineSpan().StartLinePosition);
        Assert.Equal($"ResourceNames limit '{verb}' of [Rbac(\"configmaps\")], which Kubernetes cannot authorize by name: {why}", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var role = Assert.Single(KubernetesParsing.LoadStrict(run.Manifest("Leader")!).OfType<V1Role>());
        Assert.Equal(["get", verb], role.Rules[0].Verbs);
    }

    [Fact]
    public void Get_update_patch_and_delete_are_limited_by_resource_names_without_a_warning()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment] [Rbac("configmaps", "get", "update", "patch", "delete", ResourceNames = new[] { "shop-leader" })] [Rbac("configmaps", "create", "list", "watch")]
            public sealed class Leader { }
            """, TestProperties.Default);

        run.AssertClean();
    }

    [Theory]
    [InlineData("""[Rbac("pods", [|"read"|])]""", "KSG1196", "[Rbac] is invalid: 'read' is not a verb Kubernetes authorizes (get, list, watch, create, update, patch, delete, deletecollection or '*')")]
    [InlineData("""[[|Rbac("pods")|]]""", "KSG1196", "[Rbac] is invalid: it allows no verb")]
    [InlineData("""[Rbac([|"deployments"|], "get")]""", "KSG1196", "[Rbac] is invalid: 'deployments' is not in the core API group: it is in 'apps'")]
    [InlineData("""[Rbac("pods", "get", ApiGroup = [|"apps"|])]""", "KSG1196", "[Rbac] is invalid: 'pods' is not in API group 'apps': it is in the core group (ApiGroup = \"\")")]
    [InlineData("""[Rbac([|"pod"|], "get")]""", "KSG1196", "[Rbac] is invalid: the core API group has no resource 'pod'; did you mean 'pods' (resources are plural)?")]
    [InlineData("""[Rbac("orders", "get", ApiGroup = [|"Shop_Example"|])]""", "KSG1196", "[Rbac] is invalid: API group 'Shop_Example' is invalid")]
    [InlineData("""[Rbac([|"Orders"|], "get", ApiGroup = "shop.example.com")]""", "KSG1196", "[Rbac] is invalid: 'Orders' is not a resource name")]
    [InlineData("""[Rbac([|"nodes"|], "get")]""", "KSG1197", "'nodes' has no namespace, so a Role in the workload's namespace can never grant it. Set ClusterWide = true")]
    [InlineData("""[ServiceAccount(Name = [|"Orders_SA"|])]""", "KSG1022", "ServiceAccount 'Orders_SA' is invalid")]
    [InlineData("""[Rbac("nodes", "get", ClusterWide = [|true|])]""", "KSG1198", "ClusterWide = true binds a ClusterRole to the ServiceAccount of 'orders'")]
    public void Invalid_rules_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n[Deployment] " + attributes + " public sealed class OrdersService { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertOnlyError(expected, id, message);
    }
}
