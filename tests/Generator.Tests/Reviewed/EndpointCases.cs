using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests.Reviewed;

public class ReviewEndpointCases
{
    private const string Ctl = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();
        """;


    private static readonly Dictionary<string, (string[] Sources, IReadOnlyDictionary<string, string>? Files, Func<MetadataReference[]>? Refs, bool AllowErrors)> All = new()
    {
        ["E01_override_inherits_base_action_route"] = ([Ctl + """

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/api/status/live")]
            public sealed class Svc { }
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              public abstract class ProbeControllerBase : ControllerBase {
                [HttpGet("/ready")] public virtual IActionResult Ready() => Ok();
              }
              [ApiController, Route("api/status")]
              public class StatusController : ProbeControllerBase {
                public override IActionResult Ready() => Ok("x");
                [HttpGet("live")] public IActionResult Live() => Ok();
              }
            }
            """], null, null, false),

        ["E02_controllerbase_subclass_without_suffix_or_attribute"] = ([Ctl + """

            [Deployment] [Port(8080)] [Readiness("/ready")] [Liveness("/api/status/live")]
            public sealed class Svc { }
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              public class Health : ControllerBase { [HttpGet("/ready")] public IActionResult Ready() => Ok(); }
              [ApiController, Route("api/status")]
              public class StatusController : ControllerBase { [HttpGet("live")] public IActionResult Live() => Ok(); }
            }
            """], null, null, false),

        ["E03_group_local_reassigned"] = (["""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            api = api.MapGroup("/v1");
            api.MapGet("/users", () => "u");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/api/v1/users")] [Route("/api/v1/users")]
            public sealed class Svc { }
            """], null, null, false),

        ["E04_same_type_helper_returns_new_group"] = (["""
            var app = WebApplication.Create(args);
            app.MapGroup("/api").V1().MapGet("/users", () => "u");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            static class Ext { public static RouteGroupBuilder V1(this RouteGroupBuilder g) => g.MapGroup("/v1"); }
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/api/v1/users")] [Route("/api/v1/users")]
            public sealed class Svc { }
            """], null, null, false),

        ["E05_complex_segment_optional_extension"] = (["""
            var app = WebApplication.Create(args);
            app.MapGet("/files/{name}.{ext?}", (string name) => name);
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/files/readme")]
            public sealed class Svc { }
            """], null, null, false),

        ["E06_helper_called_directly_and_as_method_group"] = (["""
            var app = WebApplication.Create(args);
            app.MapGroup("/v1").MapUsers();
            new[] { app.MapGroup("/v2") }.ToList().ForEach(UserEndpoints.MapUsers);
            app.MapGet("/healthz", () => "ok");
            app.Run();
            static class UserEndpoints { public static void MapUsers(this RouteGroupBuilder g) => g.MapGet("/users", () => "u"); }
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/v2/users")] [Route("/v2/users")]
            public sealed class Svc { }
            """], null, null, false),

        ["E07_library_extension_on_app_not_named_Map_or_Use"] = (["""
            var app = WebApplication.Create(args);
            app.RegisterProbeEndpoints();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/ready")]
            public sealed class Svc { }
            """], null, () => [ReviewHarness.Library("""
                using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Http;
                public static class Probes { public static void RegisterProbeEndpoints(this WebApplication app) => app.MapGet("/ready", () => "ok"); }
                """)], false),

        ["E08_token_transformer_inserted_not_added"] = (["""
            using Microsoft.AspNetCore.Mvc.ApplicationModels;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(o => o.Conventions.Add(new RouteTokenTransformerConvention(new Slug())));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            sealed class Slug : IOutboundParameterTransformer { public string? TransformOutbound(object? value) => value?.ToString()?.ToLowerInvariant() + "-x"; }
            [Deployment] [Port(8080)] [Liveness("/api/healthprobe-x/live")]
            public sealed class Svc { }
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              [ApiController, Route("api/[controller]")]
              public class HealthProbeController : ControllerBase { [HttpGet("live")] public IActionResult Live() => Ok(); }
            }
            """], null, null, false),

        ["E09_application_model_convention_adds_route_prefix"] = (["""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.ApplicationModels;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(o => o.Conventions.Add(new RoutePrefix("api")));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            sealed class RoutePrefix(string prefix) : IApplicationModelConvention {
              public void Apply(ApplicationModel application) {
                foreach (var c in application.Controllers)
                  foreach (var s in c.Selectors.Where(s => s.AttributeRouteModel is not null))
                    s.AttributeRouteModel = AttributeRouteModel.CombineAttributeRouteModel(new AttributeRouteModel(new Microsoft.AspNetCore.Mvc.RouteAttribute(prefix)), s.AttributeRouteModel);
              }
            }
            [Deployment] [Port(8080)] [Liveness("/api/status/live")] [K8sGen.Route("/api/status")]
            public sealed class Svc { }
            namespace Api {
              [ApiController, Microsoft.AspNetCore.Mvc.Route("status")]
              public class StatusController : ControllerBase { [HttpGet("live")] public IActionResult Live() => Ok(); }
            }
            """], null, null, false),

        ["E10_suppress_async_suffix_false"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(o => o.SuppressAsyncSuffixInActionNames = false);
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/api/status/LiveAsync")]
            public sealed class Svc { }
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              [ApiController, Route("api/status/[action]")]
              public class StatusController : ControllerBase { [HttpGet] public Task<IActionResult> LiveAsync() => Task.FromResult<IActionResult>(Ok()); }
            }
            """], null, null, false),

        ["E11_otel_scraping_endpoint_with_predicate"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseOpenTelemetryPrometheusScrapingEndpoint(ctx => ctx.Request.Path == "/internal/metrics");
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Scrape(Path = "/internal/metrics")]
            public sealed class Svc { }
            """], null, null, false),

        ["E12_prometheus_net_AddMetricServer_hosted_service"] = (["""
            using Prometheus;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddMetricServer(o => o.Port = 9091);
            var app = builder.Build();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Port(9091, Name = "metrics")] [Liveness("/healthz")] [Scrape(Port = "metrics")]
            public sealed class Svc { }
            """], null, null, false),

        ["E13_UseHealthChecks_empty_path_answers_everything"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseHealthChecks("", 8081);
            app.MapGet("/api", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Port(8081, Name = "health")] [Liveness("/healthz", Port = "health")]
            public sealed class Svc { }
            """], null, null, false),

        ["E14_helper_in_GeneratedCode_attribute_class"] = (["""
            var app = WebApplication.Create(args);
            app.MapGenerated();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            static class GeneratedEndpoints { public static WebApplication MapGenerated(this WebApplication app) { app.MapGet("/ready", () => "ok"); return app; } }
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/ready")]
            public sealed class Svc { }
            """], null, null, false),

        ["E15_helper_in_autogenerated_no_hyphen_header"] = (["""
            var app = WebApplication.Create(args);
            app.MapGenerated();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/ready")]
            public sealed class Svc { }
            """, """
            // <autogenerated />
            using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Http;
            static class GeneratedEndpoints { public static WebApplication MapGenerated(this WebApplication app) { app.MapGet("/ready", () => "ok"); return app; } }
            """], null, null, false),

        ["E16_middleware_answers_after_next"] = (["""
            var app = WebApplication.Create(args);
            app.Use(async (ctx, next) =>
            {
                await next(ctx);
                if (ctx.Response.StatusCode == 404 && ctx.Request.Path == "/ready" && !ctx.Response.HasStarted)
                {
                    ctx.Response.StatusCode = 200;
                    await ctx.Response.WriteAsync("ok");
                }
            });
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/ready")]
            public sealed class Svc { }
            """], null, null, false),

        ["E17_grpc_json_transcoding"] = (["""
            var builder = WebApplication.CreateBuilder(args);
            Lib.Transcoding.AddJsonTranscoding(builder.Services.AddGrpc());
            var app = builder.Build();
            app.MapGrpcService<GreeterService>();
            app.MapGet("/healthz", () => "ok");
            app.Run();
            [Deployment] [Port(8080)] [Liveness("/healthz")] [Route("/v1/greeter")]
            public sealed class Svc { }
            public static partial class Greeter { static readonly string __ServiceName = "greet.Greeter"; public abstract partial class GreeterBase { } }
            public sealed class GreeterService : Greeter.GreeterBase { }
            """], null, () => [ReviewHarness.Library("""
                using Microsoft.Extensions.DependencyInjection; using Grpc.AspNetCore.Server;
                namespace Lib;
                public static class Transcoding { public static IGrpcServerBuilder AddJsonTranscoding(this IGrpcServerBuilder b) => b; }
                """)], false),

        ["E18_startup_class_UseEndpoints"] = (["""
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;
            Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w.UseStartup<Startup>()).Build().Run();
            public class Startup {
              public void ConfigureServices(IServiceCollection services) { services.AddHealthChecks(); services.AddControllers(); }
              public void Configure(IApplicationBuilder app, IWebHostEnvironment env) {
                app.UseRouting();
                app.UseEndpoints(e => { e.MapHealthChecks("/health"); e.MapControllers(); e.MapGet("/", () => "hi"); });
              }
            }
            [Deployment] [Port(8080)] [Liveness("/health")] [Readiness("/api/ping")] [Route("/")]
            public sealed class Svc { }
            namespace Api { using Microsoft.AspNetCore.Mvc; [ApiController, Route("api")] public class PingController : ControllerBase { [HttpGet("ping")] public string Ping() => "pong"; } }
            """], null, null, false),

        ["E19_const_and_interpolated_paths_helpers_called_twice"] = (["""
            var app = WebApplication.Create(args);
            app.MapGet(Paths.Health, () => "ok");
            app.MapGroup(Paths.V1).MapUsers();
            app.MapGroup("/v2").MapUsers();
            app.MapMethods("/ready", new[] { "HEAD", "get" }, () => "ok");
            app.Run();
            static class Paths { public const string Root = "/internal"; public const string Health = $"{Root}/health"; public const string V1 = "/v1"; }
            static class UserEndpoints { public static void MapUsers(this IEndpointRouteBuilder g) { var u = g.MapGroup("users"); u.MapGet("{id:guid}", (Guid id) => id); u.MapGet("{**rest}", (string rest) => rest); } }
            [Deployment] [Port(8080)] [Liveness("/internal/health")] [Readiness("/ready")] [Startup("/v2/users/2f1c0f8e-1111-4c4c-9999-000000000000")] [Route("/v1/users")] [Route("/V2/Users/x/y", PathType = PathType.Exact)]
            public sealed class Svc { }
            """], null, null, false),

        ["E20_minimal_api_in_other_partial_and_local_function"] = (["""
            var app = WebApplication.Create(args);
            MapLocal(app.MapGroup("/local"));
            Program.MapPartial(app);
            app.Run();
            static void MapLocal(IEndpointRouteBuilder r) => r.MapGet("/ready", () => "ok");
            [Deployment] [Port(8080)] [Liveness("/partial/live")] [Readiness("/local/ready")]
            public sealed class Svc { }
            """, """
            using Microsoft.AspNetCore.Builder; using Microsoft.AspNetCore.Http;
            public partial class Program { internal static void MapPartial(WebApplication app) => app.MapGet("/partial/live", () => "ok"); }
            """], null, null, false),

        ["E21_area_route_on_base_class_httpget_plus_route"] = ([Ctl + """

            [Deployment] [Port(8080)] [Liveness("/admin/Users/list")] [Readiness("/admin/users/ping")] [Startup("/base/ok")]
            public sealed class Svc { }
            namespace Api {
              using Microsoft.AspNetCore.Mvc;
              [Route("[area]/[controller]")] public abstract class AdminBase : ControllerBase { }
              [Area("admin"), ApiController]
              public class UsersController : AdminBase {
                [HttpGet, Route("list")] public string List() => "l";
                [AcceptVerbs("GET", "HEAD", Route = "ping")] public string Ping() => "p";
              }
              [Route("base")] public class BaseOkController : Controller { [HttpGet("/base/ok")] public string Ok2() => "ok"; }
            }
            """], null, null, false),
    };

    /// <summary>What a case reports when it is not silent: the app really does not serve the path, or the key has no source.</summary>
    private static readonly Dictionary<string, string[]> Reported = [];

    public static TheoryData<string> Cases() => [.. All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string name)
    {
        var c = All[name];
        var ids = ReviewHarness.Ids(c.Sources, c.Files, c.Refs?.Invoke());
        Assert.Equal(Reported.GetValueOrDefault(name, []), ids);
    }
}
