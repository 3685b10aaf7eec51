using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Features;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.CodeFixes;

/// <summary>KSG3008: <c>[Env("DB_PASSWORD", "…")]</c> becomes <c>[EnvFromSecret("DB_PASSWORD", Secret = "orders-secrets", Key = "db-password")]</c>; the literal is gone from the code.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(MoveSecretFix)), Shared]
public sealed class MoveSecretFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticDescriptors.SecretAsLiteral.Id];

    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await AttributeEdits.Root(context.Document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var (attribute, _) = root is null ? default : AttributeEdits.Find(root, diagnostic);
            if (attribute?.ArgumentList?.Arguments.FirstOrDefault() is not { } name
                || diagnostic.Property(EnvPolicy.SecretProperty) is not { } secret
                || diagnostic.Property(EnvPolicy.KeyProperty) is not { } key)
            {
                continue;
            }

            var replacement = AttributeEdits.New(
                "EnvFromSecret",
                [name, AttributeEdits.Named("Secret", AttributeEdits.String(secret)), AttributeEdits.Named("Key", AttributeEdits.String(key))],
                attribute).WithTriviaFrom(attribute);
            context.RegisterCodeFix(AttributeEdits.Replace($"Take it from Secret '{secret}', key '{key}'", context.Document, root!, attribute, replacement), diagnostic);
        }
    }
}
