using K8sGen.MSBuild.Manifests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace K8sGen.MSBuild.Tasks;

/// <summary>
/// Reads what the container image must agree with from the manifests the generator embedded, for the
/// SDK's container support: <c>ContainerPort</c>, <c>ContainerLabel</c> and <c>ContainerEnvironmentVariable</c> items, and whether the
/// project has any workload (no workload, no image).
/// </summary>
public sealed class GetK8sContainerSettings : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The project's <c>ContainerUser</c>, which must be the user the manifests run as.</summary>
    public string? ContainerUser { get; set; }

    /// <summary>Ports for <c>@(ContainerPort)</c> (metadata <c>Type=tcp</c>).</summary>
    [Output]
    public ITaskItem[] Ports { get; private set; } = [];

    /// <summary>Labels for <c>@(ContainerLabel)</c> (metadata <c>Value</c>).</summary>
    [Output]
    public ITaskItem[] Labels { get; private set; } = [];

    /// <summary>Variables for <c>@(ContainerEnvironmentVariable)</c> (metadata <c>Value</c>).</summary>
    [Output]
    public ITaskItem[] Environment { get; private set; } = [];

    /// <summary>The user the pods run as, which the image must run as too (the default for <c>ContainerUser</c>).</summary>
    [Output]
    public string User => ContainerSettings.User;

    /// <summary>True when the project has at least one workload.</summary>
    [Output]
    public bool HasWorkloads { get; private set; }

    public override bool Execute()
    {
        var embedded = EmbeddedManifests.Read(AssemblyPath);
        HasWorkloads = embedded.Workloads.Count > 0;
        if (!HasWorkloads)
        {
            return true;
        }

        if (ContainerUser is { Length: > 0 } user && user != ContainerSettings.User && user != "app")
        {
            Log.LogError(null, ErrorCodes.ContainerUserMismatch, null, null, 0, 0, 0, 0,
                $"ContainerUser is '{user}', but the manifests run the pod as user {ContainerSettings.User} (runAsUser, the .NET images' 'app' user). Remove ContainerUser or set it to {ContainerSettings.User}.");
            return false;
        }

        var errors = new List<ManifestError>();
        var settings = ContainerSettings.From(embedded, errors, BuildParseCache.For(BuildEngine));
        foreach (var error in errors)
        {
            Log.LogError(null, error.Code, null, error.File, 0, 0, 0, 0, error.Message);
        }

        Ports = [.. settings.Ports.Select(port => new TaskItem(port.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string> { ["Type"] = "tcp" }))];
        Labels = [.. settings.Labels.Select(label => new TaskItem(label.Key, new Dictionary<string, string> { ["Value"] = label.Value }))];
        Environment = [.. settings.Environment.Select(variable => new TaskItem(variable.Key, new Dictionary<string, string> { ["Value"] = variable.Value }))];
        return !Log.HasLoggedErrors;
    }
}
