using System.Text.RegularExpressions;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Points containers that run the project's own image at the image the SDK actually builds (or
/// pushed, by digest), with the pull policy that image implies. It edits the generator's text: the
/// <c>image:</c> line holding the default image and the <c>imagePullPolicy:</c> line the generator
/// always writes right after it. Re-serializing with KubernetesClient instead would unquote strings
/// such as "0x1F" (validation.md).
/// </summary>
public static class ImageStamp
{
    public static string Apply(string yaml, string defaultImage, string projectImage)
    {
        if (defaultImage == projectImage)
        {
            return yaml;
        }

        var pattern = new Regex(
            @"^(?<image>[ ]*(?:- )?image: )" + Regex.Escape(YamlScalars.Format(defaultImage)) + @"\n(?<policy>[ ]*imagePullPolicy: )\S+$",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);
        var replacement = YamlScalars.Format(projectImage);
        var policy = PullPolicy.For(projectImage);
        return pattern.Replace(yaml, match => match.Groups["image"].Value + replacement + "\n" + match.Groups["policy"].Value + policy);
    }

    /// <summary>Null when <paramref name="image"/> is a valid reference, else why not.</summary>
    public static string? Check(string image) => KubernetesFormats.ImageReference(image);
}
