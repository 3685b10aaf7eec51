using System;
using System.Text;

namespace K8sGen.Generator.Emit;

/// <summary>
/// One reusable builder per thread: YAML and C# for a workload are several kilobytes each, and
/// regrowing fresh builders for every workload on every run was most of the generator's allocations.
/// </summary>
internal static class StringBuilderCache
{
    private const int MaxCachedCapacity = 64 * 1024;

    [ThreadStatic]
    private static StringBuilder? _cached;

    public static StringBuilder Acquire()
    {
        var builder = _cached ?? new StringBuilder(16 * 1024);
        _cached = null;
        return builder.Clear();
    }

    public static string ToStringAndRelease(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            _cached = builder;
        }

        return text;
    }
}
