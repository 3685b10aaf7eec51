using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using K8sGen.Generator;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Benchmarks;

/// <summary>
/// G2–G4 and S1 of performance.md: a full generator run, a re-run after an unrelated edit, and their
/// allocations, at 1, 100 and 1000 synthetic services, against an empty generator as the baseline.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private GeneratorDriver _warmLookupDriver = null!;

    [Params(1, 100, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticProject.Create(Services);
        _edited = SyntheticProject.EditUnrelatedMethod(_compilation);

        // Bind everything once, as the IDE has by the time a keystroke arrives (warm).
        _ = _compilation.GetDiagnostics();
        _ = _edited.GetDiagnostics();
        _warmDriver = Driver(new K8sGenGenerator()).RunGenerators(_compilation);
        _warmLookupDriver = Driver(new LookupOnlyGenerator()).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "empty generator, full run")]
    public GeneratorDriver EmptyGenerator() => Driver(new EmptyGenerator()).RunGenerators(_compilation);

    [Benchmark(Description = "attribute lookup only, full run")]
    public GeneratorDriver LookupOnly() => Driver(new LookupOnlyGenerator()).RunGenerators(_compilation);

    // One lookup per workload attribute, as K8sGen must make them: the floor under G2.
    [Benchmark(Description = "every workload attribute's lookup only, full run")]
    public GeneratorDriver LookupEveryWorkload() => Driver(new LookupEveryWorkloadGenerator()).RunGenerators(_compilation);

    // Roslyn re-runs every attribute transform when the compilation changes: the floor under G3.
    [Benchmark(Description = "attribute lookup only, re-run after unrelated edit")]
    public GeneratorDriver LookupOnlyRerun() => _warmLookupDriver.RunGenerators(_edited);

    [Benchmark(Description = "K8sGen, full run (G2)")]
    public GeneratorDriver FullRun() => Driver(new K8sGenGenerator()).RunGenerators(_compilation);

    [Benchmark(Description = "K8sGen, re-run after unrelated edit (G3)")]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    internal static GeneratorDriver Driver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], optionsProvider: SyntheticProject.Options);
}

/// <summary>Does nothing: what any generator costs the driver.</summary>
public sealed class EmptyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}

/// <summary>
/// Finds the workload classes exactly as K8sGen does and does nothing else: the cost any
/// attribute-driven generator pays, so K8sGen's own share is the difference.
/// </summary>
public sealed class LookupOnlyGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "K8sGen.DeploymentAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names, static (_, _) => { });
    }
}

/// <summary>
/// The attribute lookup K8sGen makes: one <c>ForAttributeWithMetadataName</c> per workload attribute, nothing else.
/// What finding the classes costs before K8sGen reads a single attribute.
/// </summary>
public sealed class LookupEveryWorkloadGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        foreach (var attribute in KnownTypes.Workloads)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (ctx, _) => ctx.TargetSymbol.Name);
            context.RegisterSourceOutput(names, static (_, _) => { });
        }
    }
}

/// <summary>Builds the 1/100/1000-service inputs in code, so the benchmark needs no fixtures.</summary>
internal static class SyntheticProject
{
    public static readonly AnalyzerConfigOptionsProvider Options = new PropertiesProvider();

    public static CSharpCompilation Create(int services)
    {
        var trees = Enumerable.Range(0, services)
            .Select(i => CSharpSyntaxTree.ParseText(Service(i), path: $"Service{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(Helpers(42), path: "Helpers.cs"));
        return CSharpCompilation.Create(
            "Shop.Synthetic",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(K8sGen.DeploymentAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    public static CSharpCompilation EditUnrelatedMethod(CSharpCompilation compilation)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "Helpers.cs");
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Helpers(43), path: "Helpers.cs"));
    }

    private static string Helpers(int answer) => $"public static class Helpers {{ public static int Answer() => {answer}; }}";

    // Every Deployment attribute of the API, so the numbers include all of parsing, validation and emission.
    private static string Service(int i) => $$"""
        using K8sGen;
        namespace Shop.Synthetic;
        [Deployment(Namespace = "shop")]
        [Port(8080)] [Port(9090, Name = "metrics")]
        [Route("/api/s{{i}}", Host = "api.shop.example", IngressClass = "nginx", TlsSecret = "api-tls")]
        [Scrape(Port = "metrics", Interval = "30s", ServiceMonitor = true)]
        [Liveness("/healthz")] [Readiness("/ready")] [Startup("/started", FailureThreshold = 30)]
        [Resources(CpuRequest = "100m", MemoryRequest = "128Mi", CpuLimit = "500m", MemoryLimit = "256Mi")]
        [Env("INDEX", "{{i}}")] [EnvFromSecret("DB_PASSWORD", Secret = "db", Key = "password")]
        [Label("team", "t{{i % 7}}")] [Annotation("owner", "team{{i % 7}}@shop.example")]
        [Autoscale(Min = 2, Max = 6, CpuUtilization = 70)] [DisruptionBudget(MaxUnavailable = "1")]
        [Sidecar("proxy", "envoyproxy/envoy:v1.31.0", Ports = new[] { 9901 })]
        [HttpRoute("/api/s{{i}}", Gateway = "shop-gateway", Hostname = "api.shop.example")]
        [DependsOn("orders")] [NetworkPolicy]
        [Environment("production", Namespace = "shop-prod", Host = "api.shop.example")]
        public sealed class Service{{i}} { public int Work() => {{i}}; }
        """;

    private sealed class PropertiesProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly Properties Global = new();

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global;
    }

    private sealed class Properties : AnalyzerConfigOptions
    {
        private static readonly Dictionary<string, string> Values = new()
        {
            ["build_property.RootNamespace"] = "Shop.Synthetic",
            ["build_property.ContainerRepository"] = "shop/synthetic",
            ["build_property.ContainerImageTag"] = "1.0.0",
        };

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            Values.TryGetValue(key, out value);
    }
}

/// <summary>
/// Finds the workload classes as K8sGen does and adds, for each, a file given to it (K8sGen's own output of a
/// first run): what the driver charges for taking that much text, K8sGen's contract, with none of K8sGen's work.
/// </summary>
public sealed class OutputOnlyGenerator(IReadOnlyDictionary<string, (string HintName, string Source)> outputs) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider.ForAttributeWithMetadataName(
            "K8sGen.DeploymentAttribute",
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (ctx, _) => ctx.TargetSymbol.Name);
        context.RegisterSourceOutput(names, (spc, name) =>
        {
            if (outputs.TryGetValue(name, out var output))
            {
                spc.AddSource(output.HintName, output.Source);
            }
        });
    }

    /// <summary>K8sGen's per-workload files of one run, by class name.</summary>
    public static IReadOnlyDictionary<string, (string HintName, string Source)> From(GeneratorDriver driver) =>
        driver.GetRunResult().Results[0].GeneratedSources
            .Where(s => s.HintName.StartsWith("K8sManifests.Shop.", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName.Split('.')[^4], s => (s.HintName, s.SourceText.ToString()));
}
