using System.Diagnostics;
using K8sGen.Generator;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;

namespace K8sGen.Benchmarks;

/// <summary>Time and allocations of each pipeline phase over N services: for finding where a run goes, not for quoting.</summary>
internal static class Phases
{
    public static void Run(int services)
    {
        var compilation = SyntheticProject.Create(services);
        var types = Enumerable.Range(0, services).Select(i => compilation.GetTypeByMetadataName($"Shop.Synthetic.Service{i}")!).ToList();
        var options = OptionsParser.Parse(SyntheticProject.Options.GlobalOptions);
        for (var round = 0; round < 4; round++)
        {
            var models = Measure("parse", () => types.Select(t => WorkloadParser.Parse(t, default)).ToList(), round);
            Measure("validate", () => models.Select(WorkloadValidator.Validate).ToList(), round);
            Measure("build recycled", () => models.Select(m =>
            {
                var arena = YamlArena.Rent();
                var count = ManifestBuilder.Build(m, options, arena).Count;
                arena.Return();
                return count;
            }).ToList(), round);
            var objects = Measure("build objects", () => models.Select(m => ManifestBuilder.Build(m, options)).ToList(), round);
            var overlays = Measure("overlays", () => models.Select((m, i) => EnvironmentOverlays.For(m, objects[i])).ToList(), round);
            Measure("emit c#+yaml", () => objects.Select((o, i) => ManifestEmitter.EmitWorkload(new WorkloadParts("Shop", "s" + i, "S" + i, "Shop.S", "S.cs", o, overlays[i], models[i], options))).ToList(), round);
        }
    }

    /// <summary>Bytes each decorator allocates over N services.</summary>
    public static void Decorators(int services)
    {
        var compilation = SyntheticProject.Create(services);
        var options = OptionsParser.Parse(SyntheticProject.Options.GlobalOptions);
        var models = Enumerable.Range(0, services).Select(i => WorkloadParser.Parse(compilation.GetTypeByMetadataName($"Shop.Synthetic.Service{i}")!, default)).ToList();
        var bytes = new long[ManifestBuilder.Decorators.Length + 1];
        for (var round = 0; round < 2; round++)
        {
            Array.Clear(bytes);
            foreach (var model in models)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var context = new ManifestContext(model, options);
                bytes[0] += GC.GetAllocatedBytesForCurrentThread() - before;
                for (var d = 0; d < ManifestBuilder.Decorators.Length; d++)
                {
                    before = GC.GetAllocatedBytesForCurrentThread();
                    ManifestBuilder.Decorators[d](context);
                    bytes[d + 1] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }

        Console.WriteLine($"{"skeleton",-28} {bytes[0] / services,6} B/service");
        for (var d = 0; d < ManifestBuilder.Decorators.Length; d++)
        {
            Console.WriteLine($"{FeatureRegistry.Decorators[d].Name,-28} {bytes[d + 1] / services,6} B/service");
        }
    }

    /// <summary>Bytes each rule set allocates over N valid services.</summary>
    public static void Rules(int services)
    {
        var compilation = SyntheticProject.Create(services);
        var models = Enumerable.Range(0, services).Select(i => WorkloadParser.Parse(compilation.GetTypeByMetadataName($"Shop.Synthetic.Service{i}")!, default)).ToList();
        // Each feature's rules, as the validator runs them (FeatureRegistry order).
        var rules = FeatureRegistry.All.Select(f => (f.Name, Check: (Action<K8sGen.Generator.Model.WorkloadModel, System.Collections.Immutable.ImmutableArray<K8sGen.Generator.Model.DiagnosticInfo>.Builder>)f.Check)).ToArray();
        var bytes = new long[rules.Length];
        for (var round = 0; round < 2; round++)
        {
            Array.Clear(bytes);
            foreach (var model in models)
            {
                var diagnostics = System.Collections.Immutable.ImmutableArray.CreateBuilder<K8sGen.Generator.Model.DiagnosticInfo>();
                for (var r = 0; r < rules.Length; r++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    rules[r].Check(model, diagnostics);
                    bytes[r] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
        }

        for (var r = 0; r < rules.Length; r++)
        {
            Console.WriteLine($"{rules[r].Name,-18} {bytes[r] / services,6} B/service");
        }
    }

    private static T Measure<T>(string phase, Func<T> action, int round)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = action();
        if (round == 3)
        {
            Console.WriteLine($"{phase,-14} {watch.Elapsed.TotalMilliseconds,8:F2} ms {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0,10:F0} KB");
        }

        return result;
    }
}
