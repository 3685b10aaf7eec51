using System;

namespace K8sGen.Generator.Model;

/// <summary>
/// The orderings the object builders need, without LINQ: they run for every workload on every full run, and
/// GroupBy/OrderBy over a handful of routes allocated more than the objects built from them.
/// </summary>
internal static class Ordered
{
    /// <summary>
    /// The items sorted by <paramref name="compare"/>, equal ones in declaration order. An insertion sort: stable,
    /// one array, and a workload's lists are short. Groups are then the runs of equal items.
    /// </summary>
    public static T[] Stable<T>(EquatableArray<T> items, Comparison<T> compare)
        where T : IEquatable<T>
    {
        var sorted = new T[items.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var item = items[i];
            var j = i;
            for (; j > 0 && compare(sorted[j - 1], item) > 0; j--)
            {
                sorted[j] = sorted[j - 1];
            }

            sorted[j] = item;
        }

        return sorted;
    }
}
