using System.Diagnostics;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>
/// k8s/topology.md: the diagram and tables a reviewer reads instead of the YAML, checked by Mermaid's own parser
/// (eng/mermaid, installed by eng/test.sh) and for what it says.
/// </summary>
public sealed class TopologyTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    private string Write(string source)
    {
        var assembly = TestAssemblies.Build(_directory, source, "Shop.Api");
        var folder = Path.Combine(_directory, "k8s");
        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, folder, null));
        Assert.Empty(outcome.Errors);
        return Path.Combine(folder, Topology.FileName);
    }

    [Fact]
    public void Hosts_and_paths_lead_to_services_and_workloads_and_the_dependencies_and_scraping_are_drawn()
    {
        var file = Write("""
            [Deployment(Replicas = 3)] [Port(8080)] [Route("/v1/users", Host = "api.shop.example")] [Scrape] [NetworkPolicy]
            public class UsersService { }

            [Deployment] [Port(8080)] [Port(9090, Name = "admin", ServicePort = 9090)] [Route("/", Host = "shop.example")] [Route("/admin", PathType = PathType.Exact)]
            [HttpRoute("/", Gateway = "edge", Hostname = "shop.example")]
            [DependsOn("users")] [DependsOn("billing", Namespace = "finance", Port = 8080)]
            [Autoscale(Min = 2, Max = 5, CpuUtilization = 70)] [Resources(CpuRequest = "100m")]
            [Environment("production", Namespace = "shop-prod", Host = "www.shop.example")]
            public class WebService { }

            [CronJob("0 3 * * *")] [Environment("production", Namespace = "shop-prod")]
            public class Reports { }
            """);

        Assert.Equal("""
            # Topology of Shop.Api

            What `kubectl apply -k` of this folder deploys, as the attributes of Shop.Api declare it. Written by K8sGen on every build: do not edit.

            ```mermaid
            flowchart LR
              w_reports["CronJob reports<br/>schedule 0 3 * * *"]
              w_users["Deployment users<br/>3 replicas"]
              s_users["Service users<br/>:80 → http"]
              w_web["Deployment web<br/>2–5 pods, autoscaled"]
              s_web["Service web<br/>:80 → http, :9090 → admin"]
              g_edge{{"Gateway edge"}}
              h_any_host(["any host"])
              h_api_shop_example(["api.shop.example"])
              h_shop_example(["shop.example"])
              prometheus(["Prometheus"])
              s_billing_finance["Service billing (namespace finance)"]
              s_users --> w_users
              h_api_shop_example -->|"/v1/users Prefix"| s_users
              prometheus -.->|"/metrics"| w_users
              s_web --> w_web
              h_shop_example -->|"/ Prefix"| s_web
              h_any_host -->|"/admin Exact"| s_web
              g_edge -->|"shop.example/ Prefix"| s_web
              w_web -.->|"USERS_URL"| s_users
              w_web -.->|"BILLING_URL"| s_billing_finance
            ```

            ## Network policies

            Everything else is denied, in and out.

            | workload | accepts traffic from | may connect to |
            |---|---|---|
            | users | the ingress controller (namespace ingress-nginx), Prometheus (namespace monitoring), the workloads that declare [DependsOn] on it | DNS |

            ## Environments

            What each overlay (`overlays/<environment>`) changes.

            | environment | workload | namespace | replicas | host | image tag |
            |---|---|---|---|---|---|
            | production | reports | shop-prod | schedule 0 3 * * * | as in the base | as in the base |
            | production | web | shop-prod | 2–5 pods, autoscaled | www.shop.example | as in the base |

            """, File.ReadAllText(file));
        Assert.Equal(0, Mermaid(file).ExitCode);
    }

    [Fact]
    public void The_file_is_byte_identical_on_every_build_and_belongs_to_the_folder_like_the_manifests()
    {
        const string source = """[Deployment(Replicas = 2)] [Port(8080)] [Route("/orders")] [DependsOn("users")] public class OrdersService { }""";
        var file = Write(source);
        var first = File.ReadAllBytes(file);

        Assert.Equal(first, File.ReadAllBytes(Write(source)));
        Assert.Contains(Topology.FileName, File.ReadAllText(Path.Combine(_directory, "k8s", ManifestWriter.OwnershipFile)));
        Assert.Contains(Topology.FileName, ManifestWriter.Clean(Path.Combine(_directory, "k8s")));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void The_parser_the_tests_use_rejects_a_broken_diagram()
    {
        var file = Path.Combine(_directory, "broken.md");
        File.WriteAllText(file, "```mermaid\nflowchart LR\n  a[\"x\" --> \n```\n");

        var (exitCode, output) = Mermaid(file);

        Assert.Equal(1, exitCode);
        Assert.Contains("Parse error", output);
    }

    /// <summary>Mermaid's own parser (the mermaid package in eng/mermaid, run by Node.js with jsdom for its DOM).</summary>
    private static (int ExitCode, string Output) Mermaid(string file)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "K8sGen.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("K8sGen.sln not found above " + AppContext.BaseDirectory);
        }

        var checker = Path.Combine(root, "eng", "mermaid");
        Assert.True(Directory.Exists(Path.Combine(checker, "node_modules", "mermaid")), "Mermaid's parser is not installed: run npm ci --prefix eng/mermaid (eng/test.sh does)");
        var start = new ProcessStartInfo("node", [Path.Combine(checker, "check.mjs"), file]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
