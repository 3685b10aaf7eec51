using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests.Reviewed;

public class ReviewMoreCases
{
    private const string W = """

        [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/ready")]
        public sealed class Svc { }
        """;

    private static readonly Dictionary<string, (string[] Sources, bool AllowErrors)> All = new()
    {
        ["M01_FN_UseExceptionHandler_lambda_silences_everything"] = (["""
            var app = WebApplication.Create(args);
            app.UseExceptionHandler(e => e.Run(ctx => ctx.Response.WriteAsync("error")));
            app.MapGet("/healthz", () => "ok");
            app.Run();
            """ + W], false),
        ["M02_FN_expression_bodied_middleware_silences"] = (["""
            var app = WebApplication.Create(args);
            app.UseMiddleware<Timing>();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            public sealed class Timing(RequestDelegate next) { public Task InvokeAsync(HttpContext c) => next(c); }
            """ + W], false),
        ["M03_otel_scrape_path_from_configuration"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<OpenTelemetry.Exporter.PrometheusAspNetCoreOptions>(builder.Configuration.GetSection("Prometheus"));
            var app = builder.Build();
            app.MapPrometheusScrapingEndpoint();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Scrape(Path = "/internal/metrics")]
            public sealed class Svc { }
            """], false),
        ["M05_generic_class_helper"] = (["""
            var app = WebApplication.Create(args);
            Reg<int>.Map(app.MapGroup("/x"));
            Reg<string>.Map(app);
            app.MapGet("/healthz", () => "ok");
            app.Run();
            static class Reg<T> { public static void Map(IEndpointRouteBuilder e) => e.MapGet("/ready", () => typeof(T).Name); }
            """ + W], false),
        ["M06_crash_broken_code_while_typing"] = (["""
            var app = WebApplication.Create(args);
            var g = app.MapGroup(;
            g.MapGet("/ready", () => "ok"
            app.MapGet(Missing.Path, () => "ok");
            app.UseMiddleware<Missing>();
            var self = self.MapGroup("/a");
            self.MapGet("/b", () => "");
            var cfg = cfg.GetSection("x");
            var v = cfg["y"];
            app.Run();
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              [ApiController, Route(Consts.Nope)] public class BadController : MissingBase { [HttpGet(] public string X() => ""; [HttpGet(123)] public string Y() => ""; }
              [Route("api/[controller]")] public class OtherController : ControllerBase { [AcceptVerbs(methods: null)] public string Z() => ""; [HttpGet("{id:int")] public string Q() => ""; }
            }
            """ + W], true),
        ["M07_crash_acceptverbs_null_array"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              [Route("api/[controller]")] public class OtherController : ControllerBase { [AcceptVerbs(methods: null!)] public string Z() => ""; }
            }
            """ + W], true),
        ["M08_crash_weird_route_templates"] = (["""
            var app = WebApplication.Create(args);
            app.MapGet("/a/{x:regex(^(a|b)$)}/{y:length(}/{z:range(1,)}/{w=}", () => "");
            app.MapGet("/b/{{literal}}/{*}", () => "");
            app.MapGet("/c/{a}{b}", () => "");
            app.MapGet("/d/{a:regex(([)}", () => "");
            app.MapGet("/e/{a:int:min(99999999999999999999)}", () => "");
            app.MapGet("/f/{a?}.{b?}", () => "");
            app.MapGet("/g/{time=12:00}", (string time) => time);
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/g")] [Startup("/f/x.y")]
            public sealed class Svc { }
            """], false),
        ["M09_recursive_helper_and_many_prefixes"] = (["""
            var app = WebApplication.Create(args);
            Nest(app, 3);
            app.MapGet("/healthz", () => "ok");
            app.Run();
            static void Nest(IEndpointRouteBuilder e, int n) { e.MapGet("/ready", () => "ok"); if (n > 0) Nest(e.MapGroup("/n"), n - 1); }
            """ + W], false),
        ["M10_KSG1173_worker_deployment_sharing_image"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/healthz")]
            public sealed class Web { }
            [Deployment(Name = "grpc-only")] [Port(9000)]
            public sealed class Other { }
            """], false),
        ["M11_health_on_group_and_query_probe"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapGroup("/health").MapHealthChecks("");
            app.MapGroup("/tenants/{tenant}").MapGet("/ready", (string tenant) => tenant);
            app.UseHealthChecks("/healthz", 8080);
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/health?full=1")] [Readiness("/tenants/a/ready")] [Startup("/healthz/")]
            public sealed class Svc { }
            """], false),
        ["M12_ignored_convention_call_on_same_type_library"] = (["""
            var app = WebApplication.Create(args);
            app.MapGroup("/api").WithVersion("v1").MapGet("/users", () => "u");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/api/v1/users")]
            public sealed class Svc { }
            """], false),
        ["M13_aspire_service_defaults_dev_only_health"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapGet("/", () => "hi");
            app.Run();
            static class Extensions
            {
                public static WebApplication MapDefaultEndpoints(this WebApplication app)
                {
                    if (Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(app.Environment))
                    {
                        app.MapHealthChecks("/health");
                        app.MapHealthChecks("/alive");
                    }
                    return app;
                }
            }
            [Deployment] [Port(8080)]
            public sealed class Svc { }
            """], false),
        ["M14_ingress_strip_prefix_annotations"] = (["""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "root");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Route("/users")] [Annotation("konghq.com/strip-path", "true")]
            public sealed class Kong { }
            [Deployment(Name = "t")] [Port(8080)] [Liveness("/healthz")] [Route("/orders")] [Annotation("traefik.ingress.kubernetes.io/router.middlewares", "default-strip-orders@kubernetescrd")]
            public sealed class Traefik { }
            [Deployment(Name = "h")] [Port(8080)] [Liveness("/healthz")] [Route("/carts")] [Annotation("haproxy.org/path-rewrite", "/carts(.*) \\1")]
            public sealed class Haproxy { }
            """], false),
    };

    /// <summary>What a case reports when it is not silent: the app really does not serve the path, or the key has no source.</summary>
    private static readonly Dictionary<string, string[]> Reported = new()
    {
        ["M01_FN_UseExceptionHandler_lambda_silences_everything"] = ["KSG1170"],
        ["M02_FN_expression_bodied_middleware_silences"] = ["KSG1170"],
        ["M10_KSG1173_worker_deployment_sharing_image"] = ["KSG1173"],
    };

    public static TheoryData<string> Cases() => [.. All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var c = All[name];
        var lib = ReviewHarness.Library("""
            using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Routing; using Microsoft.AspNetCore.Http;
            public static class Versioning { public static RouteGroupBuilder WithVersion(this RouteGroupBuilder g, string v) => g.MapGroup("/" + v); }
            """, "VersionLib");
        var ids = ReviewHarness.Ids(c.Sources, null, [lib], c.AllowErrors);
        Assert.Equal(Reported.GetValueOrDefault(name, []), ids);
    }
}
