using System.Collections.Generic;
using System.Globalization;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// A minimal YAML document model: what the decorators build and the writer prints. Maps keep
/// insertion order, so the output order is the order of the (fixed) build steps.
/// </summary>
internal abstract class YamlNode
{
}

internal enum ScalarKind
{
    /// <summary>Text: printed plain only when no YAML 1.1/1.2 reader could take it for anything else.</summary>
    String,

    /// <summary>An integer or boolean, printed plain.</summary>
    Literal,
}

internal sealed class YamlScalar(string text, ScalarKind kind) : YamlNode
{
    public string Text { get; } = text;

    public ScalarKind Kind { get; } = kind;
}

internal sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = [];

    public YamlSequence Add(YamlNode item)
    {
        Items.Add(item);
        return this;
    }

    public YamlSequence Add(string item) => Add(new YamlScalar(item, ScalarKind.String));

    public YamlMap AddMap()
    {
        var map = new YamlMap();
        Items.Add(map);
        return map;
    }
}

internal sealed class YamlMap : YamlNode
{
    public List<KeyValuePair<string, YamlNode>> Entries { get; } = [];

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }
    }

    public YamlMap Add(string key, YamlNode value)
    {
        Entries.Add(new KeyValuePair<string, YamlNode>(key, value));
        return this;
    }

    public YamlMap Add(string key, string value) => Add(key, new YamlScalar(value, ScalarKind.String));

    public YamlMap Add(string key, int value) => Add(key, new YamlScalar(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Literal));

    public YamlMap Add(string key, bool value) => Add(key, new YamlScalar(value ? "true" : "false", ScalarKind.Literal));

    /// <summary>An IntOrString field: a whole number prints as a number (the API server reads the string "0" as invalid).</summary>
    public YamlMap AddIntOrString(string key, string value) =>
        value.Length is > 0 and < 10 && IsDigits(value)
            ? Add(key, int.Parse(value, CultureInfo.InvariantCulture)) // "010" must not reach YAML as an octal 8
            : Add(key, value);

    public void Remove(string key) => Entries.RemoveAll(entry => entry.Key == key);

    /// <summary>The map under <paramref name="key"/>, created (at the end) if missing.</summary>
    public YamlMap Map(string key)
    {
        if (this[key] is YamlMap existing)
        {
            return existing;
        }

        var map = new YamlMap();
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

        var sequence = new YamlSequence();
        Add(key, sequence);
        return sequence;
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
