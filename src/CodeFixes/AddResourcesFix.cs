using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Features;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.CodeFixes;

/// <summary>KSG3001/KSG3002: adds the requests and memory limit the diagnostic suggests, as a new [Resources] or to the attribute that lacks them.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(AddResourcesFix)), Shared]
public sealed class AddResourcesFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticDescriptors.NoResourceRequests.Id, DiagnosticDescriptors.NoMemoryLimit.Id];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await AttributeEdits.Root(context.Document, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var (attribute, type) = root is null ? default : AttributeEdits.Find(root, diagnostic);
            if (diagnostic.Property(ResourcesPolicy.AddProperty) is not { } add || attribute is null || type is null)
            {
                continue;
            }

            var settings = add.Split(';')
                .Select(setting => setting.Split('='))
                .Select(pair => AttributeEdits.Named(pair[0], AttributeEdits.String(pair[1])))
                .ToList();
            var text = string.Join(", ", settings.Select(s => s.ToString()));
            if (diagnostic.Property(ResourcesPolicy.NewAttributeProperty) is { } name)
            {
                var title = $"Add [{name}({text})]";
                context.RegisterCodeFix(AttributeEdits.Replace(title, context.Document, root!, type, AttributeEdits.AddAttribute(type, AttributeEdits.New(name, settings, attribute))), diagnostic);
            }
            else
            {
                var title = "Add " + text;
                context.RegisterCodeFix(AttributeEdits.Replace(title, context.Document, root!, attribute, AttributeEdits.WithArguments(attribute, settings)), diagnostic);
            }
        }
    }
}
