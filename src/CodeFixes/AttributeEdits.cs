using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace K8sGen.CodeFixes;

/// <summary>The edits the fixes share: find the attribute a diagnostic is on, add named arguments or a new attribute, keep the layout.</summary>
internal static class AttributeEdits
{
    /// <summary>The attribute at (or around) the diagnostic's location, and the class it is on.</summary>
    public static (AttributeSyntax? Attribute, ClassDeclarationSyntax? Class) Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
        return (attribute, node.FirstAncestorOrSelf<ClassDeclarationSyntax>());
    }

    /// <summary>A string literal, escaped as C# writes it.</summary>
    public static LiteralExpressionSyntax String(string value) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value));

    /// <summary><c>Name = value</c>, spaced as people write it.</summary>
    public static AttributeArgumentSyntax Named(string name, ExpressionSyntax value) =>
        AttributeArgument(NameEquals(IdentifierName(name), Token(SyntaxKind.EqualsToken).WithLeadingTrivia(Space).WithTrailingTrivia(Space)), null, value);

    /// <summary>The attribute with <paramref name="added"/> after its arguments (an argument list is created when it has none).</summary>
    public static AttributeSyntax WithArguments(AttributeSyntax attribute, IEnumerable<AttributeArgumentSyntax> added)
    {
        var arguments = (attribute.ArgumentList?.Arguments ?? default).Concat(added).ToList();
        return attribute.WithArgumentList(AttributeArgumentList(SeparatedList(arguments, Enumerable.Repeat(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space), arguments.Count - 1))));
    }

    /// <summary>A new attribute (e.g. <c>[Resources(…)]</c>), named as the user's other attributes are (with or without <c>K8sGen.</c>).</summary>
    public static AttributeSyntax New(string name, IEnumerable<AttributeArgumentSyntax> arguments, AttributeSyntax? sibling) =>
        WithArguments(Attribute(Name(name, sibling)), arguments);

    /// <summary><paramref name="name"/> qualified like <paramref name="sibling"/>'s name (<c>K8sGen.Env</c> → <c>K8sGen.EnvFromSecret</c>).</summary>
    public static NameSyntax Name(string name, AttributeSyntax? sibling) =>
        sibling?.Name is QualifiedNameSyntax qualified ? QualifiedName(qualified.Left, IdentifierName(name)) : IdentifierName(name);

    /// <summary>
    /// The class with one more attribute list after its last one: on a line of its own when the attributes are one per line,
    /// else on the same line.
    /// </summary>
    public static ClassDeclarationSyntax AddAttribute(ClassDeclarationSyntax type, AttributeSyntax attribute)
    {
        var list = AttributeList(SingletonSeparatedList(attribute));
        if (type.AttributeLists.Count == 0)
        {
            return type.AddAttributeLists(list.WithTrailingTrivia(ElasticCarriageReturnLineFeed));
        }

        var last = type.AttributeLists.Last();
        var onItsOwnLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var indentation = last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        list = list.WithLeadingTrivia(onItsOwnLine && indentation != default ? TriviaList(indentation) : TriviaList())
            .WithTrailingTrivia(last.GetTrailingTrivia());
        return type.WithAttributeLists(type.AttributeLists.Add(list));
    }

    /// <summary>A code action that replaces one node of the document.</summary>
    public static CodeAction Replace(string title, Document document, SyntaxNode root, SyntaxNode node, SyntaxNode replacement) =>
        CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, replacement))), equivalenceKey: title);

    /// <summary>The value of a diagnostic property, or null.</summary>
    public static string? Property(this Diagnostic diagnostic, string key) =>
        diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    public static async Task<SyntaxNode?> Root(Document document, CancellationToken cancellationToken) =>
        await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
}
