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
        var expected = Render(Path.Combine(folder, "base"));
        foreach (var environment in new[] { "staging", "qa" })
        {
            var rendered = Render(Path.Combine(folder, "overlays", environment));
            Assert.Equal(expected.Count, rendered.Count);
            Assert.All(expected.Zip(rendered), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second)));
        }

        Assert.Equal("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\n", File.ReadAllText(Path.Combine(folder, "overlays/staging/kustomization.yaml")));
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
