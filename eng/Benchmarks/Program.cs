using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using K8sGen.Benchmarks;
using K8sGen.Generator;
using Microsoft.CodeAnalysis;

// Investigation commands (stopwatch loops, not for quoting; eng/bench.sh gives the figures to quote).
static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

// "profile <k8sgen|lookup|lookup-all|outputs> <services> <runs> [rerun]": time, allocations, GC counts and what the driver keeps.
if (args.Length is 4 or 5 && args[0] == "profile")
{
    var services = Number(args[2]);
    var runs = Number(args[3]);
    var compilation = SyntheticProject.Create(services);
    var edited = SyntheticProject.EditUnrelatedMethod(compilation);
    _ = compilation.GetDiagnostics();
    _ = edited.GetDiagnostics();
    var outputs = args[1] == "outputs" ? OutputOnlyGenerator.From(GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGenerators(compilation)) : null;
    IIncrementalGenerator Make() => args[1] switch
    {
        "lookup" => new LookupOnlyGenerator(),
        "lookup-all" => new LookupEveryWorkloadGenerator(),
        "outputs" => new OutputOnlyGenerator(outputs!),
        _ => new K8sGenGenerator(),
    };
    var warm = GeneratorBenchmarks.Driver(Make()).RunGenerators(compilation);
    GeneratorDriver Run() => args.Length == 5 ? warm.RunGenerators(edited) : GeneratorBenchmarks.Driver(Make()).RunGenerators(compilation);

    // Enough warm-up for tiered JIT to reach optimized code, as BenchmarkDotNet's pilot runs do.
    for (var i = 0; i < Math.Max(5, 20000 / services); i++)
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
    var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs / 1024.0;
    Console.WriteLine($"GCs per run: gen0 {(GC.CollectionCount(0) - collections.Item1) / (double)runs:F1}, gen1 {(GC.CollectionCount(1) - collections.Item2) / (double)runs:F1}, gen2 {(GC.CollectionCount(2) - collections.Item3) / (double)runs:F1}; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs:F1} ms/run");
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var kept = Run();
    var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
    GC.KeepAlive(kept);
    Console.WriteLine($"{args[1]} x{services}{(args.Length == 5 ? " re-run" : string.Empty)}: {retained / 1024.0 / services:F1} KB/service retained by the driver, {elapsed.TotalMilliseconds / runs:F2} ms/run, {allocatedPerRun:F0} KB/run");
    return;
}

// "cold": the first run in a fresh process, as every csc run without the compiler server (UseSharedCompilation=false) pays it.
// "cold jit" also lists the methods the JIT compiled during that first run, by namespace (what ReadyToRun did not cover).
if (args.Length is 1 or 2 && args[0] == "cold")
{
    var compilation = SyntheticProject.Create(1);
    _ = compilation.GetDiagnostics();
    GeneratorBenchmarks.Driver(new LookupOnlyGenerator()).RunGenerators(compilation); // Roslyn's own first-run costs, not ours
    using var jitted = args.Length == 2 ? new JitListener() : null;
    var (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
    var watch = System.Diagnostics.Stopwatch.StartNew();
    GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGenerators(compilation);
    var first = watch.Elapsed;
    Console.WriteLine($"of which JIT: {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods");
    jitted?.Print();
    watch.Restart();
    GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGenerators(compilation);
    Console.WriteLine($"first run in a fresh process: {first.TotalMilliseconds:F0} ms; second: {watch.Elapsed.TotalMilliseconds:F1} ms");
    return;
}

// "analyzer <workloads>": the analyzer's diagnostics on the synthetic web app (a check that the benchmark's app is clean).
if (args.Length == 2 && args[0] == "analyzer")
{
    var benchmark = new AnalyzerBenchmarks();
    benchmark.Setup();
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var diagnostics = benchmark.K8sGen();
    Console.WriteLine($"{diagnostics.Length} diagnostics in {watch.ElapsedMilliseconds} ms: {string.Join("; ", diagnostics.Take(5))}");
    for (var i = 0; i < 5; i++)
    {
        foreach (var (name, time) in benchmark.ActionTimes())
        {
            Console.WriteLine($"  run {i}: {name} actions {time.TotalMilliseconds:F0} ms");
        }
    }

    return;
}

// "hold <services>": validates, then keeps the parsed models alive for a minute (for dotnet-gcdump: what a validation keeps).
if (args.Length == 2 && args[0] == "hold")
{
    var workloads = TaskInput.Workloads(SyntheticProject.Create(Number(args[1])));
    var errors = K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out var parsed);
    Console.WriteLine($"{errors.Count} errors; pid {Environment.ProcessId}");
    Thread.Sleep(60_000);
    GC.KeepAlive(parsed);
    return;
}

