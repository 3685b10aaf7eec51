using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using K8sGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Benchmarks;

/// <summary>
/// A1 of performance.md: the analyzer (every KSG1xxx, the app checks with endpoint and configuration discovery
/// included) on a web app with 100 workloads and 1000 endpoints, against an analyzer that only subscribes to the
/// same operations (the walk any such analyzer pays) — what the IDE's background analysis spends on K8sGen.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticWebApp.Create(workloads: 100, endpointsPerWorkload: 10);
        _ = _compilation.GetDiagnostics();
    }

    [Benchmark(Baseline = true, Description = "operation walk only, 100 workloads / 1000 endpoints")]
    public ImmutableArray<Diagnostic> OperationWalk() => Analyze(new OperationWalker());

    [Benchmark(Description = "K8sGen analyzer, 100 workloads / 1000 endpoints (A1)")]
    public ImmutableArray<Diagnostic> K8sGen() => Analyze(new K8sGenAnalyzer());

    /// <summary>The time spent in each analyzer's own actions (Roslyn's telemetry), both analyzers in one run.</summary>
    internal IEnumerable<(string Name, TimeSpan Time)> ActionTimes()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationWalker(), new K8sGenAnalyzer());
        var run = _compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([], SyntheticProject.Options), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        _ = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        foreach (var analyzer in analyzers)
        {
            yield return (analyzer.GetType().Name, run.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime);
        }
    }

    internal ImmutableArray<Diagnostic> Analyze(DiagnosticAnalyzer analyzer) =>
        _compilation.WithAnalyzers([analyzer], new AnalyzerOptions([], SyntheticProject.Options)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}

/// <summary>Subscribes to what K8sGen's analyzer subscribes to and does nothing: the floor under A1.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationWalker : DiagnosticAnalyzer
{
    // One descriptor: an analyzer that can report nothing is skipped by the driver, which would make the floor zero.
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterOperationAction(_ => { }, Microsoft.CodeAnalysis.OperationKind.Invocation, Microsoft.CodeAnalysis.OperationKind.PropertyReference);
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}

/// <summary>
/// A web app as teams write them: per workload a group of endpoints mapped in a helper (parameters and
/// constraints included), health checks, a metrics endpoint, configuration reads; each workload routes,
/// probes and scrapes paths the app serves, so the checks run to the end and report nothing.
/// </summary>
internal static class SyntheticWebApp
{
    public static CSharpCompilation Create(int workloads, int endpointsPerWorkload)
    {
        var program = new System.Text.StringBuilder("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.MapHealthChecks("/ready");
            app.MapGet("/metrics", () => "");

            """);
        var trees = new List<SyntaxTree>();
        for (var w = 0; w < workloads; w++)
        {
            program.Append($"app.MapGroup(\"/api/s{w}\").MapService{w}();\n");
            program.Append($"var setting{w} = builder.Configuration[\"Services:S{w}:Url\"];\n");
            var endpoints = string.Concat(Enumerable.Range(0, endpointsPerWorkload).Select(e => e % 2 == 0
                ? $"        group.MapGet(\"/items{e}/{{id:int}}\", (int id) => id);\n"
                : $"        group.MapPost(\"/items{e}\", () => \"created\");\n"));
            trees.Add(CSharpSyntaxTree.ParseText($$"""
                using K8sGen;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                [Deployment] [Port(8080)] [Route("/api/s{{w}}", Host = "api.shop.example")] [Liveness("/healthz")] [Readiness("/ready")] [Scrape]
                [Env("Services__S{{w}}__Url", "http://s{{w}}")]
                public sealed class Service{{w}} { }

                public static class Service{{w}}Endpoints
                {
                    public static RouteGroupBuilder MapService{{w}}(this RouteGroupBuilder group)
                    {
                {{endpoints}}        return group;
                    }
                }
                """, path: $"Service{w}.cs"));
        }

        program.Append("app.Run();\n");
        trees.Add(CSharpSyntaxTree.ParseText(program.ToString(), path: "Program.cs"));
        var aspNetCore = Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "Microsoft.*.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return CSharpCompilation.Create(
            "Shop.SyntheticWeb",
            trees,
            [.. Net100.References.All, .. aspNetCore, MetadataReference.CreateFromFile(typeof(K8sGen.DeploymentAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    }
}
