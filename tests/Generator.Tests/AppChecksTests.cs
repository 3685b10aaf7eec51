using System.Collections.Immutable;
using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K8sGen.Generator.Tests;

/// <summary>
/// The manifests checked against the app's code: probe, route and scrape paths against the endpoints the app
/// maps (KSG1170–KSG1173), configuration it reads against what the pod sets (KSG1174). Real ASP.NET Core apps
/// compiled against the shared framework and the real OpenTelemetry, prometheus-net and gRPC packages; each
/// warning located, and the silences where K8sGen cannot see every endpoint proven as carefully.
/// </summary>
public class AppChecksTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using K8sGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        """;

    /// <summary>A real-world minimal API: groups through locals and a helper, parameters, a catch-all, the root, custom health paths.</summary>
    private const string MinimalApi = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-App"] = "orders";
            await next(context);
        });
        app.MapHealthChecks("/health/live");
        app.MapHealthChecks("/health/ready");
        var api = app.MapGroup("/api").RequireAuthorization();
        var v1 = api.MapGroup("/v1");
        v1.MapOrders();
        app.MapGet("/", () => "hello");
        app.Run();

        static class OrderEndpoints
        {
            public static void MapOrders(this IEndpointRouteBuilder routes)
            {
                var orders = routes.MapGroup("orders");
                orders.MapGet("/", () => "all");
                orders.MapGet("/{id:int}", (int id) => id);
                orders.MapPost("/", () => "created");
                orders.MapGet("/files/{**path}", (string path) => path);
            }
        }

        """;

    [Fact]
    public void Paths_the_app_serves_are_no_warning()
    {
        AssertDiagnostics(Usings + MinimalApi + """
            [Deployment] [Port(5000)]
            [Route("/api/v1/orders")] [Route("/api/v1/orders/7", PathType = PathType.Exact)] [Route("/api/v1/orders/files/a/b", PathType = PathType.Exact)]
            [HttpRoute("/api", Gateway = "public")] [HttpRoute("/", Gateway = "public")]
            [Liveness("/health/live")] [Readiness("/health/ready")] [Startup("/")]
            public sealed class OrdersService { }
            """);
    }

    [Fact]
    public void Probe_route_and_scrape_paths_nothing_serves_are_warnings_at_their_arguments()
    {
        AssertDiagnostics(Usings + MinimalApi + """
            [Deployment] [Port(5000)]
            [Route({|KSG1171:"/api/orders"|})] [Route({|KSG1171:"/api/v1/orders/seven"|}, PathType = PathType.Exact)] [Route("/api/v1/ord", PathType = PathType.ImplementationSpecific)]
            [HttpRoute({|KSG1171:"/v1"|}, Gateway = "public")]
            [Liveness({|KSG1170:"/healthz"|})] [Readiness("/health/ready")] [Startup({|KSG1170:"/api/v1/order"|}, Port = "http")]
            [{|KSG1172:Scrape|}]
            public sealed class OrdersService { }
            """);
    }

    [Fact]
    public void A_probe_on_a_path_that_only_takes_posts_is_a_warning()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.MapPost("/ready", () => "ok");
            app.MapGet("/healthz", () => "ok");
            app.MapGet("/api/users/{id}", (string id) => id);
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }
            """);

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1170", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "[Readiness] path '/ready' reaches no GET endpoint of the app, so the pod would never receive traffic. The app maps GET /healthz, GET /api/users/{id} (closest first). Point the probe at one of them, or map '/ready' (e.g. app.MapHealthChecks(\"/ready\")).",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_route_message_lists_what_the_app_maps_closest_first()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.MapGet("/api/users", () => "all");
            app.MapGet("/api/users/{id}", (string id) => id);
            app.MapHealthChecks("/healthz");
            app.Run();

            [Deployment] [Port(8080)] [Route("/v1/users")] [Readiness("/healthz")]
            public sealed class UsersService { }
            """);

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal(
            "[Route] path '/v1/users' (Prefix) reaches no endpoint of the app, so every request it routes would get 404. The app maps GET /api/users, /healthz, GET /api/users/{id} (closest first). Route a path the app serves, or map one under '/v1/users'.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Controllers_are_endpoints_with_their_tokens_replaced_and_their_verbs()
    {
        AssertDiagnostics(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [Deployment] [Port(8080)]
            [Route("/api/users")] [Route("/api/users/import", PathType = PathType.Exact)] [Route("/v2/orders")] [Route({|KSG1171:"/api/customers"|})] [Route({|KSG1171:"/api/users/ada"|}, PathType = PathType.Exact)]
            [Readiness("/status")] [Liveness({|KSG1170:"/api/users/import"|})] [Startup("/api/users/42")]
            public sealed class UsersService { }

            namespace Api
            {
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/[controller]")]
                public class UsersController : ControllerBase
                {
                    [HttpGet] public string List() => "all";
                    [HttpGet("{id:int}")] public string Get(int id) => "one";
                    [HttpPost("[action]")] public string ImportAsync() => "imported";
                    [HttpGet("/status")] public string Status() => "ok";
                    [NonAction] public string Helper() => "no endpoint";
                }

                [Route("v{version:apiVersion}/orders")]
                public class OrdersController : Controller
                {
                    [HttpGet("{id}")] public IActionResult Get(string id) => Ok(id);
                }
            }
            """);
    }

    [Fact]
    public void Grpc_services_map_their_generated_service_name()
    {
        AssertDiagnostics(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddGrpc();
            var app = builder.Build();
            app.MapGrpcService<GreeterService>();
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Route("/greet.Greeter")] [Route({|KSG1171:"/greet.Farewell"|})] [Liveness("/healthz")] [Readiness({|KSG1170:"/greet.Greeter/SayHello"|})]
            public sealed class GreeterWorkload { }

            // What Grpc.Tools generates for a greet.proto service Greeter.
            public static partial class Greeter
            {
                static readonly string __ServiceName = "greet.Greeter";

                public abstract partial class GreeterBase { }
            }

            public sealed class GreeterService : Greeter.GreeterBase { }
            """);
    }

    [Theory]
    [InlineData("app.MapPrometheusScrapingEndpoint();", "[Scrape]", true)]
    [InlineData("app.MapPrometheusScrapingEndpoint(\"/internal/metrics\");", "[Scrape(Path = \"/internal/metrics\")]", true)]
    [InlineData("app.MapPrometheusScrapingEndpoint(\"/internal/metrics\");", "[Scrape]", false)]
    [InlineData("app.UseOpenTelemetryPrometheusScrapingEndpoint();", "[Scrape]", true)]
    [InlineData("Prometheus.MetricServerMiddlewareExtensions.MapMetrics(app);", "[Scrape]", true)]
    [InlineData("Prometheus.MetricServerMiddlewareExtensions.MapMetrics(app, \"/prom\");", "[Scrape(Path = \"/prom\")]", true)]
    [InlineData("Prometheus.MetricServerMiddlewareExtensions.UseMetricServer(app);", "[Scrape]", true)]
    [InlineData("app.MapGet(\"/other\", () => \"\");", "[Scrape]", false)]
    public void The_scrape_path_is_checked_against_the_prometheus_endpoints_of_OpenTelemetry_and_prometheus_net(string map, string scrape, bool served)
    {
        var run = Run(Usings + $$"""
            var app = WebApplication.Create(args);
            app.MapGet("/healthz", () => "ok");
            {{map}}
            app.Run();

            [Deployment] [Port(8080)] {{scrape}} [Liveness("/healthz")]
            public sealed class MetricsService { }
            """);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var ids = run.K8sGenDiagnostics.Select(d => d.Id).ToList();
        Assert.Equal(served ? [] : ["KSG1172"], ids);
    }

    [Fact]
    public void A_scrape_path_moved_by_the_exporters_options_is_not_judged()
    {
        var run = Run(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<OpenTelemetry.Exporter.PrometheusAspNetCoreOptions>(o => o.ScrapeEndpointPath = "/internal/metrics");
            var app = builder.Build();
            app.MapPrometheusScrapingEndpoint();
            app.Run();

            [Deployment] [Port(8080)] [Scrape(Path = "/internal/metrics")]
            public sealed class MetricsService { }
            """);

        Assert.Empty(run.K8sGenDiagnostics);
    }

    /// <summary>Every shape where K8sGen cannot see every endpoint: the same wrong probe is then no warning.</summary>
    [Theory]
    [InlineData("app.MapGet(args[0], () => \"\");")] // a pattern that is not a constant
    [InlineData("app.UseStaticFiles();")] // files K8sGen does not know
    [InlineData("app.MapRazorPages();")]
    [InlineData("app.MapControllerRoute(\"default\", \"{controller=Home}/{action=Index}/{id?}\");")] // conventional routes
    [InlineData("app.Map(\"/branch\", branch => branch.Run(context => context.Response.WriteAsync(\"hi\")));")]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Path == \"/ready\") { await context.Response.WriteAsync(\"ok\"); return; } await next(context); });")] // middleware that may answer
    [InlineData("app.UseMiddleware<Answering>();")]
    [InlineData("app.UsePathBase(\"/base\");")]
    [InlineData("app.MapFallback(() => \"spa\");")] // answers every path: nothing to warn about
    [InlineData("Register(app.MapGroup(args[0])); static void Register(IEndpointRouteBuilder group) => group.MapGet(\"/x\", () => \"x\");")] // a group whose prefix is not a constant
    [InlineData("Func<IEndpointRouteBuilder, RouteHandlerBuilder> later = MapLater; static RouteHandlerBuilder MapLater(IEndpointRouteBuilder routes) => routes.MapGet(\"/later\", () => \"x\");")] // a helper only called through a delegate
    public void Endpoints_K8sGen_cannot_see_make_the_checks_silent(string shape) =>
        Assert.Empty(Run(UnseenEndpoints(shape)).K8sGenDiagnostics);

    /// <summary>The control for the silences above: without such a shape the same app gets its warnings.</summary>
    [Fact]
    public void Without_unseen_endpoints_the_same_app_gets_its_warnings() =>
        Assert.Equal(["KSG1170", "KSG1171"], Run(UnseenEndpoints("app.UseRouting();")).K8sGenDiagnostics.Select(d => d.Id).Order());

    private static string UnseenEndpoints(string shape) => Usings + $$"""
            var app = WebApplication.Create(args);
            app.MapGet("/healthz", () => "ok");
            {{shape}}
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")] [Route("/ready")]
            public sealed class UsersService { }

            public sealed class Answering(RequestDelegate next)
            {
                public async Task InvokeAsync(HttpContext context)
                {
                    if (context.Request.Path == "/ready") { await context.Response.WriteAsync("ok"); return; }
                    await next(context);
                }
            }
            """;

    [Fact]
    public void Middleware_that_always_passes_the_request_on_keeps_the_checks()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.UseMiddleware<Timing>();
            app.UseRouting();
            app.UseAuthorization();
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }

            public sealed class Timing
            {
                private readonly RequestDelegate _next;

                public Timing(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    await _next(context);
                    context.Items["elapsed"] = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                }
            }
            """);

        Assert.Equal(["KSG1170"], run.K8sGenDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void An_error_handler_branch_is_no_endpoint_and_keeps_the_checks()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.UseExceptionHandler(errors => errors.Run(context => context.Response.WriteAsync("failed")));
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }
            """);

        Assert.Equal(["KSG1170"], run.K8sGenDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Endpoints_mapped_in_a_library_K8sGen_cannot_read_make_the_checks_silent()
    {
        var library = CSharpCompilation.Create(
            "Shared.Endpoints",
            [CSharpSyntaxTree.ParseText("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                namespace Shared;
                public static class Basics
                {
                    public static WebApplication MapBasics(this WebApplication app) { app.MapGet("/ready", () => "ok"); return app; }
                }
                """)],
            GeneratorHarness.Compile("", aspNetCore: true).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var app = App(Usings + """
            using Shared;
            var app = WebApplication.Create(args);
            app.MapBasics();
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }
            """).AddReferences(MetadataReference.CreateFromImage(stream.ToArray()));

        var run = GeneratorHarness.Run(app, TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void Endpoints_mapped_in_generated_code_make_the_checks_silent()
    {
        // The analyzer does not walk generated code, so what a generated helper maps is unseen.
        var generated = """
            // <auto-generated/>
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            static class GeneratedEndpoints
            {
                public static WebApplication MapGenerated(this WebApplication app) { app.MapGet("/ready", () => "ok"); return app; }
            }
            """;
        var program = Usings + """
            var app = WebApplication.Create(args);
            app.MapGenerated();
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }
            """;
        var compilation = GeneratorHarness.Compile([program, generated], aspNetCore: true)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var run = GeneratorHarness.Run(compilation, TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void A_project_without_endpoints_is_not_judged()
    {
        // A worker: probes on a port of its own (a sidecar, a library K8sGen does not see) are its business.
        var run = Run("""
            using K8sGen;
            using Microsoft.Extensions.Hosting;
            var builder = Host.CreateApplicationBuilder(args);
            builder.Build().Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Scrape]
            public sealed class Worker { }
            """);

        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void A_workload_running_another_image_is_not_judged_by_this_apps_endpoints()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/healthz")]
            public sealed class Web { }

            [Deployment(Name = "redis", Image = "docker.io/library/redis:7.4")] [Port(6379)] [Readiness("/ready")] [Scrape]
            public sealed class Redis { }
            """);

        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void Routes_with_rewriting_annotations_are_not_judged()
    {
        var run = Run(Usings + """
            var app = WebApplication.Create(args);
            app.MapGet("/users", () => "all");
            app.Run();

            [Deployment] [Port(8080)] [Route("/api/users")] [Annotation("nginx.ingress.kubernetes.io/rewrite-target", "/$2")]
            public sealed class UsersService { }
            """);

        Assert.DoesNotContain(run.K8sGenDiagnostics, d => d.Id == "KSG1171");
    }

    [Fact]
    public void An_app_with_health_checks_and_a_workload_without_probes_gets_the_paths_it_could_use()
    {
        var (source, expected) = Markup.ParseMany(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.UseHealthChecks("/ready");
            app.Run();

            [{|KSG1173:Deployment|}] [Port(8080)]
            public sealed class UsersService { }

            [CronJob("0 2 * * *")]
            public sealed class Nightly { }
            """);

        var run = Run(source);

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal(expected, [(diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition)]);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(
            "The app maps health checks at /healthz, /ready, but workload 'users' declares no probe: Kubernetes would send it traffic before it is ready and never restart it when it hangs. Add [Readiness(\"/healthz\")] and [Liveness(\"/healthz\")].",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private const string ConfigurationReads = """
        var builder = WebApplication.CreateBuilder(args);
        var host = builder.Configuration["Db:Host"];
        var port = builder.Configuration.GetValue<int>("Db:Port");
        var timeout = builder.Configuration.GetValue("Db:Timeout", 30);
        var shop = {|KSG1174:builder.Configuration.GetConnectionString("shop")|};
        var payments = builder.Configuration.GetSection("Payments").Get<PaymentOptions>();
        builder.Services.Configure<SmtpOptions>({|KSG1174:builder.Configuration.GetSection("Smtp")|});
        var region = {|KSG1174:Environment.GetEnvironmentVariable("REGION")|};
        var zone = Environment.GetEnvironmentVariable("ZONE") ?? "a";
        var beta = builder.Configuration["Features:Beta"] ?? "off";
        var users = Environment.GetEnvironmentVariable("USERS_SERVICE_HOST");
        var settings = builder.Configuration.GetSection("Cache");
        var size = {|KSG1174:settings["Size"]|};
        var logLevel = builder.Configuration["Logging:LogLevel:Default"];
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();

        public sealed class PaymentOptions { public string? ApiKey { get; set; } }
        public sealed class SmtpOptions { public string? Host { get; set; } }

        [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/healthz")]
        [Env("Db__Host", "db")] [EnvFromSecret("Payments__ApiKey", Secret = "payments", Key = "api-key")]
        public sealed class ShopService { }
        """;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["appsettings.json"] = """{ "Logging": { "LogLevel": { "Default": "Information" } }, "Db": { "Port": 5432 } }""",
        ["appsettings.Development.json"] = """{ "ConnectionStrings": { "shop": "Host=localhost" } }""", // not in a Production pod
    };

    [Fact]
    public void Configuration_the_code_reads_with_no_source_in_the_pod_is_an_info_at_the_read()
    {
        var (source, expected) = Markup.ParseMany(Usings + ConfigurationReads);

        var run = Run(source, Settings);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(expected, run.K8sGenDiagnostics.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition)).ToList());
        Assert.All(run.K8sGenDiagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(
            "Connection string 'shop' is read here, but nothing sets it in workload 'shop': add [Env(\"ConnectionStrings__shop\", …)] or, for a secret, [EnvFromSecret(\"ConnectionStrings__shop\", Secret = …, Key = …)], or a value for 'ConnectionStrings:shop' in appsettings.json. If it is optional, read it with a default.",
            run.K8sGenDiagnostics.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(
            "Environment variable 'REGION' is read here, but nothing sets it in workload 'shop': add [Env(\"REGION\", …)] or, for a secret, [EnvFromSecret(\"REGION\", Secret = …, Key = …)]. If it is optional, read it with a default.",
            run.K8sGenDiagnostics.ElementAt(2).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_source_of_the_pod_counts_environment_variables_secrets_and_the_environments_settings_file()
    {
        var (source, _) = Markup.ParseMany(Usings + ConfigurationReads.Replace(
            "[Env(\"Db__Host\", \"db\")]",
            "[Env(\"Db__Host\", \"db\")] [Env(\"ASPNETCORE_ENVIRONMENT\", \"Development\")] [Env(\"Smtp__Host\", \"smtp\")] [EnvFromSecret(\"REGION\", Secret = \"geo\", Key = \"region\")] [Env(\"CACHE__SIZE\", \"10\")]"));

        Assert.Empty(Run(source, Settings).K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [\"X\"] = \"y\" });")]
    [InlineData("builder.Configuration.AddEnvironmentVariables(\"SHOP_\");")]
    [InlineData("builder.Configuration.AddJsonFile(\"/etc/shop/settings.json\");")]
    public void Configuration_providers_K8sGen_cannot_see_into_make_the_check_silent(string provider)
    {
        var (source, _) = Markup.ParseMany(Usings + ConfigurationReads.Replace("var host = ", provider + "\nvar host = "));

        Assert.Empty(Run(source, Settings).K8sGenDiagnostics);
    }

    [Fact]
    public void In_a_project_of_several_workloads_a_key_one_of_them_sets_is_no_info()
    {
        const string Program = """
            var builder = WebApplication.CreateBuilder(args);
            var db = builder.Configuration["Db:Host"];
            var app = builder.Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();

            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/healthz")] [Env("Db__Host", "db")]
            public sealed class Web { }

            [CronJob("0 2 * * *", Name = "nightly")]
            public sealed class Nightly { }
            """;
        Assert.Empty(Run(Usings + Program).K8sGenDiagnostics);

        var diagnostic = Assert.Single(Run(Usings + Program.Replace("[Env(\"Db__Host\", \"db\")]", "")).K8sGenDiagnostics);
        Assert.Equal(
            "Configuration key 'Db:Host' is read here, but nothing sets it in any of the workloads 'web', 'nightly': add [Env(\"Db__Host\", …)] or, for a secret, [EnvFromSecret(\"Db__Host\", Secret = …, Key = …)], or a value for 'Db:Host' in appsettings.json. If it is optional, read it with a default.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_jobs_arguments_are_configuration_from_the_command_line()
    {
        var run = Run("""
            using K8sGen;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Hosting;
            var builder = Host.CreateApplicationBuilder(args);
            var since = builder.Configuration["since"];
            var format = builder.Configuration["format"];

            [CronJob("0 2 * * *", Args = new[] { "--since", "24h", "--format=csv" })]
            public sealed class Report { }
            """);

        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void Each_check_can_be_turned_off_or_up_in_editorconfig()
    {
        var (source, _) = Markup.ParseMany(Usings + """
            var app = WebApplication.Create(args);
            app.MapGet("/healthz", () => "ok");
            var region = Environment.GetEnvironmentVariable("REGION");
            app.Run();

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/healthz")]
            public sealed class UsersService { }
            """);
        Assert.Equal(["KSG1170", "KSG1174"], Run(source).K8sGenDiagnostics.Select(d => d.Id).Order());

        var run = Run(source, editorConfig: """
            root = true

            [*.cs]
            dotnet_diagnostic.KSG1170.severity = none
            dotnet_diagnostic.KSG1174.severity = error
            """);

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal(("KSG1174", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
    }

    private static void AssertDiagnostics(string markup)
    {
        var (source, expected) = Markup.ParseMany(markup);

        var run = Run(source);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.AnalyzerExceptions);
        var actual = run.K8sGenDiagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition))
            .OrderBy(d => d.StartLinePosition)
            .ToList();
        Assert.Equal(expected.OrderBy(e => e.Start).ToList(), actual);
    }

    private static CSharpCompilation App(string source) =>
        GeneratorHarness.Compile(source, aspNetCore: true)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorRun Run(string source, IReadOnlyDictionary<string, string>? settings = null, string? editorConfig = null)
    {
        var compilation = App(source);
        if (editorConfig is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(editorConfig)));
        }

        // Every app here compiles: a silence must come from the checks, not from code the compiler could not bind.
        var run = GeneratorHarness.Run(compilation, TestProperties.Default, settings);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.AnalyzerExceptions);
        return run;
    }
}
