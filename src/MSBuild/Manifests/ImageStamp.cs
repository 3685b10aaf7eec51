using System.Text;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Validation;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Points containers that run the project's own image at the image the SDK actually builds (or
/// pushed, by digest). Only the <c>image:</c> lines that hold the generator's default change, as
/// text: re-serializing with KubernetesClient would unquote strings such as "0x1F" (validation.md).
/// </summary>
public static class ImageStamp
{
    public static string Apply(string yaml, string defaultImage, string projectImage)
    {
        if (defaultImage == projectImage)
        {
            return yaml;
        }

        var from = "image: " + YamlScalars.Format(defaultImage) + "\n";
        var to = "image: " + YamlScalars.Format(projectImage) + "\n";
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>Null when <paramref name="image"/> is a valid reference, else why not.</summary>
    public static string? Check(string image) => Rules.ImageReferenceError(image);
}
