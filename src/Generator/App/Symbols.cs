using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sGen.Generator.App;

/// <summary>Small questions about symbols and operations that endpoint and configuration discovery both ask.</summary>
internal static class Symbols
{
    /// <summary>The type is <paramref name="ns"/>.<paramref name="name"/> (the name is compared first: this runs for many calls).</summary>
    public static bool Is(ITypeSymbol? type, string ns, string name) =>
        type is not null && type.Name == name && InNamespace(type.ContainingNamespace, ns);

    /// <summary>The namespace is <paramref name="dotted"/> (compared part by part from the innermost, without building its name).</summary>
    public static bool InNamespace(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0 || (start > 0 && dotted[start - 1] != '.'))
            {
                return false;
            }

            end = start - 1;
        }

        return end == -1;
    }

    /// <summary>
    /// Under an if, switch, loop, try, <c>?.</c>, <c>??</c> or <c>&amp;&amp;</c>/<c>||</c>: a call that may not run (a listen address
    /// that proves nothing, an endpoint that may exist only in Development).
    /// </summary>
    public static bool UnderCondition(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or IConditionalAccessOperation or ICoalesceOperation
                    or ILoopOperation or ITryOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The operation without the conversions and parentheses the compiler put around it.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>A compile-time constant string, or null (a value K8sGen cannot know).</summary>
    public static string? Constant(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return operation is IConversionOperation conversion ? Constant(conversion.Operand) : null;
    }

    /// <summary>The argument given for the parameter named <paramref name="name"/> (a default value included), or null.</summary>
    public static IArgumentOperation? Argument(IInvocationOperation invocation, string name)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>What the method is called on: the instance, or an extension method's first argument.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Declared in generated code (a source generator's output, <c>*.g.cs</c>, <c>*.designer.cs</c>, an
    /// <c>&lt;auto-generated&gt;</c> header), which the analyzer does not walk: what such a method maps is unseen.
    /// </summary>
    public static bool InGeneratedCode(ISymbol symbol)
    {
        // [GeneratedCode] on the member or a type around it, as Roslyn decides.
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            if (current.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"))
            {
                return true;
            }
        }

        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            var file = System.IO.Path.GetFileName(tree.FilePath);
            if (file.StartsWith("TemporaryGeneratedFile_", System.StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase) || file.EndsWith(".g.i.cs", System.StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".designer.cs", System.StringComparison.OrdinalIgnoreCase) || file.EndsWith(".generated.cs", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var trivia in tree.GetRoot().GetLeadingTrivia())
            {
                var text = trivia.ToString();
                if (text.IndexOf("<auto-generated", System.StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("<autogenerated", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The local is written again after its declaration (<c>api = api.MapGroup("/v1")</c>, <c>ref api</c>): then its
    /// initializer is not what it holds. By name within the file, which can only make K8sGen more careful.
    /// </summary>
    private static bool AssignedAgain(Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator) =>
        TreeFacts.Of(declarator.SyntaxTree).Assigned.Contains(declarator.Identifier.ValueText);

    /// <summary>
    /// What one pass over a file finds, kept per syntax tree (trees are immutable; an edit makes a new one): the
    /// names assigned or passed by reference, and the names checked for null. A lookup per local instead of a walk
    /// of the file per local (a Program.cs of top-level statements is one scope).
    /// </summary>
    internal sealed class TreeFacts
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, TreeFacts> Cache = new();

        private TreeFacts(SyntaxTree tree)
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax left }:
                        Assigned.Add(left.Identifier.ValueText);
                        break;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax passed }:
                        Assigned.Add(passed.Identifier.ValueText);
                        break;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier when IsNullCheck(identifier):
                        NullChecked.Add(identifier.Identifier.ValueText);
                        break;
                }
            }
        }

        public HashSet<string> Assigned { get; } = new(System.StringComparer.Ordinal);

        public HashSet<string> NullChecked { get; } = new(System.StringComparer.Ordinal);

        public static TreeFacts Of(SyntaxTree tree) => Cache.GetValue(tree, t => new TreeFacts(t));

        /// <summary><c>string.IsNullOrEmpty(x)</c>, <c>TryParse(x, …)</c>, <c>x is …</c>, <c>x?.</c>, <c>x switch</c>, <c>x ?? …</c>, <c>x == null</c>.</summary>
        private static bool IsNullCheck(Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier)
        {
            var use = identifier.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument ? argument.Parent?.Parent : identifier.Parent;
            return use switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "TryParse" } } => identifier.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax,
                Microsoft.CodeAnalysis.CSharp.Syntax.IsPatternExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax
                    or Microsoft.CodeAnalysis.CSharp.Syntax.SwitchExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.SwitchStatementSyntax => true,
                Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary => binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression)
                    || binary.Left.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression) || binary.Right.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression),
                _ => false,
            };
        }
    }

    /// <summary>The member a node is in (the whole file for top-level statements, which are each a member of their own).</summary>
    public static SyntaxNode Scope(SyntaxNode node)
    {
        var scope = node;
        while (scope.Parent is { } parent && (scope is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax || scope is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax)
            && scope is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)
        {
            scope = parent;
        }

        return scope;
    }

    /// <summary>The method as declared (not its reduced extension form or a generic instance), to key call sites by.</summary>
    public static IMethodSymbol Declared(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    /// <summary>Where the local was declared with a value (<c>var api = app.MapGroup("/api")</c>), as an operation.</summary>
    public static IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (local.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                && value.SyntaxTree == model.SyntaxTree && !AssignedAgain(declarator))
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }
}
