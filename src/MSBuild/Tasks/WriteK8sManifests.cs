using K8sGen.MSBuild.Manifests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace K8sGen.MSBuild.Tasks;

/// <summary>
/// Writes the Kubernetes manifests that K8sGen's generator embedded in the compiled assembly to a
/// folder, strictly validated, with a kustomization.yaml. The work is in <see cref="ManifestPipeline"/>.
/// </summary>
public sealed class WriteK8sManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder to write to; created if missing.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The image the SDK builds for the project (registry/repository:tag or repository@digest); empty keeps the compile-time image.</summary>
    public string? ProjectImage { get; set; }

    /// <summary>Where the last validation is recorded (obj/…/k8sgen.validated): byte-identical YAML is not validated again. Empty: always validate.</summary>
    public string? ValidatedStamp { get; set; }

    /// <summary>The project directory, to print the output folder relative to it.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>The manifest files now in <see cref="OutputDirectory"/>.</summary>
    [Output]
    public ITaskItem[] ManifestFiles { get; private set; } = [];

    /// <summary>True when <see cref="OutputDirectory"/> now holds manifests (the project has workloads).</summary>
    [Output]
    public bool HasManifests { get; private set; }

    public override bool Execute()
    {
        var outcome = ManifestPipeline.Run(new ManifestRequest(AssemblyPath, OutputDirectory, ProjectImage, string.IsNullOrEmpty(ValidatedStamp) ? null : ValidatedStamp), BuildParseCache.For(BuildEngine));
        if (outcome.Warning is { } warning)
        {
            Log.LogWarning(null, warning.Code, null, warning.File, 0, 0, 0, 0, warning.Message);
        }

        foreach (var error in outcome.Errors)
        {
            Log.LogError(null, error.Code, null, error.File, error.Line, error.Column, 0, 0, error.Message);
        }

        if (outcome.Written is { } written)
        {
            ManifestFiles = [.. written.Written.Concat(written.Unchanged).Select(name => new TaskItem(Path.Combine(OutputDirectory, name)))];
            HasManifests = ManifestFiles.Length > 0;
            var folder = ProjectDirectory is null ? OutputDirectory : Path.GetRelativePath(ProjectDirectory, OutputDirectory);
            var summary = outcome.Workloads.Count == 0
                ? "no workloads"
                : string.Join("; ", outcome.Workloads.Select(w => $"{w.Workload} → {string.Join(", ", w.Kinds)}"));
            Log.LogMessage(MessageImportance.High, $"K8sGen: {summary} → {folder.TrimEnd('/')}/ ({written.Written.Count} written, {written.Unchanged.Count} unchanged, {written.Deleted.Count} removed{(outcome.Validated ? string.Empty : "; YAML as validated last time")})");
        }

        return !Log.HasLoggedErrors;
    }
}
