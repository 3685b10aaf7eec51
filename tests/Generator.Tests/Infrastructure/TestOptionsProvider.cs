using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Supplies MSBuild properties the way the SDK does for <c>CompilerVisibleProperty</c> items.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string>? properties) : AnalyzerConfigOptionsProvider
{
    private readonly Globals _global = new(properties ?? new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => EmptyOptions.Instance;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => EmptyOptions.Instance;

    private sealed class Globals(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            const string prefix = "build_property.";
            if (key.StartsWith(prefix, StringComparison.Ordinal) && properties.TryGetValue(key[prefix.Length..], out var found))
            {
                value = found;
                return true;
            }

            value = null;
            return false;
        }
    }

    private sealed class EmptyOptions : AnalyzerConfigOptions
    {
        public static readonly EmptyOptions Instance = new();

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }
    }
}
