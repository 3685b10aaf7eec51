using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sGen.Generator.Tests;

/// <summary>
/// The Shop's own services (their real sources, with the Web SDK's implicit usings) pass the app checks, and
/// the checks are really at work on them: a probe moved off what the service maps is a warning.
/// </summary>
public class ShopAppChecksTests
{
    /// <summary>What <c>Microsoft.NET.Sdk.Web</c> with <c>ImplicitUsings</c> adds to every file.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    [Theory]
    [InlineData("Web", "WebService.cs")]
    [InlineData("Users.V1", "UsersV1Service.cs")]
    [InlineData("Users.V2", "UsersV2Service.cs")]
    public void Every_Shop_service_passes_the_app_checks(string project, string workload)
    {
        var run = Run(project, workload, s => s);

        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("Web", "WebService.cs", "[Readiness(\"/ready\")]", "[Readiness(\"/readyz\")]", "KSG1170")]
    [InlineData("Users.V1", "UsersV1Service.cs", "[Route(\"/v1/users\"", "[Route(\"/v1/customers\"", "KSG1171")]
    [InlineData("Users.V2", "UsersV2Service.cs", "[Scrape(", "[Scrape(Path = \"/prometheus\", ", "KSG1172")]
    public void The_checks_are_at_work_on_the_Shop(string project, string workload, string declared, string changed, string id)
    {
        var run = Run(project, workload, s => s.Replace(declared, changed));

        Assert.Equal([id], run.K8sGenDiagnostics.Select(d => d.Id));
    }

    private static GeneratorRun Run(string project, string workload, Func<string, string> edit)
    {
        var shop = Path.Combine(Repository(), "samples", "Shop");
        var sources = new[]
        {
            ImplicitUsings,
            File.ReadAllText(Path.Combine(shop, project, "Program.cs")),
            edit(File.ReadAllText(Path.Combine(shop, project, workload))),
        }.Concat(Directory.GetFiles(Path.Combine(shop, "Shared"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var compilation = GeneratorHarness.Compile(sources, aspNetCore: true)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var run = GeneratorHarness.Run(compilation, TestProperties.Default);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return run;
    }

    private static string Repository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "K8sGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("K8sGen.sln not found above " + AppContext.BaseDirectory);
    }
}
