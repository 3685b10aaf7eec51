using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tasks;

/// <summary><c>dotnet clean</c>: removes the files K8sGen wrote to a folder, and nothing else (see <see cref="ManifestWriter.Clean"/>).</summary>
public sealed class CleanK8sManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The folder K8sGen wrote to.</summary>
    [Microsoft.Build.Framework.Required]
    public string OutputDirectory { get; set; } = string.Empty;

    public override bool Execute()
    {
        try
        {
            ManifestWriter.Clean(OutputDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning(null, ErrorCodes.WriteFailed, null, null, 0, 0, 0, 0, $"could not remove the manifests from '{OutputDirectory}': {exception.Message}");
        }

        return true;
    }
}
