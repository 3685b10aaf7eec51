using System.Collections.Generic;
using System.Text;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Emit;

/// <summary>
/// Prints documents in kubectl's block style. Deterministic: no timestamps, no culture, key order
/// as built. Every string that a YAML 1.1 or 1.2 reader could take for a number, boolean, null or
/// timestamp, or that holds special characters, is double-quoted and escaped, so it reads back
/// exactly as written (validation.md, "YAML scalars: a verified hazard").
/// </summary>
internal static class YamlWriter
{
    private const string DocumentSeparator = "---\n";

    // YAML 1.1 reads these (in any case) as booleans or null; 1.2 core reads some of them.
    private static readonly HashSet<string> ReservedWords = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

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

    private static StringBuilder AppendString(StringBuilder builder, string text) =>
        IsPlainSafe(text) ? builder.Append(text) : AppendQuoted(builder, text);

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

    /// <summary>
    /// Plain only for text made of letters, digits and <c>. _ / -</c> that starts with a letter,
    /// '/' or '_' and is no reserved word. Anything starting with a digit, sign or dot is quoted,
    /// which covers every number form (0x1F, 0o17, 1_000, 1e3, .inf) and timestamps.
    /// </summary>
    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || ReservedWords.Contains(text))
        {
            return false;
        }

        var first = text[0];
        if (!(first is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '/' or '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '/' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static StringBuilder AppendQuoted(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\0': builder.Append("\\0"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\v': builder.Append("\\v"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case '\u001b': builder.Append("\\e"); break;
                case '\u0085': builder.Append("\\N"); break;
                case '\u00a0': builder.Append("\\_"); break;
                case '\u2028': builder.Append("\\L"); break;
                case '\u2029': builder.Append("\\P"); break;
                default:
                    if (c < ' ' || c == '\u007f' || (c >= '\u0080' && c < '\u00a0') || c == '\ufeff')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }
}
