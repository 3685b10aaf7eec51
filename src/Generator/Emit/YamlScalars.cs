using System.Collections.Generic;
using System.Text;

namespace K8sGen.Generator.Emit;

/// <summary>
/// How a string is written as a YAML scalar. Every string that a YAML 1.1 or 1.2 reader (such as
/// the API server's) could take for a number, boolean, null or timestamp, or that holds special
/// characters, is double-quoted and escaped, so it reads back exactly as written (validation.md,
/// "YAML scalars: a verified hazard"). Also compiled into the build task, which stamps images.
/// </summary>
internal static class YamlScalars
{
    // YAML 1.1 reads these (in any case) as booleans or null; 1.2 core reads some of them.
    private static readonly HashSet<string> ReservedWords = new(System.StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    /// <summary>The scalar as it appears in YAML.</summary>
    public static string Format(string text) => IsPlainSafe(text) ? text : AppendQuoted(new StringBuilder(text.Length + 8), text).ToString();

    /// <summary>
    /// Appends the scalar; <c>quote</c> is the double quote as the surrounding text needs it: <c>"</c>,
    /// or <c>""</c> when the YAML is written inside a C# verbatim string.
    /// </summary>
    public static StringBuilder Append(StringBuilder builder, string text, string quote = "\"") =>
        IsPlainSafe(text) ? builder.Append(text) : AppendQuoted(builder, text, quote);

    /// <summary>
    /// Plain only for text made of letters, digits and <c>. _ / -</c> that starts with a letter,
    /// '/' or '_' and is no reserved word. Anything starting with a digit, sign or dot is quoted,
    /// which covers every number form (0x1F, 0o17, 1_000, 1e3, .inf) and timestamps.
    /// </summary>
    public static bool IsPlainSafe(string text)
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

    public static StringBuilder AppendQuoted(StringBuilder builder, string text, string quote = "\"")
    {
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append('\\').Append(quote); break;
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

        return builder.Append(quote);
    }
}
