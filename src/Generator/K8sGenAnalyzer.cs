using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K8sGen.Generator;

/// <summary>
/// Reports every KSG1xxx diagnostic, live in the IDE (generators run only on save in Visual Studio's
/// default mode). It runs the same parse and validation as <see cref="K8sGenGenerator"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class K8sGenAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToImmutableArray();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Projects that do not reference the attributes pay nothing more.
            if (start.Compilation.GetTypeByMetadataName(KnownTypes.Deployment) is null)
            {
                return;
            }

            var workloads = new ConcurrentBag<(string Name, string Member, string ClassName, LocationInfo Location)>();
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, workloads), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportProjectWide(end, workloads));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<(string, string, string, LocationInfo)> workloads)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var isWorkload = false;
        var hasOtherK8sGenAttributes = false;
        foreach (var attribute in type.GetAttributes())
        {
            var kind = KnownTypes.Identify(attribute.AttributeClass);
            isWorkload |= KnownTypes.IsWorkload(kind);
            hasOtherK8sGenAttributes |= kind != AttributeKind.None && !KnownTypes.IsWorkload(kind);
        }

        if (!isWorkload)
        {
            if (hasOtherK8sGenAttributes)
            {
                ReportOrphanAttributes(context, type);
            }

            return;
        }

        var (model, diagnostics) = WorkloadAnalysis.Analyze(type, context.CancellationToken);
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }

        if (model is not null)
        {
            workloads.Add((model.Name.Value, Naming.MemberName(model.Name.Value), model.ClassName, model.Name.Location));
        }
    }

    private static void ReportOrphanAttributes(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (KnownTypes.Identify(attribute.AttributeClass) is not AttributeKind.None && attribute.ApplicationSyntaxReference is { } reference)
            {
                var name = attribute.AttributeClass!.Name;
                name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.AttributeWithoutWorkload,
                    reference.GetSyntax(context.CancellationToken).GetLocation(),
                    name,
                    type.Name));
            }
        }
    }

    private static void ReportProjectWide(CompilationAnalysisContext context, ConcurrentBag<(string Name, string Member, string ClassName, LocationInfo Location)> workloads)
    {
        // Sorted by position, so the first declaration wins and the report does not depend on analysis order.
        var ordered = workloads
            .OrderBy(w => w.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(w => w.Location.Span.Start)
            .ToList();
        foreach (var group in ordered.GroupBy(w => w.Member, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var clash = duplicate.Name == first.Name
                    ? "declared at " + first.Location.Describe(context.Compilation)
                    : $"both names become K8sManifests.{first.Member}";
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWorkloadName, duplicate.Location, duplicate.Name, duplicate.ClassName, first.ClassName, clash).ToDiagnostic(context.Compilation));
            }
        }

        var options = OptionsParser.Parse(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        foreach (var diagnostic in OptionsRules.Check(options))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
    }
}
