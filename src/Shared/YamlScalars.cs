using System.Text;

namespace K8sGen.Shared;

/// <summary>
/// How a string is written as a YAML scalar. Every string that a YAML 1.1 or 1.2 reader (such as
/// the API server's) could take for a number, boolean, null or timestamp, or that holds special
/// characters, is double-quoted and escaped, so it reads back exactly as written (validation.md,
/// "YAML scalars: a verified hazard"). Also compiled into the build task, which stamps images.
/// </summary>
internal static class YamlScalars
{
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
        if (text.Length == 0 || IsReservedWord(text))
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

    /// <summary>
    /// The words YAML 1.1 reads (in any case) as booleans or null; 1.2 core reads some of them. Compared by length
    /// first: every key and value of every manifest goes through here, and a set lookup ignoring case hashed each one.
    /// </summary>
    private static bool IsReservedWord(string text) => text.Length switch
    {
        1 => Is(text, "y") || Is(text, "n"),
        2 => Is(text, "no") || Is(text, "on"),
        3 => Is(text, "yes") || Is(text, "off"),
        4 => Is(text, "true") || Is(text, "null"),
        5 => Is(text, "false"),
        _ => false,
    };

    private static bool Is(string text, string word) => string.Equals(text, word, System.StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first character of <paramref name="text"/> that cannot reach the cluster unchanged, and why; null
    /// when there is none. A lone UTF-16 surrogate has no UTF-8 form (it would become U+FFFD without a word);
    /// U+007F, the C1 controls but U+0085, U+FFFE and U+FFFF are refused by kustomize's YAML writer
    /// ("yaml: control characters are not allowed"), and it writes U+0085, U+2028 and U+2029 as line breaks
    /// (which the YAML reader of kubectl apply -k folds into a space): measured with kubectl 1.32 (kustomize 5.5).
    /// </summary>
    public static (string Character, string Reason)? Unwritable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return (CodePoint(c), "a lone UTF-16 surrogate has no UTF-8 form, so it would be written as U+FFFD");
            }
            else if (c == '\u007f' || (c >= '\u0080' && c <= '\u009f' && c != '\u0085') || c is '\ufffe' or '\uffff')
            {
                return (CodePoint(c), "kustomize refuses to write it, so kubectl apply -k would fail");
            }
            else if (c is '\u0085' or '\u2028' or '\u2029')
            {
                return (CodePoint(c), "kustomize writes it as a line break, so the cluster would get another value");
            }
        }

        return null;
    }

    private static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);

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
