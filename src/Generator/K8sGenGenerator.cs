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
/// embedded in the assembly. Diagnostics come from <see cref="K8sGenAnalyzer"/> (live in the IDE);
/// here an invalid workload simply produces no YAML.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class K8sGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only MSBuild properties, never the Compilation: an edit must not re-run anything downstream.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => OptionsParser.Parse(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // One pipeline per workload attribute ([Deployment], [CronJob], [Job]); they share every step.
        var deployments = Manifests(context, KnownTypes.Deployment, options);
        var cronJobs = Manifests(context, KnownTypes.CronJob, options);
        var jobs = Manifests(context, KnownTypes.Job, options);

        var index = IndexKeys(deployments).Combine(IndexKeys(cronJobs)).Combine(IndexKeys(jobs))
            .Select(static (all, _) => IndexEntries(all.Left.Left.AddRange(all.Left.Right).AddRange(all.Right)))
            .WithTrackingName(TrackingNames.Index);

        // Marks the assembly as compiled with the generator, so the build task can tell "no workloads" from "the generator did not run".
        context.RegisterSourceOutput(options, static (spc, options) =>
        {
            if (options.Enabled)
            {
                spc.AddSource("K8sGen.Generator.g.cs", ManifestEmitter.EmitMarker());
            }
        });

        foreach (var manifests in new[] { deployments, cronJobs, jobs })
        {
            context.RegisterSourceOutput(manifests, static (spc, manifest) =>
            {
                if (manifest is not null)
                {
                    spc.AddSource(manifest.HintName, manifest.Source);
                }
            });
        }

        context.RegisterSourceOutput(index, static (spc, entries) =>
        {
            if (!entries.IsEmpty)
            {
                var workloadList = entries.Select(e => (e.Name, e.Member)).ToList();
                spc.AddSource(ManifestEmitter.ClassName + ".g.cs", ManifestEmitter.EmitIndex(entries[0].RootNamespace, entries[0].DefaultImage, workloadList));
            }
        });
    }

    private static IncrementalValuesProvider<WorkloadManifest?> Manifests(IncrementalGeneratorInitializationContext context, string attribute, IncrementalValueProvider<GeneratorOptions> options)
    {
        // Roslyn re-runs this transform on every compilation, so it only reads attributes; validation is the next, cached step.
        var workloads = context.SyntaxProvider
            .ForAttributeWithMetadataName(attribute, static (node, _) => node is ClassDeclarationSyntax, static (ctx, ct) => WorkloadAnalysis.ParseOnce(ctx, ct))
            .WithTrackingName(TrackingNames.Workloads);

        var valid = workloads
            .Select(static (model, _) => model is not null && WorkloadAnalysis.IsValid(model) ? model : null)
            .WithTrackingName(TrackingNames.Valid);

        return valid
            .Combine(options)
            .Select(static (pair, _) => BuildManifest(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Manifests);
    }

    // A class, not a tuple: the driver's nodes over reference types share code the JIT has already compiled,
    // which matters when every build starts a fresh compiler (UseSharedCompilation=false).
    private static IncrementalValueProvider<ImmutableArray<IndexEntry?>> IndexKeys(IncrementalValuesProvider<WorkloadManifest?> manifests) =>
        manifests
            .Select(static (manifest, _) => manifest is null ? null : new IndexEntry(manifest.RootNamespace, manifest.DefaultImage, manifest.Name, manifest.Member))
            .Collect();

    // Locations are dropped here: when only positions move, this step's value is unchanged and the source output is not regenerated.
    private static WorkloadManifest? BuildManifest(ServiceModel? model, GeneratorOptions options)
    {
        if (model is null || !options.Enabled || ServiceValidator.HasErrors(OptionsRules.Check(options)))
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
            var overlays = EnvironmentOverlays.For(model, objects);
            var sourceFile = RelativePath(model.WorkloadAttribute.FilePath, options.ProjectDirectory);
            source = ManifestEmitter.EmitWorkload(new WorkloadParts(options.RootNamespace, model.Name.Value, member, model.ClassName, sourceFile, objects, overlays));
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // Never crash the compiler; the analyzer reports the same failure as KSG1000.
            return null;
        }
        finally
        {
            arena.Return();
        }

        return new WorkloadManifest(options.RootNamespace, options.DefaultImage, model.Name.Value, member, ManifestEmitter.HintName(model.ClassName), source);
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

    /// <summary>The workloads for the index, sorted by name; duplicates (an error the analyzer reports) keep the first.</summary>
    private static EquatableArray<IndexEntry> IndexEntries(ImmutableArray<IndexEntry?> entries)
    {
        var sorted = new List<IndexEntry>(entries.Length);
        foreach (var entry in entries)
        {
            if (entry is not null)
            {
                sorted.Add(entry);
            }
        }

        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var members = new HashSet<string>(System.StringComparer.Ordinal);
        sorted.RemoveAll(entry => !members.Add(entry.Member));
        return sorted.ToEquatableArray();
    }
}

/// <summary>One line of the <c>K8sManifests</c> index.</summary>
internal sealed record IndexEntry(string RootNamespace, string DefaultImage, string Name, string Member);
