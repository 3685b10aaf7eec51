using System.Collections.Generic;
using System.Text;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Emit;

/// <summary>
/// Prints documents in kubectl's block style. Deterministic: no timestamps, no culture, key order
/// as built. Strings are written by <see cref="YamlScalars"/>.
/// </summary>
internal readonly struct YamlWriter
{
    private const string DocumentSeparator = "---\n";

    private readonly StringBuilder _builder;
    private readonly string _quote;

    private YamlWriter(StringBuilder builder, string quote)
    {
        _builder = builder;
        _quote = quote;
    }

    /// <summary>
    /// Appends the documents as the content of a C# verbatim string (every '"' doubled): the generator
    /// writes the YAML straight into its C# file instead of building it twice.
    /// </summary>
    public static StringBuilder WriteVerbatim(StringBuilder builder, IReadOnlyList<YamlMap> documents) =>
        new YamlWriter(builder, "\"\"").WriteDocuments(documents);

    private StringBuilder WriteDocuments(IReadOnlyList<YamlMap> documents)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                _builder.Append(DocumentSeparator);
            }

            WriteMap(documents[i], indent: 0, firstKeyInline: false);
        }

        return _builder;
    }

    private void WriteMap(YamlMap map, int indent, bool firstKeyInline)
    {
        for (var i = 0; i < map.Count; i++)
        {
            if (!(i == 0 && firstKeyInline))
            {
                _builder.Append(' ', indent);
            }

            var entry = map.EntryAt(i);
            YamlScalars.Append(_builder, entry.Key, _quote).Append(':');
            WriteValue(entry.Value, indent);
        }
    }

    private void WriteValue(object value, int indent)
    {
        switch (value)
        {
            case string text:
                YamlScalars.Append(_builder.Append(' '), text, _quote).Append('\n');
                break;
            case YamlLiteral literal:
                _builder.Append(' ').Append(literal.Text).Append('\n');
                break;
            case YamlMap { Count: 0 }:
                _builder.Append(" {}\n");
                break;
            case YamlMap map:
                _builder.Append('\n');
                WriteMap(map, indent + 2, firstKeyInline: false);
                break;
            case YamlSequence { Count: 0 }:
                _builder.Append(" []\n");
                break;
            case YamlSequence sequence:
                _builder.Append('\n');
                WriteSequence(sequence, indent);
                break;
            default:
                // A null value is a builder bug: fail (KSG1000 from the analyzer) rather than print broken YAML.
                throw new System.InvalidOperationException("a YAML value is " + (value is null ? "null" : value.GetType().Name));
        }
    }

    private void WriteSequence(YamlSequence sequence, int indent)
    {
        for (var i = 0; i < sequence.Count; i++)
        {
            var item = sequence[i];
            _builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case string or YamlLiteral:
                    WriteValue(item, indent);
                    break;
                case YamlMap { Count: > 0 } map:
                    _builder.Append(' ');
                    WriteMap(map, indent + 2, firstKeyInline: true);
                    break;
                default:
                    WriteValue(item, indent + 2);
                    break;
            }
        }
    }
}
