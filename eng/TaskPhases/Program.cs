using K8sGen.MSBuild.Manifests;

// Usage, after eng/pack.sh: dotnet run -c Release --project eng/TaskPhases -- <a project's built assembly> <an output folder> [jit]
// ("jit": validate once more first, listing the methods the JIT compiles for it; the timings then are of a second run)
// What WriteK8sManifests does, phase by phase, timed in this (fresh) process: a stand-in for the task's first run in
// a build's MSBuild process. Run it twice on the same output folder to time the usual case, files that exist.
var assembly = args[0];
var output = args[1];
var watch = System.Diagnostics.Stopwatch.StartNew();
var embedded = EmbeddedManifests.Read(assembly);
Console.WriteLine($"read the assembly: {watch.ElapsedMilliseconds} ms ({embedded.Workloads.Count} workloads)");
if (args.Length > 2 && args[2] == "jit")
{
    using var jit = new K8sGen.Benchmarks.JitListener(); // eng/Benchmarks' (JIT_ALL=1 lists methods outside K8sGen too)
    ManifestValidator.Validate(embedded.Workloads, out _);
    jit.Print();
}

watch.Restart();
var (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
var errors = ManifestValidator.Validate(embedded.Workloads, out var parsed);
Console.WriteLine($"validate: {watch.ElapsedMilliseconds} ms ({parsed.Sum(p => p.Objects.Count)} resources, {errors.Count} errors); of which JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods} methods");
for (var r = 0; r < 3; r++)
{
    var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    watch.Restart();
    ManifestValidator.Validate(embedded.Workloads, out _);
    Console.WriteLine($"validate again: {watch.ElapsedMilliseconds} ms; GCs {GC.CollectionCount(0) - g0}/{GC.CollectionCount(1) - g1}/{GC.CollectionCount(2) - g2}, pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
}

watch.Restart();
var overlayErrors = new List<ManifestError>();
var overlays = Overlays.Compose(embedded.Overlays, embedded.DefaultImage ?? string.Empty, overlayErrors);
Console.WriteLine($"overlays: {watch.ElapsedMilliseconds} ms");
watch.Restart();
var existed = Directory.Exists(output);
ManifestWriter.Write(output, embedded.Workloads, Path.GetFileNameWithoutExtension(assembly), overlays);
Console.WriteLine($"write ({(existed ? "files existed" : "new folder")}): {watch.ElapsedMilliseconds} ms");

