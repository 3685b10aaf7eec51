using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K8sGen.Generator.Model;

/// <summary>
/// Where a setting was written: a file path and a span, without the syntax tree that a
/// <see cref="Location"/> would keep alive (and that would defeat incremental caching). Line and
/// column are computed only when a diagnostic is reported, which keeps parsing cheap. A struct:
/// every setting carries one, and the parse that Roslyn re-runs on each edit should not allocate them.
/// </summary>
internal readonly record struct LocationInfo(string FilePath, TextSpan Span)
{
    public static LocationInfo From(SyntaxNode node) => new(node.SyntaxTree.FilePath, node.Span);

    public static LocationInfo From(Location location) => new(location.SourceTree?.FilePath ?? location.GetLineSpan().Path, location.SourceSpan);

    /// <summary>Maps back into the tree of <paramref name="compilation"/> it came from; analyzers must report in-source locations.</summary>
    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.None;
    }

    /// <summary><c>path(line,column)</c>, 1-based, as compilers print positions.</summary>
    public string Describe(Compilation compilation)
    {
        var start = ToLocation(compilation).GetLineSpan().StartLinePosition;
        return $"{FilePath}({start.Line + 1},{start.Character + 1})";
    }
}
