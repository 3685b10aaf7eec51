using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Features;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.CodeFixes;

/// <summary>
/// KSG3003/KSG3004: adds the missing [Readiness] or [Liveness], on the path the app maps its health checks at
/// (<c>MapHealthChecks("/healthz")</c> with a literal, anywhere in the project), else the path the diagnostic suggests.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddProbeFix)), Shared]
public sealed class AddProbeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticDescriptors.NoReadinessProbe.Id, DiagnosticDescriptors.NoLivenessProbe.Id];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await AttributeEdits.Root(context.Document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var (attribute, type) = root is null ? default : AttributeEdits.Find(root, diagnostic);
            if (diagnostic.Property(ProbesPolicy.ProbeProperty) is not { } probe || type is null)
            {
                continue;
            }

            var path = await HealthPath(context.Document.Project, context.CancellationToken).ConfigureAwait(false) ?? diagnostic.Property(ProbesPolicy.PathProperty) ?? "/healthz";
            var title = $"Add [{probe}(\"{path}\")]";
            var added = AttributeEdits.New(probe, [SyntaxFactory.AttributeArgument(AttributeEdits.String(path))], attribute);
            context.RegisterCodeFix(AttributeEdits.Replace(title, context.Document, root!, type, AttributeEdits.AddAttribute(type, added)), diagnostic);
        }
    }

    /// <summary>The first <c>MapHealthChecks</c> path written as a literal in the project's code (file order), or null.</summary>
    private static async Task<string?> HealthPath(Project project, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal))
        {
            if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapHealthChecks" }
                    && invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && literal.Token.ValueText.StartsWith("/", StringComparison.Ordinal))
                {
                    return literal.Token.ValueText;
                }
            }
        }

        return null;
    }
}
