using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.Generator;

/// <summary>
/// Attributes → validated model → Kubernetes objects → YAML, exposed as <c>K8sManifests</c> and
/// embedded in the assembly. Diagnostics of the attributes come from <see cref="K8sGenAnalyzer"/> (live in
/// the IDE); here an invalid workload simply produces no YAML. Two rules keep those diagnostics visible:
/// the generated code compiles whatever the input (a compilation with errors in it shows no analyzer
/// diagnostic at all), and a failure of the generator itself is reported here, as KSG1000 at the workload.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class K8sGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // MSBuild properties, and one fact from the compilation (whether the app has Kestrel, from its references): an
        // edit stops right there and re-runs nothing downstream. Each step's value is a class (Model/PipelineValues.cs says why).
        var kestrel = context.CompilationProvider.Select(static (compilation, _) => KestrelListen.IsKestrelApp(compilation) ? KestrelApp.Yes : KestrelApp.No);
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsParser.Parse(provider.GlobalOptions))
            .Combine(kestrel)
            .Select(static (pair, _) => pair.Right.IsKestrel ? pair.Left with { Kestrel = true } : pair.Left)
            .WithTrackingName(TrackingNames.Options);

        // The project's AdditionalFiles, for [ConfigMap(FromFile = …)]: read only by workloads that name one, so an edit
        // of appsettings.json re-runs one cheap step per workload and nothing after it for the others.
        var settings = context.AdditionalTextsProvider
            .Select(static (text, ct) => new ProjectFile(text.Path.Replace('\\', '/'), text.GetText(ct)?.ToString()))
            .Collect()
            .Select(static (files, _) => new Batch<ProjectFile>(files.ToEquatableArray()))
            .Combine(options)
            .Select(static (pair, _) => new BuildSettings(pair.Right, pair.Left.Items));

        // One pipeline per workload attribute ([Deployment], [StatefulSet] …); they share every step.
        var pipelines = KnownTypes.Workloads.Select(attribute => Manifests(context, attribute, settings)).ToArray();
        var workloadManifests = pipelines.Select(p => p.Manifests).ToArray();

        // Workloads whose names give one K8sManifests member: all but the first are left out (usually none, so this
        // stays cached on an edit, and the per-workload outputs below with it).
        var dropped = All(pipelines.Select(p => MemberKeys(p.Valid)))
            .Select(static (all, _) => ManifestIndex.Dropped(all))
            .WithTrackingName(TrackingNames.Dropped);

        var index = All(workloadManifests.Select(IndexKeys)).Combine(dropped)
            .Select(static (all, _) => ManifestIndex.From(all.Left, all.Right))
            .WithTrackingName(TrackingNames.Index);

        // Marks the assembly as compiled with the generator, so the build task can tell "no workloads" from "the generator did not run".
        context.RegisterSourceOutput(options, static (spc, options) =>
        {
            if (options.Enabled)
            {
                spc.AddSource("K8sGen.Generator.g.cs", ManifestEmitter.EmitMarker());
            }
        });

        foreach (var manifests in workloadManifests)
        {
            context.RegisterSourceOutput(manifests.Combine(dropped), static (spc, pair) =>
            {
                var (manifest, dropped) = pair;
                if (manifest?.Source is not null && !dropped.Items.AsImmutableArray().Contains(manifest.ClassName))
                {
                    spc.AddSource(manifest.HintName, manifest.Source);
                }
            });

            // Only a failed workload reaches the compilation (to place its diagnostic in the source tree).
            var failures = manifests.Where(static manifest => manifest?.Failure is not null);
            context.RegisterSourceOutput(failures.Combine(context.CompilationProvider), static (spc, pair) =>
                spc.ReportDiagnostic(pair.Left!.Failure!.ToDiagnostic(pair.Right)));
        }

        context.RegisterSourceOutput(index, static (spc, entries) =>
        {
            if (!entries.Items.IsEmpty)
            {
                var workloadList = entries.Items.Select(e => (e.Name, e.Member)).ToList();
                spc.AddSource(ManifestEmitter.ClassName + ".g.cs", ManifestEmitter.EmitIndex(entries.Items[0].RootNamespace, entries.Items[0].DefaultImage, workloadList));
            }
        });
    }

    private static (IncrementalValuesProvider<WorkloadModel?> Valid, IncrementalValuesProvider<WorkloadManifest?> Manifests) Manifests(IncrementalGeneratorInitializationContext context, string attribute, IncrementalValueProvider<BuildSettings> settings)
    {
        // Roslyn re-runs this transform on every compilation, so it only reads attributes; validation is the next, cached step.
        var workloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(attribute, static (node, _) => node is ClassDeclarationSyntax, static (ctx, ct) => WorkloadAnalysis.ParseOnce(ctx, ct))
            .WithTrackingName(TrackingNames.Workloads);

        var valid = workloads
            .Select(static (model, _) => model is not null && WorkloadAnalysis.IsValid(model) ? model : null)
            .WithTrackingName(TrackingNames.Valid);

        // Two steps: an edit of a file no ConfigMap reads completes each workload to what it was, and builds nothing.
        var manifests = valid
            .Combine(settings)
            .Select(static (pair, _) => new WorkloadToBuild(pair.Left is { } model ? ConfigMapsFeature.Complete(model, pair.Right.Files, pair.Right.Options.ProjectDirectory) : null, pair.Right.Options))
            .Select(static (workload, _) => BuildManifest(workload.Model, workload.Options))
            .WithTrackingName(TrackingNames.Manifests);
        return (valid, manifests);
    }

    /// <summary>The values of every pipeline, concatenated in pipeline order.</summary>
    private static IncrementalValueProvider<Batch<T>> All<T>(IEnumerable<IncrementalValueProvider<Batch<T>>> providers)
        where T : System.IEquatable<T> =>
        providers.Aggregate(static (all, next) => all.Combine(next).Select(static (pair, _) => new Batch<T>(pair.Left.Items.AsImmutableArray().AddRange(pair.Right.Items.AsImmutableArray()).ToEquatableArray())));

    /// <summary>The member each valid workload would get, and where its name is written (the analyzer's order for KSG1008).</summary>
    private static IncrementalValueProvider<Batch<MemberKey>> MemberKeys(IncrementalValuesProvider<WorkloadModel?> valid) =>
        valid
            .Select(static (model, _) => model is null ? null : new MemberKey(Naming.MemberName(model.Name.Value), model.ClassName, model.Name.Location))
            .Collect()
            .Select(static (keys, _) => Batch<MemberKey>.Of(keys));

    private static IncrementalValueProvider<Batch<IndexEntry>> IndexKeys(IncrementalValuesProvider<WorkloadManifest?> manifests) =>
        manifests
            .Select(static (manifest, _) => manifest?.Source is null ? null : new IndexEntry(manifest.RootNamespace, manifest.DefaultImage, manifest.Name, manifest.Member, manifest.ClassName))
            .Collect()
            .Select(static (entries, _) => Batch<IndexEntry>.Of(entries));

    // Locations are dropped here: when only positions move, this step's value is unchanged and the source output is not regenerated.
    private static WorkloadManifest? BuildManifest(WorkloadModel? model, GeneratorOptions options)
    {
        if (model is null || !options.Enabled || !ConfigMapsFeature.IsComplete(model) || WorkloadValidator.HasErrors(OptionsRules.Check(options)) || WorkloadValidator.HasErrors(WorkloadValidator.ValidateWithOptions(model, options)))
        {
            return null;
        }

        var member = Naming.MemberName(model.Name.Value);
        string source;
        var arena = YamlArena.Rent();
        try
        {
            // The tree lives only here: written into the C# file (and read for the overlays), then recycled.
            var objects = ManifestBuilder.Build(model, options, arena);
            var sourceFile = RelativePath(model.WorkloadAttribute.FilePath, options.ProjectDirectory);
            source = ManifestEmitter.EmitWorkload(new WorkloadParts(options.RootNamespace, model.Name.Value, member, model.ClassName, sourceFile, objects, model, options));
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Never crash the compiler, never fail in silence: the build fails with KSG1000 at the workload,
            // so the build task never runs and the workload's files from the last build stay where they are.
            var failure = WorkloadAnalysis.InternalError(model.ClassName, model.WorkloadAttribute, exception);
            return new WorkloadManifest(options.RootNamespace, options.DefaultImage, model.Name.Value, member, model.ClassName, ManifestEmitter.HintName(model.ClassName), null, failure);
        }
        finally
        {
            arena.Return();
        }

        return new WorkloadManifest(options.RootNamespace, options.DefaultImage, model.Name.Value, member, model.ClassName, ManifestEmitter.HintName(model.ClassName), source, null);
    }

    /// <summary>Relative to the project (never an absolute path in the assembly: builds stay reproducible across machines).</summary>
    private static string RelativePath(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        var root = projectDirectory?.Replace('\\', '/').TrimEnd('/') + "/";
        return projectDirectory is not null && normalized.StartsWith(root, System.StringComparison.Ordinal)
            ? normalized.Substring(root.Length)
            : System.IO.Path.GetFileName(normalized);
    }

}

