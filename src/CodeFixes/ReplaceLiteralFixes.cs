using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Features;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.CodeFixes;

/// <summary>KSG3005: the workload's image with the project's version as its tag, in place of <c>:latest</c> or no tag.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(PinImageTagFix)), Shared]
public sealed class PinImageTagFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticDescriptors.MutableImageTag.Id];

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ReplaceLiteral.Register(context, WorkloadPolicy.ImageProperty, value => $"Use '{value}'");
}

/// <summary>KSG1001: the closest valid workload name, in place of the invalid one (or written as <c>Name</c> when it was derived from the class).</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(ValidNameFix)), Shared]
public sealed class ValidNameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticDescriptors.InvalidWorkloadName.Id];

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) =>
        ReplaceLiteral.Register(context, WorkloadRules.NameProperty, value => $"Name it '{value}'", addAs: "Name");
}

internal static class ReplaceLiteral
{
    /// <summary>Replaces the string literal at the diagnostic with the property's value; at an attribute instead, adds it as <paramref name="addAs"/>.</summary>
    public static async Task Register(CodeFixContext context, string property, System.Func<string, string> title, string? addAs = null)
    {
        var root = await AttributeEdits.Root(context.Document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || diagnostic.Property(property) is not { } value)
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                context.RegisterCodeFix(AttributeEdits.Replace(title(value), context.Document, root, literal, AttributeEdits.String(value).WithTriviaFrom(literal)), diagnostic);
            }
            else if (addAs is not null && node.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
            {
                var named = AttributeEdits.WithArguments(attribute, [AttributeEdits.Named(addAs, AttributeEdits.String(value))]);
                context.RegisterCodeFix(AttributeEdits.Replace(title(value), context.Document, root, attribute, named), diagnostic);
            }
        }
    }
}
