using System.Diagnostics.Tracing;

namespace K8sGen.Benchmarks;

/// <summary>
/// Allocations by type, from the runtime's sampled GCAllocationTick events (one per ≈100 KB allocated on a thread,
/// naming the type whose allocation crossed the line): a sample, so only the large shares are meaningful.
/// </summary>
internal sealed class AllocListener : EventListener
{
    private const EventKeywords Gc = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _listening;

    public void Start() => _listening = true;

    public void Stop() => _listening = false;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, Gc);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!_listening || !(data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) ?? false) || data.Payload is null)
        {
            return;
        }

        var type = data.Payload[data.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[data.PayloadNames!.IndexOf("AllocationAmount64")]);
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(int top)
    {
        lock (_bytes)
        {
            var total = _bytes.Values.Sum();
            Console.WriteLine($"sampled {total / 1e6:F1} MB");
            foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            {
                Console.WriteLine($"{bytes * 100.0 / total,5:F1} %  {bytes / 1e6,7:F2} MB  {type}");
            }
        }
    }
}
