using BenchmarkDotNet.Attributes;
using K8sGen.Generator;
using K8sGen.MSBuild.Manifests;
using Microsoft.CodeAnalysis;

namespace K8sGen.Benchmarks;

/// <summary>
/// V2 of performance.md: the build task's strict validation (every document against the KubernetesClient
/// models, unknown fields rejected, then the cross-resource checks) of 500 every-attribute services, ≈ 4,000
/// resources, warm.
/// </summary>
[MemoryDiagnoser]
public class TaskBenchmarks
{
    private IReadOnlyList<WorkloadYaml> _workloads = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workloads = TaskInput.Workloads(SyntheticProject.Create(500));

        // The Roslyn compilation that made the input is garbage: collect it, so the heap is the task's, not a compiler's.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    [Benchmark(Description = "strict validation, 500 services / ≈ 4,000 resources (V2)")]
    public int Validate()
    {
        var errors = ManifestValidator.Validate(_workloads, out var parsed);
        return errors.Count == 0 ? parsed.Sum(p => p.Objects.Count) : throw new InvalidOperationException(string.Join("; ", errors));
    }
}

/// <summary>The task's input for a synthetic project: the generator's YAML as the assembly embeds it.</summary>
internal static class TaskInput
{
    public static IReadOnlyList<WorkloadYaml> Workloads(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var path = Path.Combine(Path.GetTempPath(), "k8sgen-bench-" + Guid.NewGuid().ToString("N") + ".dll");
        try
        {
            var emitted = output.Emit(path);
            if (!emitted.Success)
            {
                throw new InvalidOperationException(string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return EmbeddedManifests.Read(path).Workloads;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
