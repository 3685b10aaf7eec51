using System;
using System.Collections.Generic;

namespace K8sGen.Generator.Validation;

/// <summary>
/// Sets and maps the rules reuse. Every rule runs for every workload on every full run (the analyzer's on every
/// edit), and a new HashSet or Dictionary per rule was most of what validating a valid workload allocated. One free
/// list per thread and type; a collection goes back cleared when the rule disposes its lease, so a rule reads as
/// <c>using var names = Scratch.Set&lt;string&gt;();</c>. Large ones are let go rather than kept.
/// </summary>
internal static class Scratch
{
    private const int MaxKept = 256;

    public static SetLease<T> Set<T>() => new(Free<HashSet<T>>.Take());

    public static MapLease<TKey, TValue> Map<TKey, TValue>()
        where TKey : notnull => new(Free<Dictionary<TKey, TValue>>.Take());

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
        where TCollection : class, new()
    {
        [ThreadStatic]
        private static Stack<TCollection>? _items;

        public static TCollection Take() => _items is { Count: > 0 } items ? items.Pop() : new TCollection();

        public static void Give(TCollection collection) => (_items ??= new Stack<TCollection>()).Push(collection);
    }
}
