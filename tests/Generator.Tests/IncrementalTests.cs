using System.Collections;
using System.Reflection;
using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sGen.Generator.Tests;

/// <summary>G1 of performance.md: re-runs reuse cached work, and no step holds on to Roslyn objects.</summary>
public class IncrementalTests
{
    private static readonly string[] OurSteps = [TrackingNames.Options, TrackingNames.Workloads, TrackingNames.Valid, TrackingNames.Manifests, TrackingNames.Dropped, TrackingNames.Index];

    [Fact]
    public void Same_input_is_cached_in_every_step()
    {
        var compilation = Services(3);
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in OurSteps)
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(100, false)]
    [InlineData(1000, false)]
    [InlineData(100, true)] // an ASP.NET Core app: whether it has Kestrel is read from the compilation on every edit
    public void Unrelated_edit_changes_nothing_after_the_attribute_transform(int services, bool aspNetCore)
    {
        var compilation = Services(services, aspNetCore);
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).RunGenerators(compilation);

        var edited = ReplaceTree(compilation, "Helpers.cs", "public static class Helpers { public static int Answer() => 43; }");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Equal(aspNetCore, result.GeneratedSources.Any(s => s.SourceText.ToString().Contains("ASPNETCORE_HTTP_PORTS", StringComparison.Ordinal)));

        // Roslyn re-runs every attribute transform on a new compilation (its semantic model is new), so
        // Workloads may be Unchanged; everything after it must be Cached: it did not even re-run.
        Assert.All(result.TrackedSteps[TrackingNames.Workloads].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        foreach (var step in new[] { TrackingNames.Options, TrackingNames.Valid, TrackingNames.Manifests, TrackingNames.Dropped, TrackingNames.Index })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Moving_a_workload_without_changing_it_does_not_regenerate_its_source()
    {
        var compilation = Services(2);
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).RunGenerators(compilation);

        // Lines added above the attributes shift every location in the file, but not the YAML.
        var shifted = ReplaceTree(compilation, "Service0.cs", "// a comment\n// another\n" + ServiceSource(0, replicas: 1));
        var result = driver.RunGenerators(shifted).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.Workloads].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(result.TrackedSteps[TrackingNames.Manifests].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        AssertOutputs(result, IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Changing_one_attribute_modifies_exactly_that_service_output()
    {
        var compilation = Services(5);
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).RunGenerators(compilation);

        var edited = ReplaceTree(compilation, "Service3.cs", ServiceSource(3, replicas: 7));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs).ToList();
        var modified = Assert.Single(outputs, o => o.Reason != IncrementalStepRunReason.Cached && o.Reason != IncrementalStepRunReason.Unchanged);
        Assert.Equal(IncrementalStepRunReason.Modified, modified.Reason);
        Assert.Contains(result.GeneratedSources, s => s.HintName.StartsWith("K8sManifests.Shop.Service3.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("replicas: 7"));
    }

    [Fact]
    public void No_step_value_holds_a_roslyn_object()
    {
        var compilation = Services(2);
        var result = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var step in OurSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(Location), typeof(AttributeData), typeof(SemanticModel), typeof(SyntaxTree)];

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
            }
        }
    }

    private static void AssertOutputs(GeneratorRunResult result, IncrementalStepRunReason expected) =>
        Assert.All(result.TrackedOutputSteps["SourceOutput"].SelectMany(s => s.Outputs), o => Assert.Equal(expected, o.Reason));

    private static CSharpCompilation Services(int count, bool aspNetCore = false)
    {
        var compilation = GeneratorHarness.Compile(Enumerable.Range(0, count).Select(i => ServiceSource(i, replicas: 1)), aspNetCore: aspNetCore);
        var trees = compilation.SyntaxTrees.Select((t, i) => t.WithFilePath($"Service{i}.cs"));
        return compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees)
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Helpers { public static int Answer() => 42; }", path: "Helpers.cs"));
    }

    private static string ServiceSource(int i, int replicas) => $$"""
        using K8sGen;
        namespace Shop;
        [Deployment(Replicas = {{replicas}})]
        [Port(8080)]
        [Route("/s{{i}}", Host = "shop.example")]
        [Scrape(ServiceMonitor = true)]
        [Liveness("/healthz")] [Readiness("/ready")]
        [Resources(CpuRequest = "100m", MemoryLimit = "256Mi")]
        [Env("INDEX", "{{i}}")] [Label("team", "t{{i % 7}}")]
        public sealed class Service{{i}} { public int Work() => {{i}}; }
        """;

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, path));
    }
}
