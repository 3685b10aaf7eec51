using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace K8sGen.Generator.Model;

/// <summary>
/// Collections the parse and the rules reuse. Both run for every workload on every full run (the parse and the
/// analyzer's rules on every edit), and a new HashSet, Dictionary or list builder per rule and list was most of what
/// validating a valid workload allocated and a third of what parsing it did. One free list per thread and type; a
/// collection goes back cleared. A rule leases with <c>using var names = Scratch.Set&lt;string&gt;();</c>; the parse takes a
/// builder with <see cref="Builder{T}"/> and gives it back with <see cref="ToImmutableAndFree{T}"/>. Large ones are let
/// go rather than kept, and a parse that throws simply leaves its builders to the collector.
/// </summary>
internal static class Scratch
{
    private const int MaxKept = 256;

    public static SetLease<T> Set<T>() => new(Free<HashSet<T>>.Take(static () => new HashSet<T>()));

    public static MapLease<TKey, TValue> Map<TKey, TValue>()
        where TKey : notnull => new(Free<Dictionary<TKey, TValue>>.Take(static () => new Dictionary<TKey, TValue>()));

    public static ImmutableArray<T>.Builder Builder<T>() => Free<ImmutableArray<T>.Builder>.Take(static () => ImmutableArray.CreateBuilder<T>());

    /// <summary>The builder's items; the builder goes back to the free ones and must not be used again.</summary>
    public static ImmutableArray<T> ToImmutableAndFree<T>(ImmutableArray<T>.Builder builder)
    {
        var items = builder.ToImmutable();
        if (builder.Capacity <= MaxKept)
        {
            builder.Clear();
            Free<ImmutableArray<T>.Builder>.Give(builder);
        }

        return items;
    }

    internal readonly struct SetLease<T>(HashSet<T> set) : IDisposable
    {
        public HashSet<T> Items => set;

        public bool Add(T item) => set.Add(item);

        public void Dispose()
        {
            if (set.Count <= MaxKept)
            {
                set.Clear();
                Free<HashSet<T>>.Give(set);
            }
        }
    }

    internal readonly struct MapLease<TKey, TValue>(Dictionary<TKey, TValue> map) : IDisposable
        where TKey : notnull
    {
        public Dictionary<TKey, TValue> Items => map;

        public void Dispose()
        {
            if (map.Count <= MaxKept)
            {
                map.Clear();
                Free<Dictionary<TKey, TValue>>.Give(map);
            }
        }
    }

    private static class Free<TCollection>
        where TCollection : class
    {
        [ThreadStatic]
        private static Stack<TCollection>? _items;

        public static TCollection Take(Func<TCollection> make) => _items is { Count: > 0 } items ? items.Pop() : make();

        public static void Give(TCollection collection) => (_items ??= new Stack<TCollection>()).Push(collection);
    }
}
