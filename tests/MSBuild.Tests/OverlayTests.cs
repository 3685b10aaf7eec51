using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>[Environment] overlays: kubectl kustomize renders each, and it differs from the base exactly as declared.</summary>
public sealed class OverlayTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    [Fact]
    public void Production_differs_from_base_exactly_as_declared()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment(Replicas = 2)]
            [Port(8080)]
            [Route("/orders", Host = "api.staging.example", TlsSecret = "api-tls")]
            [Route("/admin")]
            [HttpRoute("/orders", Gateway = "shop", Hostname = "api.staging.example")]
            [Environment("production", Replicas = 5, Namespace = "shop-prod", Host = "api.shop.example", ImageTag = "2.0.0")]
            [Environment("staging", Namespace = "shop-staging")]
            public class OrdersService { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, "registry.example/shop/orders:1.0.0"));

        Assert.Empty(outcome.Errors);
        var expected = Render(folder);
        foreach (var item in expected)
        {
            item["metadata"]!["namespace"] = "shop-prod";
            switch (item["kind"]!.GetValue<string>())
            {
                case "Deployment":
                    item["spec"]!["replicas"] = 5;
                    item["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "registry.example/shop/orders:2.0.0";
                    AddEnvironmentName(item, "Production");
                    break;
                case "Ingress":
                    foreach (var rule in item["spec"]!["rules"]!.AsArray())
                    {
                        rule!["host"] = "api.shop.example";
                    }

                    item["spec"]!["tls"]![0]!["hosts"] = new JsonArray("api.shop.example");
                    break;
                case "HTTPRoute":
                    item["spec"]!["hostnames"] = new JsonArray("api.shop.example");
                    break;
            }
        }

        var production = Render(Path.Combine(folder, "overlays/production"));
        Assert.Equal(expected.Count, production.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(expected[i], production[i]), $"expected\n{expected[i]}\nrendered\n{production[i]}");
        }
        Assert.All(Render(Path.Combine(folder, "overlays/staging")), o => Assert.Equal("shop-staging", o["metadata"]!["namespace"]!.GetValue<string>()));
    }

    [Fact]
    public void An_environment_without_settings_still_gets_an_overlay_that_renders_the_base()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment] [Port(8080)] [Environment("staging")] [Environment("production", Replicas = 3)] public class OrdersService { }
            [Deployment] [Environment("qa")] public class Worker { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));

        Assert.Empty(outcome.Errors);
        Assert.Equal(
            ["production", "qa", "staging"],
            Directory.GetDirectories(Path.Combine(folder, "overlays")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var (environment, hostName) in new[] { ("staging", "Staging"), ("qa", "Qa") })
        {
            // The base, with only the environment's name for the app (for staging: OrdersService; its container has an env list already).
            var expected = Render(Path.Combine(folder, "base"));
            foreach (var deployment in expected.Where(o => o["kind"]!.GetValue<string>() == "Deployment" && Declares(o, environment)))
            {
                AddEnvironmentName(deployment, hostName);
            }

            var rendered = Render(Path.Combine(folder, "overlays", environment));
            Assert.Equal(expected.Count, rendered.Count);
            Assert.All(expected.Zip(rendered), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"expected\n{pair.First}\nrendered\n{pair.Second}"));
        }

        Assert.StartsWith("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\npatches:\n- target:\n    kind: Deployment\n    name: orders\n", File.ReadAllText(Path.Combine(folder, "overlays/staging/kustomization.yaml")));
    }

    [Fact]
    public void The_app_gets_the_environments_name_unless_the_code_sets_it_or_runs_another_image()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [CronJob("0 3 * * *")] [Environment("production")] public class Nightly { }
            [Job] [Env("DOTNET_ENVIRONMENT", "Batch")] [Environment("production")] public class Migrate { }
            [Deployment(Image = "nginx:1.27.3")] [Environment("production")] public class Proxy { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        Assert.Empty(ManifestPipeline.Run(new ManifestRequest(assembly, folder, null)).Errors);

        var production = Render(Path.Combine(folder, "overlays/production"));
        var nightly = production.Single(o => o["kind"]!.GetValue<string>() == "CronJob")["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["ASPNETCORE_ENVIRONMENT=Production", "DOTNET_ENVIRONMENT=Production"], nightly.Select(e => e!["name"] + "=" + e["value"]));
        var migrate = production.Single(o => o["kind"]!.GetValue<string>() == "Job")["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray();
        Assert.Equal(["DOTNET_ENVIRONMENT=Batch"], migrate.Select(e => e!["name"] + "=" + e["value"]));
        Assert.Null(production.Single(o => o["kind"]!.GetValue<string>() == "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
    }

    /// <summary>Whether the test's workload <paramref name="deployment"/> declares <paramref name="environment"/> (OrdersService: staging and production; Worker: qa).</summary>
    private static bool Declares(JsonNode deployment, string environment) =>
        deployment["metadata"]!["name"]!.GetValue<string>() == (environment == "qa" ? "worker" : "orders");

    /// <summary>What an environment's overlay adds to the app's container: the name its .NET host reads.</summary>
    private static void AddEnvironmentName(JsonNode workload, string name)
    {
        var container = workload["spec"]!["template"]!["spec"]!["containers"]![0]!;
        if (container["env"] is not JsonArray env)
        {
            container["env"] = env = [];
        }

        env.Add(new JsonObject { ["name"] = "ASPNETCORE_ENVIRONMENT", ["value"] = name });
        env.Add(new JsonObject { ["name"] = "DOTNET_ENVIRONMENT", ["value"] = name });
    }

    [Theory]
    [InlineData("other")]
    [InlineData("shop")] // written out though it is the workload's own: it stays when the workload moves
    public void A_dependency_in_a_namespace_of_its_own_admits_the_workload_from_wherever_the_environment_puts_it(string dependencyNamespace)
    {
        var assembly = TestAssemblies.Build(_directory, $$"""
            [Deployment(Namespace = "shop")] [NetworkPolicy] [DependsOn("ext", Namespace = "{{dependencyNamespace}}")]
            [Environment("production", Namespace = "shop-prod")] [Environment("staging")]
            public class W { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));

        Assert.Empty(outcome.Errors);
        foreach (var (overlay, workloadNamespace) in new[] { ("base", "shop"), ("overlays/staging", "shop"), ("overlays/production", "shop-prod") })
        {
            var policies = Render(Path.Combine(folder, overlay)).Where(o => o["kind"]!.GetValue<string>() == "NetworkPolicy").ToDictionary(o => o["metadata"]!["name"]!.GetValue<string>());

            // The dependency's side stays in its namespace and admits the workload's pods from the workload's namespace.
            var admission = policies["ext-from-w"];
            Assert.Equal(dependencyNamespace, admission["metadata"]!["namespace"]!.GetValue<string>());
            var from = admission["spec"]!["ingress"]![0]!["from"]![0]!;
            Assert.Equal(workloadNamespace, from["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
            Assert.Equal("w", from["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]!.GetValue<string>());

            // The workload's own policy moves with it and lets it out to the dependency's namespace.
            var own = policies["w"];
            Assert.Equal(workloadNamespace, own["metadata"]!["namespace"]!.GetValue<string>());
            var to = own["spec"]!["egress"]!.AsArray().Select(rule => rule!["to"]![0]!).Single(peer => peer["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]?.GetValue<string>() == "ext");
            Assert.Equal(dependencyNamespace, to["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Each_environment_gets_its_own_cluster_role_bound_to_its_own_account()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment(Namespace = "shop")] [Rbac("nodes", "get", ClusterWide = true)] [Rbac("pods", "list")]
            [Environment("production", Namespace = "shop-prod")] [Environment("staging", Namespace = "shop-staging")] [Environment("dev")]
            public class Operator { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));

        Assert.Empty(outcome.Errors);
        var names = new List<string>();
        foreach (var (overlay, ns) in new[] { ("base", "shop"), ("overlays/dev", "shop"), ("overlays/staging", "shop-staging"), ("overlays/production", "shop-prod") })
        {
            var objects = Render(Path.Combine(folder, overlay));
            var role = objects.Single(o => o["kind"]!.GetValue<string>() == "ClusterRole");
            var binding = objects.Single(o => o["kind"]!.GetValue<string>() == "ClusterRoleBinding");
            Assert.Equal(ns + "-operator", role["metadata"]!["name"]!.GetValue<string>());
            Assert.Equal(ns + "-operator", binding["metadata"]!["name"]!.GetValue<string>());
            Assert.Equal(ns + "-operator", binding["roleRef"]!["name"]!.GetValue<string>());
            Assert.Equal(ns, binding["subjects"]![0]!["namespace"]!.GetValue<string>()); // kustomize moves the subject itself
            Assert.Equal("nodes", role["rules"]![0]!["resources"]![0]!.GetValue<string>());
            var roleBinding = objects.Single(o => o["kind"]!.GetValue<string>() == "RoleBinding");
            Assert.Equal(ns, roleBinding["metadata"]!["namespace"]!.GetValue<string>());
            names.Add(role["metadata"]!["name"]!.GetValue<string>());
        }

        Assert.Equal(3, names.Distinct().Count()); // dev shares the base's namespace, and so its name
    }

    [Fact]
    public void A_dependency_found_by_type_moves_with_the_project_and_keeps_admitting_the_workload()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment(Namespace = "users-ns")] [Port(8080)] [NetworkPolicy] [Environment("production", Namespace = "shop-prod")] public class UsersService { }
            [Deployment(Namespace = "shop")] [NetworkPolicy] [DependsOn("cache")] [DependsOn(typeof(UsersService))] [Environment("production", Namespace = "shop-prod")] public class WebService { }
            """);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));

        Assert.Empty(outcome.Errors);
        foreach (var (overlay, usersNamespace, webNamespace) in new[] { ("base", "users-ns", "shop"), ("overlays/production", "shop-prod", "shop-prod") })
        {
            var policies = Render(Path.Combine(folder, overlay)).Where(o => o["kind"]!.GetValue<string>() == "NetworkPolicy").ToDictionary(o => o["metadata"]!["name"]!.GetValue<string>());
            var admission = policies["users-from-web"];
            Assert.Equal(usersNamespace, admission["metadata"]!["namespace"]!.GetValue<string>());
            Assert.Equal(webNamespace, admission["spec"]!["ingress"]![0]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
            var egress = policies["web"]["spec"]!["egress"]!.AsArray();
            Assert.Equal(usersNamespace, egress[2]!["to"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
            Assert.Null(egress[1]!["to"]![0]!["namespaceSelector"]); // cache: in web's namespace, wherever that is
            Assert.Equal(webNamespace, policies["cache-from-web"]["metadata"]!["namespace"]!.GetValue<string>());
        }
    }

    [Fact]
    public void A_dependency_found_by_type_in_another_project_keeps_its_namespace_in_every_environment()
    {
        var users = TestAssemblies.Build(Directory.CreateDirectory(Path.Combine(_directory, "users")).FullName, """
            namespace Shop.Users { [Deployment(Namespace = "users-ns")] [Port(8080)] public class UsersService { } }
            """, name: "Shop.Users", withGenerator: false);
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment(Namespace = "shop")] [NetworkPolicy] [DependsOn(typeof(Shop.Users.UsersService))] [Environment("production", Namespace = "shop-prod")] public class WebService { }
            """, references: users);
        var folder = Path.Combine(_directory, "k8s");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));

        Assert.Empty(outcome.Errors);
        foreach (var (overlay, webNamespace) in new[] { ("base", "shop"), ("overlays/production", "shop-prod") })
        {
            var policies = Render(Path.Combine(folder, overlay)).Where(o => o["kind"]!.GetValue<string>() == "NetworkPolicy").ToDictionary(o => o["metadata"]!["name"]!.GetValue<string>());
            var admission = policies["users-from-web"];
            Assert.Equal("users-ns", admission["metadata"]!["namespace"]!.GetValue<string>());
            Assert.Equal(webNamespace, admission["spec"]!["ingress"]![0]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
            Assert.Equal("users-ns", policies["web"]["spec"]!["egress"]![1]!["to"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Workloads_of_one_project_must_agree_on_an_environment_namespace()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment] [Environment("production", Namespace = "a")] public class One { }
            [Deployment] [Environment("production", Namespace = "b")] public class Two { }
            """);

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, Path.Combine(_directory, "k8s"), null));

        Assert.Equal("KSG2014: environment 'production': the workloads of this project set different namespace values (one: 'a', two: 'b'); one overlay can have only one. Make them agree.", Assert.Single(outcome.Errors).ToString());
    }

    [Fact]
    public void An_environment_removed_from_the_code_loses_its_overlay()
    {
        var withEnvironment = TestAssemblies.Build(_directory, "[Deployment] [Environment(\"staging\", Namespace = \"s\")] public class OrdersService { }");
        var folder = Path.Combine(_directory, "k8s");
        ManifestPipeline.Run(new ManifestRequest(withEnvironment, folder, null));
        Assert.True(File.Exists(Path.Combine(folder, "overlays/staging/kustomization.yaml")));

        var without = TestAssemblies.Build(Directory.CreateDirectory(Path.Combine(_directory, "v2")).FullName, "[Deployment] public class OrdersService { }");
        ManifestPipeline.Run(new ManifestRequest(without, folder, null));

        Assert.False(Directory.Exists(Path.Combine(folder, "overlays")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>kubectl kustomize, each document as JSON, in a stable order.</summary>
    private static List<JsonNode> Render(string folder)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return [.. KubernetesYaml.LoadAllFromString(output, new Dictionary<string, Type>(ManifestValidator.CustomTypes))
            .Select(o => JsonNode.Parse(KubernetesJson.Serialize(o))!)
            .OrderBy(o => o["kind"]!.GetValue<string>(), StringComparer.Ordinal)
            .ThenBy(o => o["metadata"]!["name"]!.GetValue<string>(), StringComparer.Ordinal)];
    }
}
