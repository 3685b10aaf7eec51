using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

// Allocation sites of a traced run: the runtime's GCAllocationTick samples (one per ≈ 100 KB a thread allocates, naming
// the type that crossed the line), each charged to the first frame of its stack whose method contains the filter. A
// sample: the large shares are meaningful, and a large object is a little more likely to be the one that crosses.
//
//   dotnet tool install -g dotnet-trace
//   dotnet-trace collect --profile gc-verbose -o /tmp/alloc.nettrace -- \
//     dotnet eng/Benchmarks/bin/Release/net10.0/K8sGen.Benchmarks.dll profile k8sgen 300 30
//   dotnet run -c Release --project eng/AllocSites -- /tmp/alloc.nettrace [filter=K8sGen.] [top=60] [bysite]
//
// "bysite" sums every type at a site; without it each (site, type) is a line.
var filter = args.Length > 1 ? args[1] : "K8sGen.";
var top = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60;
var bySiteOnly = args.Length > 3 && args[3] == "bysite";

using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
long total = 0;
foreach (var data in log.Events)
{
    if (data is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    total += tick.AllocationAmount64;
    var site = "(no matching frame)";
    for (var frame = data.CallStack(); frame is not null; frame = frame.Caller)
    {
        if (frame.CodeAddress.FullMethodName.Contains(filter, StringComparison.Ordinal))
        {
            site = frame.CodeAddress.FullMethodName;
            break;
        }
    }

    var key = bySiteOnly ? site : site + "  <=  " + tick.TypeName;
    bytes[key] = bytes.GetValueOrDefault(key) + tick.AllocationAmount64;
}

Console.WriteLine($"sampled {total / 1e6:F1} MB");
foreach (var (key, amount) in bytes.OrderByDescending(p => p.Value).Take(top))
{
    Console.WriteLine($"{amount * 100.0 / total,5:F1} % {amount / 1e6,8:F2} MB  {key}");
}
