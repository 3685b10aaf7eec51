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
    // Enough rounds for tiered JIT to have optimized the hot methods (the last is printed), as a warm IDE has.
    private const int Rounds = 15;

    public static void Run(int services)
    {
        var compilation = SyntheticProject.Create(services);
        var types = Enumerable.Range(0, services).Select(i => compilation.GetTypeByMetadataName($"Shop.Synthetic.Service{i}")!).ToList();
        var options = OptionsParser.Parse(SyntheticProject.Options.GlobalOptions);
        for (var round = 0; round < Rounds; round++)
        {
            // Roslyn's share of the parse (attributes bound once per compilation, their syntax), then the parse's
            // loop again with each feature's Read timed: where a re-run (G3) goes besides Roslyn's lookup.
            Measure("attributes", () => types.Sum(t => t.GetAttributes().Length), round);
            Measure("attr+syntax", () => types.Sum(t => t.GetAttributes().Sum(a => a.ApplicationSyntaxReference!.GetSyntax().Span.Length)), round);
            if (round == Rounds - 1)
            {
                ReadsByFeature(types);
            }

            var models = Measure("parse", () => types.Select(t => WorkloadParser.Parse(t, default)).ToList(), round);
            if (round == Rounds - 1)
            {
                // What the models themselves hold (the pipeline keeps them): the rest of the parse's allocation is scaffolding.
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var again = types.Select(t => WorkloadParser.Parse(t, default)).ToList();
                Console.WriteLine($"{"  the models",-14} {(GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0,19:F0} KB retained");
                GC.KeepAlive(again);
            }

            Measure("validate", () => models.Select(WorkloadValidator.Validate).ToList(), round);
            Measure("build recycled", () => models.Select(m =>
            {
                var arena = YamlArena.Rent();
                var count = ManifestBuilder.Build(m, options, arena).Count;
                arena.Return();
                return count;
            }).ToList(), round);
            var objects = Measure("build objects", () => models.Select(m => ManifestBuilder.Build(m, options)).ToList(), round);
            Measure("build+emit", () => models.Select((m, i) =>
            {
                var arena = YamlArena.Rent();
                var built = ManifestBuilder.Build(m, options, arena);
                var source = ManifestEmitter.EmitWorkload(new WorkloadParts("Shop", "s" + i, "S" + i, "Shop.S", "S.cs", built, m, options));
                arena.Return();
                return source.Length;
            }).Sum(), round);
            Measure("emit c#+yaml", () => objects.Select((o, i) => ManifestEmitter.EmitWorkload(new WorkloadParts("Shop", "s" + i, "S" + i, "Shop.S", "S.cs", o, models[i], options))).ToList(), round);
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

    /// <summary>The parse's loop (<see cref="WorkloadParser.Parse"/>), each feature's Read timed apart, and the readers' construction.</summary>
    private static void ReadsByFeature(List<INamedTypeSymbol> types)
    {
        var ticks = new Dictionary<string, long>();
        var watch = Stopwatch.StartNew();
        foreach (var type in types)
        {
            var location = K8sGen.Generator.Model.LocationInfo.From(type.Locations[0]);
            var parts = new WorkloadBuilder(type, location);
            foreach (var data in type.GetAttributes())
            {
                if (KnownTypes.FeatureOf(data.AttributeClass) is not { } feature)
                {
                    continue;
                }

                var start = Stopwatch.GetTimestamp();
                var reader = new AttributeReader(data, location);
                ticks["(reader)"] = ticks.GetValueOrDefault("(reader)") + Stopwatch.GetTimestamp() - start;
                start = Stopwatch.GetTimestamp();
                feature.Read(data, reader, parts);
                ticks[feature.Name] = ticks.GetValueOrDefault(feature.Name) + Stopwatch.GetTimestamp() - start;
            }
        }

        Console.WriteLine($"reads          {watch.Elapsed.TotalMilliseconds,8:F2} ms");
        foreach (var (name, time) in ticks.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  read {name,-16} {time * 1000.0 / Stopwatch.Frequency,8:F2} ms");
        }
    }

    private static T Measure<T>(string phase, Func<T> action, int round)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = action();
        if (round == Rounds - 1)
        {
            Console.WriteLine($"{phase,-14} {watch.Elapsed.TotalMilliseconds,8:F2} ms {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0,10:F0} KB");
        }

        return result;
    }
}
