using System.Text.Json;
using System.Text.RegularExpressions;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// A service on a port other than the base image's 8080, published as a user would and run under podman
/// from its own manifests: it answers on the declared port at its route and at both probe paths.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ListenPortContainerTests(PackageFeed feed)
{
    private const int HostPort = 18090;

    [Fact]
    public async Task A_service_on_port_5000_answers_at_its_route_and_probes_from_the_manifests()
    {
        var project = feed.WriteProject(feed.NewDirectory("port5000"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            var app = WebApplication.Create(args);
            app.MapGet("/v1/orders", () => "orders on 5000");
            app.MapGet("/live", () => "live");
            app.MapGet("/ready", () => "ready");
            app.Run();
            """);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment] [Port(5000)] [Route("/v1/orders")] [Liveness("/live")] [Readiness("/ready")]
            public sealed class OrdersService { }
            """);

        var (exitCode, output) = Dotnet.Run(
            project, "publish", "-c", "Release", $"-p:ContainerRegistry={ContainerEnvironment.Registry}", "-p:ContainerRepository=e2e/orders",
            $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}", "-p:K8sGenPinDigest=true");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("warning KSG1", output); // the port checks (the policy's KSG3xxx are not this test's concern)

        var k8s = Path.Combine(project, "bin/Release/net10.0/publish/k8s");
        var yaml = File.ReadAllText(Path.Combine(k8s, "orders.yaml"));
        Assert.Contains("- name: ASPNETCORE_HTTP_PORTS\n          value: \"5000\"\n", yaml);
        var image = Regex.Match(yaml, "image: \"?([^\"\\n]+)").Groups[1].Value;

        // The image alone listens there too: its own ASPNETCORE_HTTP_PORTS replaces the base image's 8080.
        using (var config = JsonDocument.Parse(Tool.Succeed("skopeo", "inspect", "--config", "--tls-verify=false", "docker://" + image)))
        {
            var settings = config.RootElement.GetProperty("config");
            Assert.True(settings.GetProperty("ExposedPorts").TryGetProperty("5000/tcp", out _));
            Assert.Contains("ASPNETCORE_HTTP_PORTS=5000", settings.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        }

        // Test only: one replica, the declared port published on 127.0.0.1 (podman would otherwise use 0.0.0.0).
        var scratch = Dotnet.ScratchDirectory("port5000-run");
        File.WriteAllText(Path.Combine(scratch, "kustomization.yaml"), $"""
            resources:
            - {Path.GetRelativePath(scratch, k8s)}
            patches:
            - target:
                kind: Deployment
                name: orders
              patch: |-
                - op: add
                  path: /spec/template/spec/containers/0/ports/0/hostPort
                  value: {HostPort}
                - op: add
                  path: /spec/template/spec/containers/0/ports/0/hostIP
                  value: 127.0.0.1
            """);
        var rendered = Path.Combine(scratch, "orders.yaml");
        var deployment = Kubectl.Kustomize(scratch).Split("\n---\n").Single(document => document.Contains("\nkind: Deployment\n"));
        Assert.Contains("containerPort: 5000", deployment);
        File.WriteAllText(rendered, deployment);

        try
        {
            Tool.Succeed("podman", "kube", "play", "--tls-verify=false", rendered);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Equal("orders on 5000", await Get(http, "/v1/orders"));
            Assert.Equal("live", await Get(http, "/live"));
            Assert.Equal("ready", await Get(http, "/ready"));
        }
        finally
        {
            Tool.Run("podman", "kube", "down", rendered);
            Tool.Run("podman", "rmi", "--force", image);
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static Task<string> Get(HttpClient http, string path) => Http.GetWhenUp(http, $"http://127.0.0.1:{HostPort}{path}", seconds: 10);
}
