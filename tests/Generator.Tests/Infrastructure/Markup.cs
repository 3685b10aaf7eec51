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
}
