using System;
using System.Collections.Immutable;

namespace K8sGen.Generator.Model;

// Every value that flows between the generator's steps is a class, a Collect()'s ImmutableArray of classes, or a
// Combine()'s pair of classes. Roslyn's driver is generic over each step's value type: for reference types it runs the
// code the compiler ships precompiled (ReadyToRun), but a struct value (a bool, an EquatableArray, a tuple holding an
// ImmutableArray) makes the JIT compile the driver's tables afresh for that type, about 60 methods each, on every start
// of a compiler process, as every build without the compiler server pays (`K8sGen.Benchmarks.dll cold jit` lists them).

/// <summary>A list as one step's value (see above), compared by content.</summary>
internal sealed record Batch<T>(EquatableArray<T> Items)
    where T : IEquatable<T>
{
    public static readonly Batch<T> Empty = new(EquatableArray<T>.Empty);

    /// <summary>The items of a Collect() that are not null (the steps before it give null for "nothing here").</summary>
    public static Batch<T> Of(ImmutableArray<T?> items)
    {
        var builder = ImmutableArray.CreateBuilder<T>(items.Length);
        foreach (var item in items)
        {
            if (item is not null)
            {
                builder.Add(item);
            }
        }

        return new Batch<T>(new EquatableArray<T>(builder.ToImmutable()));
    }
}

/// <summary>Whether the compilation references Kestrel, as one step's value (see above).</summary>
internal sealed record KestrelApp(bool IsKestrel)
{
    public static readonly KestrelApp Yes = new(true);
    public static readonly KestrelApp No = new(false);
}

/// <summary>What building a workload's manifest reads besides the workload: the options and the project's AdditionalFiles.</summary>
internal sealed record BuildSettings(GeneratorOptions Options, EquatableArray<ProjectFile> Files);

/// <summary>A valid workload with what its files gave it (<c>[ConfigMap(FromFile = …)]</c>), and the options it is built with.</summary>
internal sealed record WorkloadToBuild(WorkloadModel? Model, GeneratorOptions Options);
