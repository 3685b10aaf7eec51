using System.Collections.Immutable;
using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Severities from a real .editorconfig, parsed as the compiler parses it, for every file.</summary>
internal sealed class EditorConfigOptions(string text) : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set = AnalyzerConfigSet.Create(ImmutableArray.Create(AnalyzerConfig.Parse(SourceText.From(text), "/project/.editorconfig")));

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        Options(tree).TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return false;
    }

    private ImmutableDictionary<string, ReportDiagnostic> Options(SyntaxTree tree) =>
        _set.GetOptionsForSourcePath("/project/" + Path.GetFileName(tree.FilePath)).TreeOptions;
}
