using System;
using System.Collections.Generic;
using System.Globalization;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// A minimal YAML document model: what the decorators build and the writer prints. A value is a
/// <see cref="string"/> (text), a <see cref="YamlLiteral"/> (number or boolean), a <see cref="YamlMap"/>
/// or a <see cref="YamlSequence"/>. Text is stored as the string itself: it is most of the values, and
/// wrapping each one cost a quarter of the model's allocations (measured with
/// <c>K8sGen.Benchmarks.dll decorators 100</c>). Maps keep insertion order, so the output order is the
/// order of the (fixed) build steps.
/// </summary>
/// <summary>An integer or boolean, printed plain.</summary>
internal sealed class YamlLiteral
{
    public static readonly YamlLiteral True = new("true");

    public static readonly YamlLiteral False = new("false");

    private YamlLiteral(string text) => Text = text;

    public string Text { get; }

    public static YamlLiteral Of(bool value) => value ? True : False;

    // Numbers below this (replicas, ports, seconds: almost every number in a manifest) are made once and shared.
    private const int Cached = 10_000;
    private static readonly YamlLiteral?[] Numbers = new YamlLiteral?[Cached];

    public static YamlLiteral Of(int value)
    {
        if (value is < 0 or >= Cached)
        {
            return new(value.ToString(CultureInfo.InvariantCulture));
        }

        // A race between threads makes two equal literals, and one is kept: harmless, they are immutable.
        return Numbers[value] ??= new(value.ToString(CultureInfo.InvariantCulture));
    }
}

internal sealed class YamlSequence
{
    private readonly YamlArena? _arena;
    private object[] _items = [];

    public YamlSequence()
    {
    }

    internal YamlSequence(YamlArena arena) => _arena = arena;

    public int Count { get; private set; }

    /// <summary>A string, <see cref="YamlLiteral"/>, <see cref="YamlMap"/> or <see cref="YamlSequence"/>.</summary>
    public object this[int index] => _items[index];

    public YamlSequence Add(YamlMap item) => AddValue(item);

    public YamlSequence Add(YamlSequence item) => AddValue(item);

    public YamlSequence Add(string item) => AddValue(item);

    public YamlMap AddMap()
    {
        var map = YamlArena.NewMap(_arena);
        AddValue(map);
        return map;
    }

    /// <summary>Empties the sequence for reuse, keeping its array (see <see cref="YamlArena"/>).</summary>
    internal void Reset()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    private YamlSequence AddValue(object item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count == 0 ? 2 : Count * 2);
        }

        _items[Count++] = item;
        return this;
    }
}

internal sealed class YamlMap
{
    private readonly YamlArena? _arena;
    private KeyValuePair<string, object>[] _entries = [];

    public YamlMap()
    {
    }

    internal YamlMap(YamlArena arena) => _arena = arena;

    public int Count { get; private set; }

    /// <summary>The entry at <paramref name="index"/>; its value is a string, <see cref="YamlLiteral"/>, <see cref="YamlMap"/> or <see cref="YamlSequence"/>.</summary>
    public KeyValuePair<string, object> EntryAt(int index) => _entries[index];

