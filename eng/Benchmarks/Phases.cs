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
            var models = Measure("parse", () => types.Select(t => ServiceParser.Parse(t, default)).ToList(), round);
            Measure("validate", () => models.Select(ServiceValidator.Validate).ToList(), round);
            var objects = Measure("build objects", () => models.Select(m => ManifestBuilder.Build(m, options)).ToList(), round);
            var yaml = Measure("write yaml", () => objects.Select(YamlWriter.Write).ToList(), round);
            Measure("emit c#", () => yaml.Select((y, i) => ManifestEmitter.EmitWorkload(new WorkloadManifest("Shop", "s" + i, "S" + i, "Shop.S", "S.cs", "shop/s:1", y, default))).ToList(), round);
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