// "allocs task|k8sgen <n>": which types a warm validation (or generator run) allocates, from the runtime's samples.
if (args.Length == 3 && args[0] == "allocs")
{
    using var listener = new AllocListener();
    if (args[1] == "task")
    {
        var workloads = TaskInput.Workloads(SyntheticProject.Create(Number(args[2])));
        K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out _);
        listener.Start();
        for (var i = 0; i < 5; i++)
        {
            K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out _);
        }
    }
    else
    {
        var compilation = SyntheticProject.Create(Number(args[2]));
        var driver = GeneratorBenchmarks.Driver(new K8sGenGenerator());
        driver.RunGenerators(compilation);
        listener.Start();
        for (var i = 0; i < 5; i++)
        {
            GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGenerators(compilation);
        }
    }

    listener.Stop();
    listener.Print(40);
    return;
}

// "task <services>": the task's validation of that many every-attribute services: first call in this process, warm, and its phases.
if (args.Length == 2 && args[0] == "task")
{
    var workloads = TaskInput.Workloads(SyntheticProject.Create(Number(args[1])));
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true); // the Roslyn compilation that made the input is garbage: as in the task's process
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var errors = K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out var parsed);
    var first = watch.Elapsed;
    var resources = parsed.Sum(p => p.Objects.Count);
    const int runs = 10;
    for (var i = 0; i < runs; i++)
    {
        K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out _);
    }

    var (gen0, gen1, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    watch.Restart();
    for (var i = 0; i < runs; i++)
    {
        K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out _);
    }

    var warm = watch.Elapsed / runs;

    Console.WriteLine($"warm runs: GCs per run gen0 {(GC.CollectionCount(0) - gen0) / (double)runs:F1}, gen1 {(GC.CollectionCount(1) - gen1) / (double)runs:F1}, gen2 {(GC.CollectionCount(2) - gen2) / (double)runs:F1}; pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs:F1} ms/run");
    // As the task meets it: once per build, in a process whose heap holds no garbage of an earlier validation.
    var clean = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        watch.Restart();
        K8sGen.MSBuild.Manifests.ManifestValidator.Validate(workloads, out _);
        clean.Add(watch.Elapsed);
    }

    clean.Sort();
    Console.WriteLine($"warm, each after a full collection: median {clean[runs / 2].TotalMilliseconds:F1} ms, fastest {clean[0].TotalMilliseconds:F1} ms");
    watch.Restart();
    var parseErrors = new List<K8sGen.MSBuild.Manifests.ManifestError>();
    var parsedAll = workloads.Select(w => K8sGen.MSBuild.Manifests.ManifestValidator.Parse(w, parseErrors)!).ToList();
    var parse = watch.Elapsed;
    watch.Restart();
    K8sGen.MSBuild.Manifests.ManifestValidator.CheckAcrossResources(parsedAll, parseErrors);
    var across = watch.Elapsed;
    var fast = workloads.Count(w => K8sGen.MSBuild.Manifests.FastYaml.TryLoadAll(w.Yaml, out _, out _));
    var fastest = TimeSpan.MaxValue;
    for (var i = 0; i < 20; i++)
    {
        watch.Restart();
        foreach (var workload in workloads)
        {
            K8sGen.MSBuild.Manifests.FastYaml.TryLoadAll(workload.Yaml, out _, out _);
        }

        fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
    }

    Console.WriteLine($"the fast path alone, fastest of 20: {fastest.TotalMilliseconds:F1} ms");
    Console.WriteLine($"{workloads.Count} workloads, {resources} resources, {errors.Count} errors, {fast} read by the fast path: first call {first.TotalMilliseconds:F0} ms; warm {warm.TotalMilliseconds:F1} ms ({resources / warm.TotalSeconds:F0} resources/s): parse {parse.TotalMilliseconds:F1} ms, checks across resources {across.TotalMilliseconds:F1} ms");
    return;
}

if (args.Length == 2 && args[0] == "rules")
{
    Phases.Rules(Number(args[1]));
    return;
}

if (args.Length == 2 && args[0] == "decorators")
{
    Phases.Decorators(Number(args[1]));
    return;
}

// "dump <services>": the generated files of a full run, to read what the benchmark's services produce.
if (args.Length == 2 && args[0] == "dump")
{
    var run = GeneratorBenchmarks.Driver(new K8sGenGenerator()).RunGenerators(SyntheticProject.Create(Number(args[1]))).GetRunResult();
    foreach (var source in run.Results[0].GeneratedSources)
    {
        Console.WriteLine($"// ==== {source.HintName} ({source.SourceText.Length} chars)");
        Console.WriteLine(source.SourceText);
    }

    return;
}

if (args.Length == 2 && args[0] == "phases")
{
    Phases.Run(Number(args[1]));
    return;
}

// In-process: no child build per benchmark, which matters on a 2-core machine.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(K8sGen.Benchmarks.GeneratorBenchmarks).Assembly).Run(args, config);
