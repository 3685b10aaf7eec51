using Microsoft.CodeAnalysis.Text;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Roslyn-test-style markup: <c>[|text|]</c> marks the span where a diagnostic is expected.</summary>
internal static class Markup
{
    public static (string Source, LinePosition Expected) Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "markup needs one [|...|] span");
        var source = markup.Remove(end, 2).Remove(start, 2);
        var text = SourceText.From(source);
        return (source, text.Lines.GetLinePosition(start));
    }

    /// <summary>
    /// Many expected diagnostics: <c>{|KSG1001:text|}</c> marks where a KSG1001 is expected (the id, a colon,
    /// then the text whose start is the diagnostic's start).
    /// </summary>
    public static (string Source, IReadOnlyList<(string Id, LinePosition Start)> Expected) ParseMany(string markup)
    {
        var builder = new System.Text.StringBuilder(markup.Length);
        var starts = new List<(string Id, int Offset)>();
        var i = 0;
        while (i < markup.Length)
        {
            if (string.CompareOrdinal(markup, i, "{|", 0, 2) == 0)
            {
                var colon = markup.IndexOf(':', i);
                starts.Add((markup[(i + 2)..colon], builder.Length));
                i = colon + 1;
            }
            else if (string.CompareOrdinal(markup, i, "|}", 0, 2) == 0)
            {
                i += 2;
            }
            else
            {
                builder.Append(markup[i++]);
            }
        }

        var source = builder.ToString();
        var text = SourceText.From(source);
        return (source, starts.Select(s => (s.Id, text.Lines.GetLinePosition(s.Offset))).ToList());
    }
}
