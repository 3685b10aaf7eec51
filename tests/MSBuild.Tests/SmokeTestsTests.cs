using System.Net;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>The acceptance tests derived from the declarations, run against a real HTTP server on 127.0.0.1.</summary>
public sealed class SmokeTestsTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    private IReadOnlyList<ParsedWorkload> Parse(string source)
    {
        var embedded = EmbeddedManifests.Read(TestAssemblies.Build(_directory, source));
        Assert.Empty(ManifestValidator.Validate(embedded.Workloads, out var parsed));
        return parsed;
    }

    [Fact]
    public void Every_probe_route_and_scrape_path_on_the_first_Service_port_is_checked_and_the_rest_is_listed()
    {
        var (checks, notChecked) = SmokeTests.Derive(Parse("""
            [Deployment(Replicas = 2)] [Port(8080)] [Port(9090, Name = "admin")]
            [Route("/v1/orders")] [Route("/v1/orders/{id}", PathType = PathType.ImplementationSpecific)] [Route("/admin", Port = "admin")]
            [HttpRoute("/v2/orders", Gateway = "edge")]
            [Readiness("/ready")] [Liveness("/healthz")] [Startup("/healthz")] [Scrape(Port = "admin")]
            public class OrdersService { }

            [Deployment] public class Worker { }
            """));

        Assert.Equal(
            [
                ("orders", "startup probe", "/healthz", true),
                ("orders", "readiness probe", "/ready", true),
                ("orders", "[Route] /v1/orders (Prefix)", "/v1/orders", false),
                ("orders", "[Route] /v1/orders/{id} (ImplementationSpecific)", "/v1/orders/{id}", false),
                ("orders", "[HttpRoute] /v2/orders (PathPrefix)", "/v2/orders", false),
            ],
            checks.Select(c => (c.Workload, c.What, c.Path, c.IsProbe)));
        Assert.Equal(
            [
                "orders: [Route] /admin (Prefix) /admin is on Service port admin, not on the Service's first port",
                "orders: scrape path /metrics is on port 9090, not on the Service's first port",
            ],
            notChecked);
    }

    [Fact]
    public async Task Probes_pass_as_the_kubelet_counts_success_and_routes_when_they_reach_the_app()
    {
        using var server = new TestServer(new Dictionary<string, int>
        {
            ["/ready"] = 200,
            ["/healthz"] = 503,
            ["/v1/orders"] = 405, // reaches the app: it only takes POST
            ["/v1/missing"] = 404,
            ["/v1/broken"] = 500,
            ["/moved"] = 302,
        });
        SmokeCheck[] checks =
        [
            new("orders", "readiness probe", "/ready", IsProbe: true),
            new("orders", "liveness probe", "/healthz", IsProbe: true),
            new("orders", "[Route] /v1/orders (Prefix)", "/v1/orders", IsProbe: false),
            new("orders", "[Route] /v1/missing (Prefix)", "/v1/missing", IsProbe: false),
            new("orders", "[Route] /v1/broken (Prefix)", "/v1/broken", IsProbe: false),
            new("orders", "startup probe", "/moved", IsProbe: true),
        ];
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var results = await SmokeTests.RunAsync(checks, new Dictionary<string, Uri> { ["orders"] = server.Url }, http, attempts: 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(
            [
                ("/ready", 200, null),
                ("/healthz", 503, "answered 503; Kubernetes counts only 200–399 as success"),
                ("/v1/orders", 405, null),
                ("/v1/missing", 404, "answered 404: the route reaches no endpoint of the app"),
                ("/v1/broken", 500, "answered 500"),
                ("/moved", 302, null),
            ],
            results.Select(r => (r.Url.AbsolutePath, r.Status ?? 0, r.Failure)));
    }

    [Fact]
    public async Task A_Service_that_does_not_answer_fails_after_the_attempts()
    {
        var port = TestServer.FreePort(); // nothing listens there
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

        var results = await SmokeTests.RunAsync([new("orders", "readiness probe", "/ready", true)], new Dictionary<string, Uri> { ["orders"] = new($"http://127.0.0.1:{port}") }, http, attempts: 2, TimeSpan.FromMilliseconds(10), CancellationToken.None);

        var result = Assert.Single(results);
        Assert.Null(result.Status);
        Assert.StartsWith("no answer (", result.Failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", null, null)]
    [InlineData(null, "orders=http://127.0.0.1:8080", null)]
    [InlineData(null, "worker=http://127.0.0.1:9 orders=http://127.0.0.1:8080", null)] // as "-p:K8sGenSmokeUrls=… …" passes several
    [InlineData(null, null, "workload 'orders' has paths to check but no URL: give K8sGenSmokeUrl (one workload) or K8sGenSmokeUrls=orders=<URL of its Service>.")]
    [InlineData(null, "orders", "K8sGenSmokeUrls entry 'orders' is not <workload>=<absolute URL> (e.g. web=http://127.0.0.1:8080).")]
    [InlineData("127.0.0.1:8080", null, "K8sGenSmokeUrl '127.0.0.1:8080' is not an absolute URL (e.g. http://127.0.0.1:8080).")]
    public void Urls_name_the_Service_of_each_workload(string? url, string? urls, string? error)
    {
        var errors = new List<ManifestError>();

        var result = SmokeTests.Urls(url, urls, [new("orders", "readiness probe", "/ready", true)], errors);

        Assert.Equal(error, errors.SingleOrDefault()?.Message);
        Assert.Equal(error is null ? "http://127.0.0.1:8080/" : null, result.GetValueOrDefault("orders")?.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An HTTP server on 127.0.0.1 answering each path with a fixed status (404 for others), stopped on dispose.</summary>
    private sealed class TestServer : IDisposable
    {
        private readonly HttpListener _listener = new();

        public TestServer(IReadOnlyDictionary<string, int> statuses)
        {
            var port = FreePort();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        context.Response.StatusCode = statuses.GetValueOrDefault(context.Request.Url!.AbsolutePath, 404);
                        if (context.Response.StatusCode == 302)
                        {
                            context.Response.RedirectLocation = "/elsewhere";
                        }

                        context.Response.Close();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }
                }
            });
        }

        public Uri Url { get; }

        public static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
