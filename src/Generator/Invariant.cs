using System.Globalization;

namespace K8sGen.Generator;

/// <summary>Numbers as the YAML and the messages spell them, in any culture (the output is byte-identical everywhere).</summary>
internal static class Invariant
{
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
