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
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } value }
                && value.SyntaxTree == model.SyntaxTree)
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }
}
