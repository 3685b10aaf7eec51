using System.Diagnostics.Tracing;

namespace K8sGen.Benchmarks;

/// <summary>Counts the methods the JIT compiles while it listens (the runtime's MethodJittingStarted events), by namespace.</summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords Jit = (EventKeywords)0x10;
    private readonly Dictionary<string, int> _byNamespace = new(StringComparer.Ordinal);
    private readonly List<string> _methods = [];
    private bool _listening = true;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, Jit);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!_listening || data.EventName != "MethodJittingStarted_V1" || data.Payload is null)
        {
            return;
        }

        var type = data.Payload[data.PayloadNames!.IndexOf("MethodNamespace")] as string ?? "?";
        var name = data.Payload[data.PayloadNames!.IndexOf("MethodName")] as string ?? "?";
        lock (_methods)
        {
            var ns = type.Split('[', '`')[0];
            ns = ns.Contains('.') ? ns[..ns.LastIndexOf('.')] : ns;
            _byNamespace[ns] = _byNamespace.GetValueOrDefault(ns) + 1;
            _methods.Add(type + "::" + name);
        }
    }

    public void Print()
    {
        _listening = false;
        lock (_methods)
        {
            Console.WriteLine($"{_methods.Count} methods JIT-compiled");
            foreach (var (ns, count) in _byNamespace.OrderByDescending(p => p.Value).Take(25))
            {
                Console.WriteLine($"  {count,5}  {ns}");
            }

            foreach (var method in _methods.Where(m => Environment.GetEnvironmentVariable("JIT_ALL") is not null || m.StartsWith("K8sGen", StringComparison.Ordinal)))
            {
                Console.WriteLine("    " + method);
            }
        }
    }
}