/// <summary>One line of the <c>K8sManifests</c> index.</summary>
internal sealed record IndexEntry(string RootNamespace, string DefaultImage, string Name, string Member, string ClassName);

/// <summary>A workload's K8sManifests member, its class, and where its name is written.</summary>
internal sealed record MemberKey(string Member, string ClassName, LocationInfo NameLocation);

/// <summary>
/// Which workloads get a member of <c>K8sManifests</c>. Two workloads whose names give one member (the same
/// name, or <c>users-v1</c> beside <c>users-v-1</c>) are KSG1008, which the analyzer reports at the later one;
/// only the first (by file and position, as the analyzer orders them) is generated, so the generated class
/// still compiles and every other diagnostic of the project is still reported (the compiler shows no
/// analyzer diagnostic while the compilation has errors).
/// </summary>
internal static class ManifestIndex
{
    /// <summary>Classes of the workloads left out: all but the first of each member.</summary>
    public static Batch<string> Dropped(Batch<MemberKey> keys)
    {
        var sorted = new List<MemberKey>(keys.Items);

        sorted.Sort(static (a, b) =>
            string.CompareOrdinal(a.Member, b.Member) is var byMember and not 0 ? byMember
            : string.CompareOrdinal(a.NameLocation.FilePath, b.NameLocation.FilePath) is var byFile and not 0 ? byFile
            : a.NameLocation.Span.Start.CompareTo(b.NameLocation.Span.Start));
        List<string>? dropped = null;
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Member == sorted[i - 1].Member)
            {
                (dropped ??= []).Add(sorted[i].ClassName);
            }
        }

        return dropped is null ? Batch<string>.Empty : new Batch<string>(dropped.ToEquatableArray());
    }

    /// <summary>The generated workloads, sorted by name.</summary>
    public static Batch<IndexEntry> From(Batch<IndexEntry> entries, Batch<string> dropped)
    {
        var kept = new List<IndexEntry>(entries.Items.Length);
        foreach (var entry in entries.Items)
        {
            if (!dropped.Items.AsImmutableArray().Contains(entry.ClassName))
            {
                kept.Add(entry);
            }
        }

        kept.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return new Batch<IndexEntry>(kept.ToEquatableArray());
    }
}
