using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>
/// What [Port] declares is what an ASP.NET Core app listens on: K8sGen sets ASPNETCORE_HTTP_PORTS (the base
/// images set 8080), and where the app chooses its own addresses that leave a declared port out, KSG1015 says so.
/// </summary>
public class ListenPortTests
{
    private const string Workload = """
        using K8sGen;
        [Deployment] [Port(5000)] [Route("/v1/orders")] [Liveness("/live")] [Readiness("/ready")]
        public sealed class OrdersService { }
        """;

    [Fact]
    public void An_aspnetcore_app_listens_on_every_declared_port()
    {
        var run = Run("""
            using K8sGen;
            [Deployment] [Port(5000)] [Port(9090, Name = "admin")] [Env("LOG_LEVEL", "info")] [DependsOn("users")]
            public sealed class OrdersService { }
            """);

        var yaml = run.AssertClean().SingleManifest();
        Assert.Contains("""
                    env:
                    - name: LOG_LEVEL
                      value: info
                    - name: ASPNETCORE_HTTP_PORTS
                      value: "5000;9090"
                    - name: USERS_URL
                      value: "http://users:80"

            """, yaml);
    }

    [Fact]
    public void A_project_without_kestrel_is_left_alone()
    {
        var yaml = GeneratorHarness.Run(Workload, TestProperties.Default).AssertClean().SingleManifest();

        Assert.DoesNotContain("ASPNETCORE", yaml);
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://+:5000")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "5000")]
    public void An_app_that_sets_its_own_address_to_the_declared_port_keeps_it_and_is_no_warning(string name, string value)
    {
        var yaml = Run(Workload.Replace("[Deployment]", $"[Deployment] [Env(\"{name}\", \"{value}\")]")).AssertClean().SingleManifest();

        Assert.Contains($"- name: {name}\n", yaml);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(yaml, "- name: ASPNETCORE_"));
    }

