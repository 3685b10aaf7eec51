using System.Collections.Immutable;
using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sGen.Generator.Tests.Reviewed;

// The shapes a review of the app checks (issue 11) found K8sGen wrong on, kept as regressions: each is silent
// unless the case says otherwise (the review's cases where the app does not serve the path).

internal static class ReviewHarness
{
    public const string Usings = """
        using System;
        using System.Linq;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using K8sGen;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Routing;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        """;

    public static MetadataReference Library(string source, string name = "Lib")
    {
        var library = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest))],
            GeneratorHarness.Compile("", aspNetCore: true).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = library.Emit(stream);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>The ids K8sGen reports (compile errors and crashes fail the case), in order.</summary>
    public static string[] Ids(string[] sources, IReadOnlyDictionary<string, string>? files = null, MetadataReference[]? refs = null, bool allowErrors = false)
    {
        var compilation = GeneratorHarness.Compile(sources.Select((s, i) => i == 0 ? Usings + s : s), aspNetCore: true)
            .WithOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        if (refs is not null)
        {
            compilation = compilation.AddReferences(refs);
        }

        var run = GeneratorHarness.Run(compilation, TestProperties.Default, files);
        if (!allowErrors)
        {
            Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        run.AssertNoCrash();
        return [.. run.K8sGenDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id)];
    }
}
