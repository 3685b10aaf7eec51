using Basic.Reference.Assemblies;
using K8sGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sGen.MSBuild.Tests;

/// <summary>Compiles real assemblies with the generator, as CoreCompile would, for the task to read.</summary>
internal static class TestAssemblies
{
    /// <param name="references">Assemblies of other projects this one references.</param>
    public static string Build(string directory, string source, string name = "Shop.Orders", bool withGenerator = true, params string[] references)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText("using K8sGen;\n" + source, path: "Orders.cs")],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(DeploymentAttribute).Assembly.Location), .. references.Select(r => MetadataReference.CreateFromFile(r))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var output = (Compilation)compilation;
        if (withGenerator)
        {
            CSharpGeneratorDriver.Create([new K8sGenGenerator().AsSourceGenerator()])
                .RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
        }

        var path = Path.Combine(directory, name + ".dll");
        var result = output.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "k8sgen-msbuild-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