    [Fact]
    public void An_env_listen_address_on_another_port_is_a_warning_at_the_port()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [Deployment] [Port([|5000|])] [Env("ASPNETCORE_URLS", "http://+:6000;http://localhost:5000")]
            public sealed class OrdersService { }
            """);

        var diagnostic = Assert.Single(Run(source).K8sGenDiagnostics);

        Assert.Equal("KSG1015", diagnostic.Id);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "The app listens on 6000 ([Env(\"ASPNETCORE_URLS\")]), not on port 5000 that [Port] declares: the Service, routes and probes would reach nothing there. Declare the port the app listens on, or remove [Env(\"ASPNETCORE_URLS\")] and let K8sGen set ASPNETCORE_HTTP_PORTS.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("builder.WebHost.UseUrls(\"http://*:6000\");", "6000", "UseUrls at Workload1.cs(3,1)")]
    [InlineData("builder.WebHost.UseUrls(\"http://*:5000\", \"http://*:6000\");", null, null)]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(6000));", "6000", "ListenAnyIP at Workload1.cs(3,39)")]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(5000));", null, null)]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(5000));", "no port that other pods reach", "ListenLocalhost at Workload1.cs(3,39)")]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 5000));", "no port that other pods reach", "Listen at Workload1.cs(3,39)")]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Any, 5000));", null, null)]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(int.Parse(\"6000\")));", null, null)]
    [InlineData("builder.WebHost.UseUrls(System.Environment.GetEnvironmentVariable(\"URLS\")!);", null, null)]
    [InlineData("var app = builder.Build(); app.Run(\"http://0.0.0.0:6000\");", "6000", "app.Run at Workload1.cs(3,28)")]
    [InlineData("var app = builder.Build(); app.Urls.Add(\"http://0.0.0.0:6000\");", "6000", "app.Urls.Add at Workload1.cs(3,28)")]
    [InlineData("var app = builder.Build(); app.Run();", null, null)]
    public void Listen_addresses_chosen_in_code_are_checked_when_they_are_literals(string code, string? listened, string? where)
    {
        var program = "using Microsoft.AspNetCore.Hosting;\nvar builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();\n" + code + "\n";
        var compilation = GeneratorHarness.Compile([Workload, program], aspNetCore: true)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));

        var run = GeneratorHarness.Run(compilation, TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var warnings = run.K8sGenDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        if (listened is null)
        {
            Assert.Empty(warnings);
            return;
        }

        var warning = Assert.Single(warnings);
        Assert.Equal("KSG1015", warning.Id);
        Assert.StartsWith($"The app listens on {listened} ({where}), not on port 5000", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Code_endpoints_outrank_the_environment()
    {
        // ListenAnyIP(5000) in code wins over the [Env] address: the app does listen on 5000.
        var program = "using Microsoft.AspNetCore.Hosting;\nvar builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();\nbuilder.WebHost.ConfigureKestrel(k => k.ListenAnyIP(5000));\n";
        var workload = Workload.Replace("[Deployment]", "[Deployment] [Env(\"ASPNETCORE_URLS\", \"http://+:6000\")]");
        var compilation = GeneratorHarness.Compile([workload, program], aspNetCore: true)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));

        var run = GeneratorHarness.Run(compilation, TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("""{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:7000" } } } }""", "7000 (Kestrel:Endpoints:Http:Url in appsettings.json)")]
    [InlineData("""
        // comments and trailing commas, as ASP.NET Core reads them
        { "kestrel": { "endpoints": { "Web": { "url": "http://*:7000", }, /* more */ }, }, }
        """, "7000 (Kestrel:Endpoints:Web:Url in appsettings.json)")]
    [InlineData("""{ "urls": "http://*:7000;http://*:7001" }""", "7000, 7001 (urls in appsettings.json)")]
    [InlineData("""{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://0.0.0.0:5000" } } } }""", null)]
    [InlineData("""{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""", null)]
    [InlineData("""{ "Kestrel": { "Endpoints": """, null)]
    public void Listen_addresses_in_appsettings_are_checked(string json, string? expected)
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(Workload, aspNetCore: true), TestProperties.Default, new Dictionary<string, string> { ["appsettings.json"] = json });

        var warnings = run.K8sGenDiagnostics.ToList();
        if (expected is null)
        {
            Assert.Empty(warnings);
            return;
        }

        Assert.StartsWith("The app listens on " + expected + ", not on port 5000", Assert.Single(warnings).GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_project_without_kestrel_is_not_checked()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Compile(Workload.Replace("[Deployment]", "[Deployment] [Env(\"ASPNETCORE_URLS\", \"http://+:6000\")]")),
            TestProperties.Default,
            new Dictionary<string, string> { ["appsettings.json"] = """{ "urls": "http://*:7000" }""" });

        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Fact]
    public void A_workload_that_runs_another_image_is_left_alone()
    {
        var program = "using Microsoft.AspNetCore.Hosting;\nvar builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();\nbuilder.WebHost.UseUrls(\"http://+:5000\");\n";
        var redis = "using K8sGen;\n[Deployment(Name = \"redis\", Image = \"redis:7.2\")] [Port(6379)] public sealed class Redis { }\n";

        var run = GeneratorHarness.Run(ConsoleApp(Workload, redis, program), TestProperties.Default);

        Assert.Empty(run.K8sGenDiagnostics);
        Assert.DoesNotContain("ASPNETCORE", run.Manifest("Redis"));
        Assert.Contains("ASPNETCORE_HTTP_PORTS", run.Manifest("Orders"));
    }

    [Fact]
    public void With_https_ports_of_its_own_the_other_declared_ports_are_the_http_ones()
    {
        var run = Run("""
            using K8sGen;
            [Deployment] [Port(8080)] [Port(8443, Name = "https")] [Env("ASPNETCORE_HTTPS_PORTS", "8443")]
            public sealed class OrdersService { }
            """);

        var yaml = run.AssertClean().SingleManifest();
        Assert.Contains("- name: ASPNETCORE_HTTPS_PORTS\n          value: \"8443\"\n        - name: ASPNETCORE_HTTP_PORTS\n          value: \"8080\"\n", yaml);
    }

    [Theory]
    [InlineData("appsettings.Development.json", null, false)] // the container runs as Production
    [InlineData("appsettings.Development.json", "Development", true)]
    [InlineData("appsettings.Production.json", null, true)]
    [InlineData("appsettings.production.json", null, false)] // not the file a Linux container loads
    public void Environment_specific_appsettings_count_only_in_their_environment(string file, string? environment, bool warns)
    {
        var workload = environment is null ? Workload : Workload.Replace("[Deployment]", $"[Deployment] [Env(\"ASPNETCORE_ENVIRONMENT\", \"{environment}\")]");
        var settings = new Dictionary<string, string> { [file] = """{ "Kestrel": { "Endpoints": { "Http": { "Url": "http://localhost:5000" } } } }""" };

        var run = GeneratorHarness.Run(GeneratorHarness.Compile(workload, aspNetCore: true), TestProperties.Default, settings);

        Assert.Equal(warns ? ["KSG1015"] : [], run.K8sGenDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Appsettings_outside_the_project_folder_do_not_count()
    {
        var properties = new Dictionary<string, string>(TestProperties.Default) { ["MSBuildProjectDirectory"] = "/project/Orders" };
        var settings = new Dictionary<string, string> { ["Orders/tests/appsettings.json"] = """{ "urls": "http://*:7000" }""" };

        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Compile(Workload, aspNetCore: true), properties, settings).K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("builder.WebHost.ConfigureKestrel(k => k.Listen(new System.Net.IPEndPoint(System.Net.IPAddress.Any, 5000)));", "")]
    [InlineData("builder.WebHost.ConfigureKestrel(k => { k.Listen(new System.Net.IPEndPoint(System.Net.IPAddress.Any, 5000)); k.ListenLocalhost(5001); });", "")]
    [InlineData("if (builder.Environment.IsDevelopment()) builder.WebHost.UseUrls(\"http://localhost:6000\");", "")]
    [InlineData("Dev.Configure(builder);", "static class Dev { public static void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder b) => b.WebHost.UseUrls(\"http://*:6000\"); }")]
    [InlineData("builder.WebHost.UseUrls(\"\");", "")]
    public void Addresses_K8sGen_cannot_prove_keep_the_check_silent(string code, string more)
    {
        var program = "using Microsoft.AspNetCore.Hosting;\nusing Microsoft.Extensions.Hosting;\nvar builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();\n" + code + "\n" + more + "\n";

        var run = GeneratorHarness.Run(ConsoleApp(Workload, program), TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("Kestrel__Endpoints__Http__Url", "http://+:5000")]
    [InlineData("URLS", "http://+:5000")]
    [InlineData("DOTNET_URLS", "http://+:5000")]
    [InlineData("ASPNETCORE_URLS", "")]
    public void Settings_K8sGen_does_not_read_keep_the_check_silent(string name, string value)
    {
        var workload = Workload.Replace("[Deployment]", $"[Deployment] [Env(\"{name}\", \"{value}\")]");
        var settings = new Dictionary<string, string> { ["appsettings.json"] = """{ "urls": "http://*:7000", "Other": { "urls": "" } }""" };

        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Compile(workload, aspNetCore: true), TestProperties.Default, settings).K8sGenDiagnostics);
    }

    [Fact]
    public void An_empty_urls_setting_is_no_setting()
    {
        var settings = new Dictionary<string, string> { ["appsettings.json"] = """{ "urls": "" }""" };

        Assert.Empty(GeneratorHarness.Run(GeneratorHarness.Compile(Workload, aspNetCore: true), TestProperties.Default, settings).K8sGenDiagnostics);
    }

    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation ConsoleApp(params string[] sources) =>
        GeneratorHarness.Compile(sources, aspNetCore: true)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));

    private static GeneratorRun Run(string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(source, aspNetCore: true), TestProperties.Default);
}
