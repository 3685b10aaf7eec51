using Basic.Reference.Assemblies;
using K8sGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace K8sGen.CodeFixes.Tests;

/// <summary>
/// Runs K8sGen's analyzer and one of its code fixes through Roslyn's code-fix test framework: every diagnostic in
/// the source must be marked (<c>{|KSG3001:…|}</c>), the fix is applied, and the result must equal the expected
/// source with its own remaining diagnostics. Offline: the references are Basic.Reference.Assemblies and the attributes.
/// </summary>
internal static class Verify<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The MSBuild properties the package makes visible to the compiler, as a global analyzer config.</summary>
    private const string Properties = """
        is_global = true
        build_property.RootNamespace = Orders
        build_property.ContainerRepository = orders
        build_property.Version = 1.4.0
        build_property.ContainerImageTag = 1.4.0
        """;

    /// <param name="ignored">Other diagnostics the source has, by id, that this fix is not about.</param>
    public static Task Fix(string source, string fixedSource, params string[] ignored)
    {
        var test = new CSharpCodeFixTest<K8sGenAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        // The fixed state inherits these from the test state.
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DeploymentAttribute).Assembly.Location));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", Properties));

        test.DisabledDiagnostics.AddRange(ignored);
        return test.RunAsync();
    }
}
