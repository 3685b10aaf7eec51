using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// "profile <generator> <services> <runs> [rerun]": a quick stopwatch loop for investigating, not for quoting.
if (args.Length is 4 or 5 && args[0] == "profile")
{
    var compilation = K8sGen.Benchmarks.SyntheticProject.Create(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    _ = compilation.GetDiagnostics();
    Microsoft.CodeAnalysis.IIncrementalGenerator Make() => args[1] == "lookup" ? new K8sGen.Benchmarks.LookupOnlyGenerator() : new K8sGen.Generator.K8sGenGenerator();
    var runs = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
    Microsoft.CodeAnalysis.GeneratorDriver Driver() => Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(Make())], optionsProvider: K8sGen.Benchmarks.SyntheticProject.Options);
    var rerun = args.Length == 5;
    var edited = K8sGen.Benchmarks.SyntheticProject.EditUnrelatedMethod(compilation);
    _ = edited.GetDiagnostics();
    var warm = Driver().RunGenerators(compilation);
    Microsoft.CodeAnalysis.GeneratorDriver Run() => rerun ? warm.RunGenerators(edited) : Driver().RunGenerators(compilation);
    // Enough warm-up for tiered JIT to reach optimized code, as BenchmarkDotNet's pilot runs do.
    for (var i = 0; i < Math.Max(5, 20000 / int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)); i++)
    {
        Run();
    }

    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    var pause = GC.GetTotalPauseDuration();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
    {
        Run();
    }

    var elapsed = watch.Elapsed;
    Console.WriteLine($"GCs per run: gen0 {(GC.CollectionCount(0) - collections.Item1) / (double)runs:F1}, gen1 {(GC.CollectionCount(1) - collections.Item2) / (double)runs:F1}, gen2 {(GC.CollectionCount(2) - collections.Item3) / (double)runs:F1}; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs:F1} ms/run");
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var kept = Run();
    var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
    GC.KeepAlive(kept);
    Console.WriteLine($"{args[1]} x{args[2]}{(rerun ? " re-run" : string.Empty)}: {retained / 1024.0 / int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture):F1} KB/service retained by the driver, {elapsed.TotalMilliseconds / runs:F2} ms/run, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs / 1024.0:F0} KB/run");
    return;
}

// "cold": the first run in a fresh process, as every csc run without the compiler server (UseSharedCompilation=false) pays it.
if (args.Length == 1 && args[0] == "cold")
{
    var compilation = K8sGen.Benchmarks.SyntheticProject.Create(1);
    _ = compilation.GetDiagnostics();
    Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new K8sGen.Benchmarks.LookupOnlyGenerator())], optionsProvider: K8sGen.Benchmarks.SyntheticProject.Options).RunGenerators(compilation);
    var watch = System.Diagnostics.Stopwatch.StartNew();
    Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new K8sGen.Generator.K8sGenGenerator())], optionsProvider: K8sGen.Benchmarks.SyntheticProject.Options).RunGenerators(compilation);
    var first = watch.Elapsed;
    watch.Restart();
    Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new K8sGen.Generator.K8sGenGenerator())], optionsProvider: K8sGen.Benchmarks.SyntheticProject.Options).RunGenerators(compilation);
    Console.WriteLine($"first run in a fresh process: {first.TotalMilliseconds:F0} ms; second: {watch.Elapsed.TotalMilliseconds:F1} ms");
    return;
}

if (args.Length == 1 && args[0] == "alloc")
{
    // What this machine charges for memory: 1000 strings of 19 KB kept alive, as a generator's outputs are.
    for (var round = 0; round < 5; round++)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var kept = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            kept.Add(new string('x', 9500));
        }

        Console.WriteLine($"1000 x 19 KB strings kept: {watch.Elapsed.TotalMilliseconds:F1} ms");
    }

    return;
}

if (args.Length == 1 && args[0] == "dump")
{
    var result = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create([Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new K8sGen.Generator.K8sGenGenerator())], optionsProvider: K8sGen.Benchmarks.SyntheticProject.Options).RunGenerators(K8sGen.Benchmarks.SyntheticProject.Create(2)).GetRunResult();
    foreach (var source in result.GeneratedTrees)
    {
        Console.WriteLine("//// " + source.FilePath);
        Console.WriteLine(source.GetText());
    }

    return;
}

if (args.Length == 2 && args[0] == "rules")
{
    K8sGen.Benchmarks.Phases.Rules(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 2 && args[0] == "decorators")
{
    K8sGen.Benchmarks.Phases.Decorators(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 2 && args[0] == "phases")
{
    K8sGen.Benchmarks.Phases.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

// In-process: no child build per benchmark, which matters on a 2-core machine.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(K8sGen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args, config);