    public object? this[string key]
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (_entries[i].Key == key)
                {
                    return _entries[i].Value;
                }
            }

            return null;
        }
    }

    public YamlMap Add(string key, YamlMap value) => AddValue(key, value);

    public YamlMap Add(string key, YamlSequence value) => AddValue(key, value);

    public YamlMap Add(string key, YamlLiteral value) => AddValue(key, value);

    public YamlMap Add(string key, string value) => AddValue(key, value);

    public YamlMap Add(string key, int value) => AddValue(key, YamlLiteral.Of(value));

    public YamlMap Add(string key, bool value) => AddValue(key, YamlLiteral.Of(value));

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>: replaces its value if the map has it, else adds it at the end.</summary>
    public YamlMap Set(string key, string value)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_entries[i].Key == key)
            {
                _entries[i] = new KeyValuePair<string, object>(key, value);
                return this;
            }
        }

        return AddValue(key, value);
    }

    /// <summary>An IntOrString field: a whole number prints as a number (the API server reads the string "0" as invalid).</summary>
    public YamlMap AddIntOrString(string key, string value) =>
        value.Length is > 0 and < 10 && IsDigits(value)
            ? Add(key, int.Parse(value, CultureInfo.InvariantCulture)) // "010" must not reach YAML as an octal 8
            : Add(key, value);

    /// <summary>Orders the entries by key (ordinal), for maps Kubernetes shows sorted such as labels and annotations.</summary>
    public void SortByKey()
    {
        // Insertion sort: stable, allocation-free, and these maps hold a handful of entries.
        for (var i = 1; i < Count; i++)
        {
            var entry = _entries[i];
            var j = i - 1;
            for (; j >= 0 && string.CompareOrdinal(_entries[j].Key, entry.Key) > 0; j--)
            {
                _entries[j + 1] = _entries[j];
            }

            _entries[j + 1] = entry;
        }
    }

    /// <summary>The map under <paramref name="key"/>, created (at the end) if missing.</summary>
    public YamlMap Map(string key)
    {
        if (this[key] is YamlMap existing)
        {
            return existing;
        }

        var map = YamlArena.NewMap(_arena);
        Add(key, map);
        return map;
    }

    /// <summary>The sequence under <paramref name="key"/>, created (at the end) if missing.</summary>
    public YamlSequence Sequence(string key)
    {
        if (this[key] is YamlSequence existing)
        {
            return existing;
        }

        var sequence = YamlArena.NewSequence(_arena);
        Add(key, sequence);
        return sequence;
    }

    /// <summary>Empties the map for reuse, keeping its array (see <see cref="YamlArena"/>).</summary>
    internal void Reset()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
    }

    private YamlMap AddValue(string key, object value)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count == 0 ? 4 : Count * 2);
        }

        _entries[Count++] = new KeyValuePair<string, object>(key, value);
        return this;
    }

    private static bool IsDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The maps and sequences of one workload's tree, reused for the next workload on the same thread. The
/// generator builds a tree, writes it and drops it at once, so recycling its nodes and their arrays
/// spares most of the tree's allocations on every run (measured with <c>K8sGen.Benchmarks.dll decorators
/// 100</c> and <c>phases 1000</c>). Nodes created by <c>new</c> (tests, the analyzer) are never recycled.
/// </summary>
internal sealed class YamlArena
{
    [ThreadStatic]
    private static YamlArena? _cached;

    private readonly List<YamlMap> _maps = [];
    private readonly List<YamlSequence> _sequences = [];
    private int _mapsInUse;
    private int _sequencesInUse;

    /// <summary>This thread's arena, or a new one while it is in use.</summary>
    public static YamlArena Rent()
    {
        var arena = _cached ?? new YamlArena();
        _cached = null;
        return arena;
    }

    // An arena that grew beyond this (a huge workload) is dropped rather than kept for the thread's lifetime.
    private const int MaxKeptNodes = 4096;

    /// <summary>Every node handed out since <see cref="Rent"/> is emptied for reuse: nothing may hold on to one.</summary>
    public void Return()
    {
        if (_maps.Count + _sequences.Count > MaxKeptNodes)
        {
            return;
        }

        for (var i = 0; i < _mapsInUse; i++)
        {
            _maps[i].Reset();
        }

        for (var i = 0; i < _sequencesInUse; i++)
        {
            _sequences[i].Reset();
        }

        _mapsInUse = 0;
        _sequencesInUse = 0;
        _cached = this;
    }

    public static YamlMap NewMap(YamlArena? arena) => arena?.Map() ?? new YamlMap();

    public static YamlSequence NewSequence(YamlArena? arena) => arena?.Sequence() ?? new YamlSequence();

    private YamlMap Map()
    {
        if (_mapsInUse == _maps.Count)
        {
            _maps.Add(new YamlMap(this));
        }

        return _maps[_mapsInUse++];
    }

    private YamlSequence Sequence()
    {
        if (_sequencesInUse == _sequences.Count)
        {
            _sequences.Add(new YamlSequence(this));
        }

        return _sequences[_sequencesInUse++];
    }
}
