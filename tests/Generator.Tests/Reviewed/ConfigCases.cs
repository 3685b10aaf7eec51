using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests.Reviewed;

public class ReviewConfigCases
{
    private const string Tail = """

        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.Run();
        """;

    private const string Workload = """

        [Deployment] [Port(8080)] [Liveness("/healthz")] [Readiness("/healthz")]
        [Env("Payments__ApiKey", "k")] [Env("Db__Host", "db")]
        public sealed class Svc { }
        """;

    private static (string[], IReadOnlyDictionary<string, string>?, Func<MetadataReference[]>?) C(string body, IReadOnlyDictionary<string, string>? files = null, Func<MetadataReference[]>? refs = null, string extra = "") =>
        (["var builder = WebApplication.CreateBuilder(args);\n" + body + Tail + Workload + extra], files, refs);

    private static readonly Dictionary<string, (string[] Sources, IReadOnlyDictionary<string, string>? Files, Func<MetadataReference[]>? Refs)> All = new()
    {
        ["C01_get_section_get_with_default"] = C("""var cors = builder.Configuration.GetSection("Cors").Get<CorsOptions>() ?? new CorsOptions();""", extra: "public sealed class CorsOptions { public string[] Origins { get; set; } = []; }"),
        ["C02_local_then_null_check"] = C("""
            var redis = builder.Configuration.GetConnectionString("redis");
            if (!string.IsNullOrEmpty(redis)) { Console.WriteLine(redis); }
            var flag = builder.Configuration["Features:Beta"];
            if (flag is not null) Console.WriteLine(flag);
            """),
        ["C03_field_IConfiguration_holding_section"] = C("""builder.Services.AddSingleton<PaymentClient>();""", extra: """
            public sealed class PaymentClient
            {
                private readonly IConfiguration _payments;
                public PaymentClient(IConfiguration configuration) => _payments = configuration.GetSection("Payments");
                public string Key => _payments["ApiKey"]!;
            }
            """),
        ["C04_ctor_IConfiguration_param_given_a_section"] = C("""builder.Services.AddSingleton(new PaymentClient(builder.Configuration.GetSection("Payments")));""", extra: """
            public sealed class PaymentClient(IConfiguration payments) { public string Key { get; } = payments["ApiKey"]!; }
            """),
        ["C05_sources_add_memory_source"] = C("""
            builder.Configuration.Sources.Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = new Dictionary<string, string?> { ["Region"] = "eu" } });
            var region = builder.Configuration["Region"];
            """),
        ["C05b_iconfigurationbuilder_add_source"] = C("""
            ((IConfigurationBuilder)builder.Configuration).Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = new Dictionary<string, string?> { ["Region"] = "eu" } });
            var region = builder.Configuration["Region"];
            """),
        ["C06_library_extension_on_builder_adds_provider"] = C("""
            builder.AddRemoteSettings();
            var region = builder.Configuration["Region"];
            """, refs: () => [ReviewHarness.Library("""
                using Microsoft.AspNetCore.Builder; using Microsoft.Extensions.Configuration; using System.Collections.Generic;
                public static class Remote { public static void AddRemoteSettings(this WebApplicationBuilder b) => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Region"] = "eu" }); }
                """)]),
        ["C07_appsettings_named_file_outside_project_dir"] = C("""
            builder.Configuration.AddJsonFile("/etc/config/appsettings.json", optional: true);
            var region = builder.Configuration["Region"];
            """),
        ["C08_explicit_extra_appsettings_file_in_project"] = C("""
            builder.Configuration.AddJsonFile("appsettings.Shared.json");
            var region = builder.Configuration["Region"];
            """, files: new Dictionary<string, string> { ["appsettings.json"] = "{}", ["appsettings.Shared.json"] = """{ "Region": "eu" }""" }),
        ["C09_service_link_as_configuration_key"] = C("""var redis = builder.Configuration["REDIS_SERVICE_HOST"];"""),
        ["C10_host_keys_always_set"] = C("""
            var env = builder.Configuration["environment"];
            var name = builder.Configuration[Microsoft.Extensions.Hosting.HostDefaults.ApplicationKey];
            var root = builder.Configuration[Microsoft.AspNetCore.Hosting.WebHostDefaults.ContentRootKey];
            """),
        ["C11_fallback_chain"] = C("""
            var db = builder.Configuration["Db:Host"] ?? builder.Configuration["DATABASE_HOST"];
            var key = Environment.GetEnvironmentVariable("Payments__ApiKey") ?? Environment.GetEnvironmentVariable("PAYMENTS_KEY");
            """),
        ["C12_section_local_reassigned"] = C("""
            var s = builder.Configuration.GetSection("Other");
            s = builder.Configuration.GetSection("Payments");
            var key = s["ApiKey"];
            """),
        ["C13_property_named_Configuration_is_a_section"] = C("""builder.Services.AddSingleton<Module>();""", extra: """
            public sealed class Module(IConfiguration root) { public IConfiguration Configuration { get; } = root.GetSection("Payments"); public string Key => Configuration["ApiKey"]!; }
            """),
        ["C14_switch_and_tryparse_handle_missing"] = C("""
            var mode = builder.Configuration["Mode"] switch { null => "a", var m => m };
            var ok = int.TryParse(builder.Configuration["Workers"], out var workers);
            """),
        ["C15_options_bound_from_appsettings_env_from_secret_env"] = (["var builder = WebApplication.CreateBuilder(args);\nvar x = builder.Configuration[\"Region\"];" + Tail + """

            [Deployment] [Port(8080)] [Liveness("/healthz")] [EnvFromSecret("ASPNETCORE_ENVIRONMENT", Secret = "s", Key = "env")]
            public sealed class Svc { }
            """], new Dictionary<string, string> { ["appsettings.json"] = "{}", ["appsettings.Staging.json"] = """{ "Region": "eu" }""" }, null),
        ["C16_value_type_getvalue_and_dev_only"] = C("""
            var swagger = builder.Configuration.GetValue<bool>("EnableSwagger");
            if (builder.Environment.IsDevelopment()) { var dev = builder.Configuration["DevTools:Url"]; }
            """),
        ["C17_env_var_from_image_or_dotnet"] = C("""
            var a = Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER");
            var b = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
            var c = Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_PORT_HTTPS");
            var d = Environment.GetEnvironmentVariable("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            """),
        ["C18_conn_string_on_section_and_get_twice"] = C("""
            var cs = builder.Configuration.GetSection("Tenant").GetConnectionString("main");
            var opts = builder.Configuration.GetSection("Cors").Get<string[]>();
            """),
    };

    /// <summary>What a case reports when it is not silent: the app really does not serve the path, or the key has no source.</summary>
    private static readonly Dictionary<string, string[]> Reported = new()
    {
        ["C18_conn_string_on_section_and_get_twice"] = ["KSG1174", "KSG1174"],
    };

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
