using System.Text;
using K8sGen.Shared;

namespace K8sGen.Generator.Emit;

/// <summary>
/// Writes a workload's overlay pieces (see <c>EnvironmentOverlays</c>) straight into its C# file, each as an assembly
/// metadata attribute whose value is a verbatim literal: the YAML is written once, in place, with every quote doubled,
/// rather than built as a string and escaped into a copy. The build task reads them by key.
/// </summary>
internal readonly struct OverlayWriter(StringBuilder builder, string workload)
{
    /// <summary>Where a piece starts in the file, and where its value does.</summary>
    internal readonly record struct Piece(int Start, int Value);

    /// <summary>A piece whose value is <paramref name="text"/>.</summary>
    public void Write(string environment, string part, string text)
    {
        var piece = Begin(environment, part);
        Text(text);
        End(piece, keepEmpty: true);
    }

    /// <summary>Starts a piece: the attribute, its key and the opening of its value.</summary>
    public Piece Begin(string environment, string part)
    {
        var start = builder.Length;
        ManifestEmitter.AppendOverlayKey(builder.Append(ManifestEmitter.MetadataAttribute), environment, workload, part).Append(", @\"");
        return new Piece(start, builder.Length);
    }

    /// <summary>Ends a piece; one whose value stayed empty is taken out again unless <paramref name="keepEmpty"/>.</summary>
    public void End(Piece piece, bool keepEmpty = false)
    {
        if (builder.Length == piece.Value && !keepEmpty)
        {
            builder.Length = piece.Start;
            return;
        }

        builder.Append("\")]\n");
    }

    /// <summary>Text of the value as it is (YAML syntax, names already valid), quotes doubled.</summary>
    public OverlayWriter Text(string text)
    {
        if (text.IndexOf('"') < 0)
        {
            builder.Append(text);
            return this;
        }

        foreach (var c in text)
        {
            builder.Append(c);
            if (c == '"')
            {
                builder.Append('"');
            }
        }

        return this;
    }

    /// <summary>A YAML scalar, quoted where YAML needs it (<see cref="YamlScalars"/>), its quotes doubled.</summary>
    public OverlayWriter Scalar(string value)
    {
        YamlScalars.Append(builder, value, "\"\"");
        return this;
    }
}
