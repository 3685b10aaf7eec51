using System.Text.Json;
using System.Text.RegularExpressions;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// Issue 14's delivery flow, run as the Shop's workflow runs it (samples/Shop/.github/workflows/delivery.yml), with
/// this machine standing in for GitHub and the cluster: a bare repository for the remote, the local registry, podman
/// for staging and production (deploy/cluster.sh's K8SGEN_CLUSTER=podman). Two releases: the second proves a
/// release merges into a production branch that already holds one, even when the tag changed the production overlay.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DeliveryTests
{
    private static readonly string[] Images = ["users-v1", "users-v2", "web", "reports"];

    [Fact]
    public async Task A_tag_is_tested_in_staging_and_its_merged_pull_request_runs_the_same_images_in_production()
    {
        var scratch = Dotnet.ScratchDirectory("delivery");
        var environment = new Dictionary<string, string>
        {
            ["REGISTRY"] = ContainerEnvironment.Registry,
            ["SHOP_BASE_IMAGE"] = ContainerEnvironment.BaseImage,
            ["K8SGEN_CLUSTER"] = "podman",
            ["K8SGEN_CLUSTER_STATE"] = Path.Combine(scratch, "cluster"),
            ["GIT_AUTHOR_NAME"] = "Shop CI", ["GIT_AUTHOR_EMAIL"] = "ci@shop.example",
            ["GIT_COMMITTER_NAME"] = "Shop CI", ["GIT_COMMITTER_EMAIL"] = "ci@shop.example",
        };
        string Run(string directory, string script)
        {
            var (exitCode, output) = Tool.Bash(directory, script, environment, TimeSpan.FromMinutes(10));
            Assert.True(exitCode == 0, $"{script} failed:\n{output}");
            return output;
        }

        // A team's repository: this checkout's files (committed or not; nothing ignored), with the K8sGen package
        // feed of eng/pack.sh beside it, pushed to a remote that stands in for GitHub.
        var repo = Path.Combine(scratch, "repo");
        foreach (var file in Tool.Succeed("git", "-C", Dotnet.RepositoryRoot, "ls-files", "-co", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(Dotnet.RepositoryRoot, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(repo, file))!);
                File.Copy(source, Path.Combine(repo, file));
            }
        }

        var artifacts = $"ln -s '{Path.Combine(Dotnet.RepositoryRoot, "artifacts")}' artifacts && echo /artifacts >> .git/info/exclude";
        Run(scratch, "git init -q --bare -b main origin.git");
        Run(repo, $"git init -q -b main && {artifacts} && git add -A && git commit -qm 'The shop' && git tag v1.4.0 && git remote add origin ../origin.git && git push -q origin main v1.4.0");
        var shop = Path.Combine(repo, "samples/Shop");
        var production = Path.Combine(scratch, "production", "samples/Shop");
        try
        {
            // The tag's job: tests, images, staging and its acceptance tests, the pull request's branch.
            var release = Run(shop, "deploy/release.sh v1.4.0");
            Assert.Equal(3, Regex.Count(release, "K8sGen smoke test: 4 of 4 passed\\."));
            await AssertRunning(environment, "Staging", "1.4.0", "hello from users-v1");
            AssertReleaseBranch(repo, "v1.4.0", ["samples/Shop/overlays/production/kustomization.yaml", "samples/Shop/overlays/production/shop.yaml", "samples/Shop/overlays/production/topology.md"]);

            // A reviewer merges it; the production job runs from a fresh clone of the production branch.
            Run(scratch, $"git clone -q -b production origin.git production && cd production && {artifacts} && git merge -q --no-ff --no-edit origin/release/v1.4.0 && git push -q origin production");
            var promoted = Run(production, "deploy/promote.sh");
            Assert.Contains("=== production: Production: v1.4.0", promoted);
            Assert.Equal(3, Regex.Count(promoted, "K8sGen smoke test: 4 of 4 passed\\."));
            await AssertRunning(environment, "Production", "1.4.0", "hello from users-v1");

            // The next release changes a service (its reviewed snapshot with it) and the production overlay on main.
            Run(repo, """
                git switch -q main
                sed -i 's/hello from users-v1/hello again from users-v1/' samples/Shop/Users.V1/UsersV1Service.cs samples/Shop/Shop.Tests/_snapshots/users-v1.verified.yaml
                echo '# The shop in production.' >> samples/Shop/overlays/production/kustomization.yaml
                git commit -qam 'A new greeting' && git tag v1.5.0 && git push -q origin main v1.5.0
                """);
            Assert.Contains("deploy/release.sh: overlays/production changed on production and in v1.5.0: it is written anew below", Run(shop, "deploy/release.sh v1.5.0"));
            AssertReleaseBranch(repo, "v1.5.0", ["samples/Shop/Shop.Tests/_snapshots/users-v1.verified.yaml", "samples/Shop/Users.V1/UsersV1Service.cs", "samples/Shop/overlays/production/shop.yaml", "samples/Shop/overlays/production/topology.md"]);
            Run(Path.Combine(scratch, "production"), "git pull -q && git merge -q --no-ff --no-edit origin/release/v1.5.0 && git push -q origin production");
            Assert.Contains("=== production: Production: v1.5.0", Run(production, "deploy/promote.sh"));
            await AssertRunning(environment, "Production", "1.5.0", "hello again from users-v1");
        }
        finally
        {
            Tool.Bash(shop, "deploy/cluster.sh down", environment, TimeSpan.FromMinutes(2));
            foreach (var name in Images)
            {
                Tool.Run("podman", "rmi", "--force", $"{ContainerEnvironment.Registry}/shop/{name}");
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void The_workflow_runs_on_tags_and_on_the_production_branch_through_the_scripts_tested_here()
    {
        var shop = Path.Combine(Dotnet.RepositoryRoot, "samples/Shop");
        var workflow = new YamlDotNet.Serialization.DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(shop, ".github/workflows/delivery.yml")));
        object At(object node, params string[] path) => path.Aggregate(node, (current, key) => ((Dictionary<object, object>)current)[key]);
        var push = At(workflow["on"], "push");
        Assert.Equal(["v*"], ((List<object>)At(push, "tags")).Cast<string>());
        Assert.Equal(["production"], ((List<object>)At(push, "branches")).Cast<string>());
        Assert.Equal("samples/Shop", At(workflow["defaults"], "run", "working-directory"));

        string LastRun(string job) => (string)((Dictionary<object, object>)((List<object>)At(workflow["jobs"], job, "steps"))[^1])["run"];
        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", At(workflow["jobs"], "staging", "if"));
        Assert.EndsWith("deploy/release.sh \"$GITHUB_REF_NAME\"\n", LastRun("staging"));
        Assert.Equal("github.ref == 'refs/heads/production'", At(workflow["jobs"], "production", "if"));
        Assert.Equal("deploy/promote.sh", LastRun("production"));

        // Every script the workflow and the scripts call is there and executable, and nothing else is in deploy/.
        var called = Regex.Matches(File.ReadAllText(Path.Combine(shop, ".github/workflows/delivery.yml")) + string.Concat(Directory.GetFiles(Path.Combine(shop, "deploy"), "*.sh").Select(File.ReadAllText)), "deploy/([a-z]+\\.sh)")
            .Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["accept.sh", "cluster.sh", "promote.sh", "release.sh", "services.sh"], called);
        Assert.All(called, script => Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(Path.Combine(shop, "deploy", script)).HasFlag(UnixFileMode.UserExecute), script));
        Assert.Equal(called, Directory.GetFiles(Path.Combine(shop, "deploy"), "*.sh").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The branch the release pushed: one commit on top of production (and the tag merged in) changing exactly
    /// <paramref name="changed"/>, whose production overlay is the rendered shop in shop-prod with every image pinned
    /// to the digest the registry holds for the tag's version.
    /// </summary>
    private static void AssertReleaseBranch(string repo, string tag, string[] changed)
    {
        var branch = $"origin/release/{tag}";
        Assert.Equal(changed, Tool.Succeed("git", "-C", repo, "diff", "--name-only", "origin/production", branch).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"Release {tag} to production", Tool.Succeed("git", "-C", repo, "log", "-1", "--format=%s", branch).Trim());
        Assert.Equal("0", Tool.Succeed("git", "-C", repo, "rev-list", "--count", $"{branch}..{tag}").Trim()); // the tag is in it

        var kustomization = Tool.Succeed("git", "-C", repo, "show", $"{branch}:samples/Shop/overlays/production/kustomization.yaml");
        Assert.EndsWith("resources:\n- shop.yaml\n", kustomization);
        var shop = Tool.Succeed("git", "-C", repo, "show", $"{branch}:samples/Shop/overlays/production/shop.yaml");
        var topology = Tool.Succeed("git", "-C", repo, "show", $"{branch}:samples/Shop/overlays/production/topology.md");
        Assert.StartsWith($"# Production: {tag}\n", topology);
        var version = tag[1..];
        foreach (var name in Images)
        {
            using var inspected = JsonDocument.Parse(Tool.Succeed("skopeo", "inspect", "--tls-verify=false", $"docker://{ContainerEnvironment.Registry}/shop/{name}:{version}"));
            var pinned = $"{ContainerEnvironment.Registry}/shop/{name}@{inspected.RootElement.GetProperty("Digest").GetString()}";
            Assert.Contains($"image: {pinned}\n", shop);
            Assert.Contains($"| `{pinned}` |", topology);
        }

        Assert.Equal(4, Regex.Count(shop, "\n *image: ")); // the four services, nothing else, nothing by tag
        Assert.Equal(22, Regex.Count(shop, "\n  namespace: shop-prod\n")); // web's ConfigMap included
        Assert.DoesNotMatch("app.kubernetes.io/version: (?!\"?" + Regex.Escape(version) + "\"?\n)", shop);
    }

    /// <summary>What the running pods say about themselves (each service's /about), on the ports deploy/cluster.sh published.</summary>
    private static async Task AssertRunning(IReadOnlyDictionary<string, string> environment, string environmentName, string version, string greeting)
    {
        var ports = File.ReadAllLines(Path.Combine(environment["K8SGEN_CLUSTER_STATE"], "ports")).Select(line => line.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["users-v1", "users-v2", "web"], ports.Keys.Order(StringComparer.Ordinal));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var (name, port) in ports)
        {
            using var about = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/about"));
            Assert.Equal((name, environmentName, version), (about.RootElement.GetProperty("service").GetString(), about.RootElement.GetProperty("environment").GetString(), about.RootElement.GetProperty("version").GetString()));
        }

        Assert.Contains(greeting, await http.GetStringAsync($"http://127.0.0.1:{ports["users-v1"]}/v1/users/about"));
    }
}
