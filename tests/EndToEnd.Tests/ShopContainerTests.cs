using System.Text.Json;
using System.Text.RegularExpressions;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// Issue 4's proof: the Shop, published as a user would, is a set of images in a real registry that the
/// manifests reference by digest, and those manifests run under podman and answer over HTTP.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ShopContainerTests
{
    private static readonly (string Project, string Name, int HostPort)[] Services =
    [
        ("Users.V1", "users-v1", 18081),
        ("Users.V2", "users-v2", 18082),
        ("Web", "web", 18083),
    ];

    private static string Shop => Path.Combine(Dotnet.RepositoryRoot, "samples", "Shop");

    /// <summary>The version MinVer gives the Shop from this repository's git tags (a pre-release without one).</summary>
    private static readonly Lazy<string> Version = new(() =>
    {
        var (exitCode, output) = Dotnet.Run(Shop, "msbuild", "Web", "-nologo", "-t:MinVer", "-getProperty:MinVerVersion");
        Assert.True(exitCode == 0, output);
        return output.Trim();
    });

    [Fact]
    public async Task Published_shop_images_are_the_ones_the_manifests_pin_and_they_run_from_the_manifests()
    {
        var scratch = Dotnet.ScratchDirectory("shop-run");
        var overlay = new List<string>();
        foreach (var (project, name, hostPort) in Services)
        {
            var (exitCode, output) = Dotnet.Run(
                Shop, "publish", project, "-c", "Release", "-nologo",
                $"-p:ContainerRegistry={ContainerEnvironment.Registry}", $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}",
                "-p:K8sGenPinDigest=true", "-getProperty:GeneratedContainerDigest");
            Assert.True(exitCode == 0, output);
            var digest = output.Trim();
            Assert.Matches("^sha256:[0-9a-f]{64}$", digest);

            // The Shop declares environments, so the manifests sit in base/ beside overlays/.
            var k8s = Path.Combine(Shop, project, "bin/Release/net10.0/publish/k8s");
            var image = Regex.Match(File.ReadAllText(Path.Combine(k8s, "base", name + ".yaml")), "image: \"?([^\"\\n]+)").Groups[1].Value;
            Assert.Equal($"{ContainerEnvironment.Registry}/shop/{name}@{digest}", image);
            using var inspected = JsonDocument.Parse(Tool.Succeed("skopeo", "inspect", "--tls-verify=false", "docker://" + image));
            Assert.Equal(digest, inspected.RootElement.GetProperty("Digest").GetString());

            // The image agrees with the manifests: the port of [Port], the pods' user, the workload's labels.
            using var config = JsonDocument.Parse(Tool.Succeed("skopeo", "inspect", "--config", "--tls-verify=false", "docker://" + image));
            var settings = config.RootElement.GetProperty("config");
            Assert.True(settings.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));
            Assert.Equal("1654", settings.GetProperty("User").GetString());
            Assert.Equal(name, settings.GetProperty("Labels").GetProperty("app.kubernetes.io/name").GetString());
            Assert.Equal("K8sGen", settings.GetProperty("Labels").GetProperty("app.kubernetes.io/managed-by").GetString());

            CopyDirectory(k8s, Path.Combine(scratch, name));
            overlay.Add(TestOnlyPatches(name, hostPort));
        }

        // The environments render too, and differ from the base as the attributes declare.
        Assert.Equal(0, Dotnet.Run(Shop, "publish", "Reports", "-c", "Release", "-nologo", $"-p:ContainerRegistry={ContainerEnvironment.Registry}", $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}").ExitCode);
        var production = Kubectl.Kustomize(Path.Combine(Shop, "overlays/production"));
        Assert.Equal(22, Regex.Count(production, "\n  namespace: shop-prod\n")); // every object of the four services, the disruption budgets and web's ConfigMap included
        Assert.DoesNotContain("staging", production);
        Assert.Contains("name: users-v1\n  namespace: shop-prod\nspec:\n  replicas: 5\n", production);
        Assert.Contains("- host: api.staging.shop.example", Kubectl.Kustomize(Path.Combine(Shop, "overlays/staging")));

        File.WriteAllText(Path.Combine(scratch, "kustomization.yaml"), $"""
            # Test only: production as it would run, but one replica, the HTTP port on 127.0.0.1 (podman would otherwise publish on 0.0.0.0).
            resources:
            {string.Concat(Services.Select(s => $"- {s.Name}/overlays/production\n"))}patches:
            {string.Concat(overlay)}
            """);
        var rendered = Path.Combine(scratch, "shop.yaml");
        // podman runs the pods: only the Deployments and the ConfigMaps they read go to it (it has no autoscaler, budget or monitor).
        var deployments = Kubectl.Kustomize(scratch).Split("\n---\n").Where(document => document.Contains("\nkind: Deployment\n") || document.Contains("\nkind: ConfigMap\n"));
        File.WriteAllText(rendered, string.Join("\n---\n", deployments));

        try
        {
            Tool.Succeed("podman", "kube", "play", "--tls-verify=false", rendered);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Contains("Ada", await Get(http, 18081, "/v1/users"));
            Assert.Contains("hello from users-v1", await Get(http, 18081, "/v1/users/about"));
            Assert.Contains("Ada Lovelace", await Get(http, 18082, "/v2/users"));
            Assert.Contains("hello from users-v2", await Get(http, 18082, "/v2/users/about"));
            var home = await Get(http, 18083, "/");
            Assert.Contains("Welcome to the shop", home);
            Assert.Contains("<p>Free delivery this week</p>", home); // from the web-settings ConfigMap, through envFrom

            // The production overlay tells each app its environment, as ASP.NET Core spells it (appsettings.Production.json).
            foreach (var (_, name, hostPort) in Services)
            {
                using var about = JsonDocument.Parse(await Get(http, hostPort, "/about"));
                Assert.Equal((name, "Production", Version.Value), (about.RootElement.GetProperty("service").GetString(), about.RootElement.GetProperty("environment").GetString(), about.RootElement.GetProperty("version").GetString()));
            }

            // The acceptance tests a pipeline runs after the deployment: every declared probe, route and scrape path.
            foreach (var (project, name, hostPort) in Services)
            {
                var (smokeExit, smoke) = Dotnet.Run(Shop, "build", project, "-c", "Release", "-nologo", "-t:K8sGenSmokeTest", $"-p:K8sGenSmokeUrl=http://127.0.0.1:{hostPort}");
                Assert.True(smokeExit == 0, smoke);
                Assert.Matches($"K8sGen smoke test: {name}: GET http://127.0.0.1:{hostPort}/ready \\(readiness probe\\) → 200", smoke);
                Assert.Matches("K8sGen smoke test: ([4-9]) of \\1 passed", smoke);
            }

            // And they fail loudly: web's checks against users-v1, which serves no "/".
            var (_, webSmoke) = Dotnet.Run(Shop, "build", "Web", "-c", "Release", "-nologo", "-t:K8sGenSmokeTest", "-p:K8sGenSmokeUrl=http://127.0.0.1:18083");
            Assert.Contains(string.Join("\n", Readme.Smoke.Select(line => line.Replace("127.0.0.1:8080", "127.0.0.1:18083", StringComparison.Ordinal))), string.Join("\n", webSmoke.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("K8sGen smoke test:", StringComparison.Ordinal))));
            var (wrongExit, wrong) = Dotnet.Run(Shop, "build", "Web", "-c", "Release", "-nologo", "-t:K8sGenSmokeTest", "-p:K8sGenSmokeUrl=http://127.0.0.1:18081");
            Assert.NotEqual(0, wrongExit);
            Assert.Contains("error KSG2015: web: GET http://127.0.0.1:18081/ ([Route] / (Prefix)) answered 404: the route reaches no endpoint of the app.", wrong);
            foreach (var (_, name, hostPort) in Services)
            {
                var metrics = await Get(http, hostPort, "/metrics");
                Assert.Contains("# TYPE shop_http_requests_total counter", metrics);
                Assert.Contains($"shop_http_requests_total{{service=\"{name}\"}} ", metrics);
            }
        }
        finally
        {
            Tool.Run("podman", "kube", "down", rendered);
            foreach (var (_, name, _) in Services)
            {
                Tool.Run("podman", "rmi", "--force", $"{ContainerEnvironment.Registry}/shop/{name}");
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Without_a_registry_publish_writes_an_image_archive_that_podman_loads()
    {
        var (exitCode, output) = Dotnet.Run(
            Shop, "publish", "Web", "-c", "Release", "-nologo", "-p:ContainerRegistry=", $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}");

        Assert.True(exitCode == 0, output);
        var archive = Path.Combine(Shop, "Web/bin/Release/net10.0/publish/Web.image.tar");
        Assert.True(File.Exists(archive), output);
        var loaded = Tool.Succeed("podman", "load", "-i", archive);
        Assert.Contains($"shop/web:{Version.Value}", loaded);
        Assert.Contains($"image: \"shop/web:{Version.Value}\"", File.ReadAllText(Path.Combine(Shop, "Web/bin/Release/net10.0/publish/k8s/base/web.yaml")));
        Tool.Run("podman", "rmi", "--force", $"shop/web:{Version.Value}");
    }

    [Fact]
    public void An_unreachable_registry_is_KSG2011_and_leaves_no_manifest_behind()
    {
        var (exitCode, output) = Dotnet.Run(
            Shop, "publish", "Users.V1", "-c", "Release", "-nologo", "-p:ContainerRegistry=localhost:5999", $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error KSG2011: The container image for Users.V1 could not be built or written to registry 'localhost:5999'", output);
        Assert.False(File.Exists(Path.Combine(Shop, "Users.V1/bin/Release/net10.0/publish/k8s/base/users-v1.yaml")));
        Assert.False(File.Exists(Path.Combine(Shop, "Users.V1/bin/Release/net10.0/publish/k8s/kustomization.yaml")));
    }

    [Fact]
    public void A_container_user_other_than_the_pods_user_is_KSG2010()
    {
        var (exitCode, output) = Dotnet.Run(
            Shop, "publish", "Users.V2", "-c", "Release", "-nologo", "-p:ContainerUser=root", $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error KSG2010: ContainerUser is 'root', but the manifests run the pod as user 1654", output);
    }

    private static async Task<string> Get(HttpClient http, int port, string path)
    {
        // The pod starts in a second or two; retry for a bounded while.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync($"http://127.0.0.1:{port}{path}");
            }
            catch (HttpRequestException) when (attempt < 40)
            {
                await Task.Delay(250);
            }
        }
    }

    private static string TestOnlyPatches(string name, int hostPort) => $$"""
        - target:
            kind: Deployment
            name: {{name}}
          patch: |-
            - op: add
              path: /spec/replicas
              value: 1
            - op: add
              path: /spec/template/spec/containers/0/ports/0/hostPort
              value: {{hostPort}}
            - op: add
              path: /spec/template/spec/containers/0/ports/0/hostIP
              value: 127.0.0.1

        """;

    /// <summary>The folder with everything below it (the manifests' base/ and overlays/).</summary>
    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyDirectory(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>The README's example output of the acceptance tests, which the Shop's web must print exactly (ports aside).</summary>
    private static class Readme
    {
        public static IReadOnlyList<string> Smoke { get; } = Regex.Match(File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot, "README.md")), "```\n(K8sGen smoke test:[\\s\\S]*?)\n```")
            .Groups[1].Value.Split('\n');
    }
}
