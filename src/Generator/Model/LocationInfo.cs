using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sGen.Generator.Model;

/// <summary>
/// Where a setting was written: a file path and spans, without the syntax tree that a
/// <see cref="Location"/> would keep alive (and that would defeat incremental caching).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo From(SyntaxNode node) => From(node.GetLocation());

    public static LocationInfo From(Location location)
    {
        var line = location.GetLineSpan();
        return new LocationInfo(line.Path ?? string.Empty, location.SourceSpan, line.Span);
    }

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    /// <summary>Maps back into a tree of <paramref name="compilation"/> when there is one, as analyzers must report in-source locations.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                return Location.Create(tree, Span);
            }
        }

        return ToLocation();
    }
}
