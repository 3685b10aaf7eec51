using System.Collections.Generic;
using System.Text;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Emit;

/// <summary>
/// Prints documents in kubectl's block style. Deterministic: no timestamps, no culture, key order
/// as built. Strings are written by <see cref="YamlScalars"/>.
/// </summary>
internal static class YamlWriter
{
    private const string DocumentSeparator = "---\n";

    public static string Write(IReadOnlyList<YamlMap> documents)
    {
        var builder = StringBuilderCache.Acquire();
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(DocumentSeparator);
            }

            WriteMap(builder, documents[i], indent: 0, firstKeyInline: false);
        }

        return StringBuilderCache.ToStringAndRelease(builder);
    }

    /// <summary>Joins YAML streams into one (each already ends with a newline).</summary>
    public static string Join(IEnumerable<string> streams) => string.Join(DocumentSeparator, streams);


    private static StringBuilder AppendScalar(StringBuilder builder, YamlScalar scalar) =>
        scalar.Kind == ScalarKind.Literal ? builder.Append(scalar.Text) : AppendString(builder, scalar.Text);

    private static StringBuilder AppendString(StringBuilder builder, string text) => YamlScalars.Append(builder, text);

    private static void WriteMap(StringBuilder builder, YamlMap map, int indent, bool firstKeyInline)
    {
        var first = true;
        foreach (var entry in map.Entries)
        {
            if (!(first && firstKeyInline))
            {
                builder.Append(' ', indent);
            }

            first = false;
            AppendString(builder, entry.Key).Append(':');
            WriteValue(builder, entry.Value, indent);
        }
    }

    private static void WriteValue(StringBuilder builder, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                AppendScalar(builder.Append(' '), scalar).Append('\n');
                break;
            case YamlMap { Entries.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlMap map:
                builder.Append('\n');
                WriteMap(builder, map, indent + 2, firstKeyInline: false);
                break;
            case YamlSequence { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            case YamlSequence sequence:
                builder.Append('\n');
                WriteSequence(builder, sequence, indent);
                break;
        }
    }

    private static void WriteSequence(StringBuilder builder, YamlSequence sequence, int indent)
    {
        foreach (var item in sequence.Items)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case YamlScalar scalar:
                    AppendScalar(builder.Append(' '), scalar).Append('\n');
                    break;
                case YamlMap { Entries.Count: > 0 } map:
                    builder.Append(' ');
                    WriteMap(builder, map, indent + 2, firstKeyInline: true);
                    break;
                default:
                    WriteValue(builder, item, indent + 2);
                    break;
            }
        }
    }
}
