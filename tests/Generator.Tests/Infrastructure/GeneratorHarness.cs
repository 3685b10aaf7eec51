using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles C# source with the K8sGen generator and analyzer, as a consuming project's build would:
/// real reference assemblies, MSBuild properties as <c>build_property.*</c> options.
/// </summary>
internal static class GeneratorHarness
{
    public const string TestFile = "Workload.cs";

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(DeploymentAttribute).Assembly.Location),
    ];

    /// <summary>
    /// An ASP.NET Core app's references: the shared framework this test process runs on (the same assemblies
    /// a web project compiles against, in their implementation form).
    /// </summary>
    private static readonly ImmutableArray<MetadataReference> AspNetCoreReferences =
    [
        .. References,
        .. Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!, "*.dll")
            .Where(path => Path.GetFileName(path).StartsWith("Microsoft.", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path)),

        // Libraries that map endpoints (OpenTelemetry's and prometheus-net's /metrics, gRPC), from this test's output.
        .. new[] { "OpenTelemetry*.dll", "Prometheus*.dll", "Grpc*.dll" }
            .SelectMany(pattern => Directory.GetFiles(AppContext.BaseDirectory, pattern))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ];

    public static CSharpCompilation Compile(string source, string assemblyName = "Tests", bool aspNetCore = false) =>
        Compile([source], assemblyName, aspNetCore);

    public static CSharpCompilation Compile(IEnumerable<string> sources, string assemblyName = "Tests", bool aspNetCore = false) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: i == 0 ? TestFile : $"Workload{i}.cs")),
            aspNetCore ? AspNetCoreReferences : References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string>? properties = null, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new K8sGenGenerator().AsSourceGenerator()],
            optionsProvider: new TestOptionsProvider(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Run(string source, IReadOnlyDictionary<string, string>? properties = null, string assemblyName = "Tests") =>
        Run(Compile(source, assemblyName), properties);

    /// <param name="additionalFiles">File name → text, as MSBuild passes <c>AdditionalFiles</c> (e.g. appsettings.json).</param>
    public static GeneratorRun Run(CSharpCompilation compilation, IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, string>? additionalFiles = null)
    {
        var texts = (additionalFiles ?? new Dictionary<string, string>()).Select(file => (AdditionalText)new InMemoryAdditionalText("/project/" + file.Key, file.Value)).ToImmutableArray();
        var driver = CreateDriver(properties).AddAdditionalTexts(texts).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzerExceptions = new ConcurrentBag<Exception>();
        var analyzerOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(texts, new TestOptionsProvider(properties)),
            onAnalyzerException: (exception, _, _) => analyzerExceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = output
            .WithAnalyzers([new K8sGenAnalyzer()], analyzerOptions)
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return new GeneratorRun(output, generatorDiagnostics.AddRange(diagnostics), [.. analyzerExceptions], driver.GetRunResult());
    }
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
}

/// <summary>The outcome of one generator + analyzer run.</summary>
internal sealed record GeneratorRun(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> AnalyzerExceptions, GeneratorDriverRunResult Result)
{
    /// <summary>K8sGen's diagnostics but the policy's (KSG3xxx): every run also runs the policy checks (so a crash in them
    /// fails any test), but only the policy tests look at what they report (<see cref="PolicyDiagnostics"/>).</summary>
    public IEnumerable<Diagnostic> K8sGenDiagnostics => Diagnostics.Where(d => d.Id.StartsWith("KSG", StringComparison.Ordinal) && !IsPolicy(d));

    /// <summary>The policy's diagnostics (KSG3xxx).</summary>
    public IEnumerable<Diagnostic> PolicyDiagnostics => Diagnostics.Where(IsPolicy);

    private static bool IsPolicy(Diagnostic diagnostic) => diagnostic.Id.StartsWith("KSG3", StringComparison.Ordinal);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The value of <c>K8sManifests.&lt;member&gt;</c> as the compiler sees it (so the C# literal itself is tested), or null.</summary>
    public string? Manifest(string member) => Constant(member);

    /// <summary>The value of <c>K8sManifests.All</c>, or null when nothing was generated.</summary>
    public string? All => Constant("All");

    public string SingleManifest()
    {
        AssertClean();
        var fields = ManifestFields().Where(f => f.Name != "All").ToList();
        Assert.Single(fields);
        return (string)fields[0].ConstantValue!;
    }

    /// <summary>Fails with the diagnostics when the run has any error or warning (the policy's aside), or the generator or analyzer threw.</summary>
    public GeneratorRun AssertClean()
    {
        var problems = Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !IsPolicy(d)).ToList();
        Assert.True(problems.Count == 0 && AnalyzerExceptions.IsEmpty && Result.Results.All(r => r.Exception is null), string.Join("\n", problems.Select(p => p.ToString()).Concat(AnalyzerExceptions.Select(e => e.ToString()))));
        return this;
    }

    /// <summary>
    /// Bad input as users must see it: no crash, exactly one K8sGen diagnostic, with this id, at this position, whose
    /// message starts so, and no YAML at all.
    /// </summary>
    public void AssertOnlyError(Microsoft.CodeAnalysis.Text.LinePosition expected, string id, string messageStart)
    {
        AssertNoCrash();
        var diagnostic = Assert.Single(K8sGenDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.StartsWith(messageStart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(All);
    }

    /// <summary>The compiler never crashed: no CS8785 (generator threw), no AD0001 (analyzer threw).</summary>
    public void AssertNoCrash()
    {
        Assert.DoesNotContain(Diagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Empty(AnalyzerExceptions);
        Assert.All(Result.Results, r => Assert.Null(r.Exception));
    }

    [SuppressMessage("Style", "IDE0046", Justification = "Readable as is.")]
    private string? Constant(string member) =>
        ManifestFields().FirstOrDefault(f => f.Name == member)?.ConstantValue as string;

    private IEnumerable<IFieldSymbol> ManifestFields()
    {
        var type = Output.GetSymbolsWithName("K8sManifests", SymbolFilter.Type).OfType<INamedTypeSymbol>().FirstOrDefault();
        return type is null ? [] : type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue);
    }
}
