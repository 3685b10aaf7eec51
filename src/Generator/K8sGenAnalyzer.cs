using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using K8sGen.Generator.App;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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

            var workloads = new ConcurrentBag<(WorkloadModel Model, bool IsValid)>();
            var options = OptionsParser.Parse(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            var policy = PolicyOptions.Parse(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, options);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, workloads, policy), SymbolKind.NamedType);

            // Where the app's code chooses its listen addresses: only an app with Kestrel has any (null: not checked).
            ConcurrentBag<ListenSource>? listens = KestrelListen.IsKestrelApp(start.Compilation) ? [] : null;
            var entryPoint = listens is null ? null : start.Compilation.GetEntryPoint(start.CancellationToken);

            // What the code maps and reads, for the checks of the manifests against it (Feature.CheckApp).
            var app = new AppDiscovery();
            start.RegisterOperationAction(
                operation =>
                {
                    var invocation = (IInvocationOperation)operation.Operation;
                    app.OnInvocation(invocation);
                    if (listens is not null && ListenSources.FromInvocation(invocation, entryPoint) is { } source)
                    {
                        listens.Add(source);
                    }
                },
                OperationKind.Invocation);
            start.RegisterOperationAction(operation => app.OnPropertyReference((IPropertyReferenceOperation)operation.Operation), OperationKind.PropertyReference);
            start.RegisterOperationAction(operation => app.OnObjectCreation((IObjectCreationOperation)operation.Operation), OperationKind.ObjectCreation);
            start.RegisterOperationAction(operation => app.OnMethodReference((IMethodReferenceOperation)operation.Operation), OperationKind.MethodReference);
            start.RegisterOperationAction(operation => app.OnAssignment((ISimpleAssignmentOperation)operation.Operation), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(operation => app.OnFieldInitializer((IFieldInitializerOperation)operation.Operation), OperationKind.FieldInitializer);

            start.RegisterCompilationEndAction(end => ReportProjectWide(end, workloads, listens, app, options, policy));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<(WorkloadModel Model, bool IsValid)> workloads, PolicyOptions policy)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var isWorkload = false;
        var hasOtherK8sGenAttributes = false;
        foreach (var attribute in type.GetAttributes())
        {
            var workloadAttribute = KnownTypes.IsWorkload(attribute.AttributeClass);
            isWorkload |= workloadAttribute;
            hasOtherK8sGenAttributes |= !workloadAttribute && KnownTypes.FeatureOf(attribute.AttributeClass) is not null;
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
            var isValid = !WorkloadValidator.HasErrors(diagnostics);
            workloads.Add((model, isValid));
            if (isValid && policy.Level != PolicyLevel.None)
            {
                ReportPolicy(context, model, policy);
            }
        }
    }

    /// <summary>The KSG3xxx checks, at the workload (live in the IDE), with the severity the policy level gives them.</summary>
    private static void ReportPolicy(SymbolAnalysisContext context, WorkloadModel model, PolicyOptions policy)
    {
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (var feature in FeatureRegistry.All)
        {
            feature.CheckPolicy(model, policy, diagnostics);
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation, policy.Severity(diagnostic.Descriptor)));
        }
    }

    private static void ReportOrphanAttributes(SymbolAnalysisContext context, INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (KnownTypes.FeatureOf(attribute.AttributeClass) is not null && attribute.ApplicationSyntaxReference is { } reference)
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

    /// <param name="workloads">Every workload, and whether it is free of errors of its own (the rules that need
    /// the whole project or its settings check only those).</param>
    /// <param name="listens">Where the app's code chooses its listen addresses; null when the app has no Kestrel.</param>
    /// <param name="app">What the code maps and reads.</param>
    /// <param name="options">The project's MSBuild properties, parsed once per compilation.</param>
    /// <param name="policy">The project's policy settings (an invalid K8sGenPolicy is reported here, once).</param>
    private static void ReportProjectWide(CompilationAnalysisContext context, ConcurrentBag<(WorkloadModel Model, bool IsValid)> workloads, ConcurrentBag<ListenSource>? listens, AppDiscovery app, GeneratorOptions options, PolicyOptions policy)
    {
        // Sorted by position, so the first declaration wins and the report does not depend on analysis order.
        var ordered = workloads
            .OrderBy(w => w.Model.Name.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(w => w.Model.Name.Location.Span.Start)
            .ToList();
        foreach (var group in ordered.Select(w => w.Model).GroupBy(w => Naming.MemberName(w.Name.Value), StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                var clash = duplicate.Name.Value == first.Name.Value
                    ? "declared at " + first.Name.Location.Describe(context.Compilation)
                    : $"both names become K8sManifests.{group.Key}";
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateWorkloadName, duplicate.Name.Location, duplicate.Name.Value, duplicate.ClassName, first.ClassName, clash).ToDiagnostic(context.Compilation));
            }
        }

        foreach (var diagnostic in OptionsRules.Check(options))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }

        if (policy.Check() is { } invalidPolicy)
        {
            context.ReportDiagnostic(invalidPolicy.ToDiagnostic(context.Compilation));
        }

        var valid = ordered.Where(w => w.IsValid).Select(w => w.Model).ToList();
        foreach (var workload in valid)
        {
            foreach (var diagnostic in WorkloadValidator.ValidateWithOptions(workload, options))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
            }
        }

        ReportDerivedNameClashes(context, valid, options);
        ReportConfigFiles(context, valid, options);
        var settings = AppSettingsFiles(context, options);
        if (listens is not null)
        {
            ReportListenAddresses(context, valid, settings, listens);
        }

        if (valid.Count > 0)
        {
            var model = app.Build(context.Compilation, settings, context.CancellationToken);
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            foreach (var feature in FeatureRegistry.All)
            {
                feature.CheckApp(valid, model, options, diagnostics);
            }

            foreach (var diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
            }
        }
    }

    /// <summary>KSG1199: each [ConfigMap(FromFile = …)] names one of the project's AdditionalFiles, as the generator reads them.</summary>
    private static void ReportConfigFiles(CompilationAnalysisContext context, List<WorkloadModel> valid, GeneratorOptions options)
    {
        List<ProjectFile>? files = null;
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (var workload in valid)
        {
            if (ConfigMapsFeature.Of(workload) is not null)
            {
                files ??= context.Options.AdditionalFiles.Select(f => new ProjectFile(f.Path.Replace('\\', '/'), f.GetText(context.CancellationToken)?.ToString())).ToList();
                ConfigMapsFeature.CheckFiles(workload, files, options.ProjectDirectory, diagnostics);
            }
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
        }
    }

    /// <summary>The project's own appsettings files, by name (ASP.NET Core reads them from the content root, the project folder).</summary>
    private static SortedDictionary<string, string> AppSettingsFiles(CompilationAnalysisContext context, GeneratorOptions options)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in context.Options.AdditionalFiles)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            var folder = System.IO.Path.GetDirectoryName(file.Path)?.Replace('\\', '/').TrimEnd('/');
            if (name.StartsWith("appsettings", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
                && (options.ProjectDirectory is null || folder == options.ProjectDirectory.Replace('\\', '/').TrimEnd('/'))
                && file.GetText(context.CancellationToken) is { } text)
            {
                settings[name] = text.ToString();
            }
        }

        return settings;
    }

    /// <summary>
    /// KSG1016: a name K8sGen makes up (a second HTTPRoute <c>hr-2</c>, a policy <c>b-from-c</c>, a headless Service,
    /// a claim, a ClusterRole, a named ServiceAccount) that another object of the same kind and namespace already
    /// has. Otherwise the build task would find it (KSG2006) with no location, or kubectl would quietly apply one
    /// over the other.
    /// </summary>
    private static void ReportDerivedNameClashes(CompilationAnalysisContext context, IReadOnlyList<WorkloadModel> workloads, GeneratorOptions options)
    {
        var names = workloads.Select(workload => (workload, ObjectNames.Of(workload, options).ToList())).ToList();
        var owners = new Dictionary<(string Kind, string Namespace, string Name), string>();
        foreach (var (workload, objects) in names)
        {
            foreach (var own in objects.Where(o => !o.IsDerived))
            {
                owners[(own.Kind, own.Namespace ?? string.Empty, own.Name)] = workload.Name.Value;
            }
        }

        foreach (var (workload, objects) in names)
        {
            foreach (var derived in objects.Where(o => o.IsDerived))
            {
                var key = (derived.Kind, derived.Namespace ?? string.Empty, derived.Name);
                if (owners.TryGetValue(key, out var owner))
                {
                    var where = derived.Namespace is null ? string.Empty : $" in namespace '{derived.Namespace}'";
                    context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedNameClash, derived.Attribute!.Value, derived.Kind, derived.Name, derived.Source!, workload.Name.Value, owner, where).ToDiagnostic(context.Compilation));
                }
                else
                {
                    owners[key] = workload.Name.Value;
                }
            }
        }
    }

    /// <summary>KSG1015: where the app chooses its own listen addresses (code, appsettings*.json, [Env]), they must include the declared ports.</summary>
    private static void ReportListenAddresses(CompilationAnalysisContext context, IReadOnlyList<WorkloadModel> workloads, IReadOnlyDictionary<string, string> settings, ConcurrentBag<ListenSource> listens)
    {
        var code = listens.OrderBy(s => s.Location?.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location?.SourceSpan.Start).ToList();

        foreach (var workload in workloads)
        {
            var sources = new List<ListenSource>(code);
            sources.AddRange(AppSettings.ForEnvironment(settings, AppSettings.EnvironmentName(workload)));
            foreach (var diagnostic in ListenSources.Check(workload, sources))
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic(context.Compilation));
            }
        }
    }
}
