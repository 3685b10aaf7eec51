using System.Reflection;
using System.Runtime.CompilerServices;
using K8sGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests;

/// <summary>Every diagnostic has its help page, its release line and its README row (the help link of each points at the page).</summary>
public class DiagnosticDocsTests
{
    [Fact]
    public void Every_descriptor_has_a_page_a_release_line_and_a_readme_row()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var releases = File.ReadAllText(Path.Combine(root, "src/Generator/AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(root, "src/Generator/AnalyzerReleases.Unshipped.md"));
        var descriptors = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, d =>
        {
            Assert.True(File.Exists(Path.Combine(root, "docs/diagnostics", d.Id + ".md")), $"docs/diagnostics/{d.Id}.md is missing");
            Assert.Contains($"{d.Id} |", releases);
            Assert.Contains($"| [{d.Id}](docs/diagnostics/{d.Id}.md) |", readme);
            Assert.EndsWith("/docs/diagnostics/" + d.Id + ".md", d.HelpLinkUri);
        });
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "../.."));
}
