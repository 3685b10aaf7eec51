using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Points containers that run the project's own image at the image the SDK actually builds (or pushed, by
/// digest), with the pull policy that image implies. It edits the generator's text exactly where the strict
/// parse found each such container's <c>image</c> and <c>imagePullPolicy</c> values (<see cref="ImageSite"/>):
/// by structure, never by key order or a pattern. Re-serializing with KubernetesClient instead would unquote
/// strings such as "0x1F" (validation.md).
/// </summary>
public static class ImageStamp
{
    /// <exception cref="InvalidOperationException">A site does not hold what the parse said (a bug: nothing is written).</exception>
    public static string Apply(string yaml, IReadOnlyList<ImageSite> sites, string defaultImage, string projectImage)
    {
        if (defaultImage == projectImage)
        {
            return yaml;
        }

        var expected = YamlScalars.Format(defaultImage);
        var edits = new List<(int Start, int End, string Text)>();
        foreach (var site in sites.Where(s => s.Image == defaultImage))
        {
            Expect(yaml, site.ImageSpan, expected);
            edits.Add((site.ImageSpan.Start, site.ImageSpan.End, YamlScalars.Format(projectImage)));
            if (site.PolicySpan is { } policy)
            {
                Expect(yaml, policy, PullPolicy.For(defaultImage));
                edits.Add((policy.Start, policy.End, PullPolicy.For(projectImage)));
            }
        }

        var builder = new StringBuilder(yaml);
        foreach (var (start, end, text) in edits.OrderByDescending(e => e.Start))
        {
            builder.Remove(start, end - start).Insert(start, text);
        }

        return builder.ToString();
    }

    /// <summary>Null when <paramref name="image"/> is a valid reference, else why not.</summary>
    public static string? Check(string image) => KubernetesFormats.ImageReference(image);

    private static void Expect(string yaml, (int Start, int End) span, string text)
    {
        if (span.End > yaml.Length || yaml.Substring(span.Start, span.End - span.Start) != text)
        {
            throw new InvalidOperationException($"expected '{text}' at offset {span.Start} of the generator's YAML");
        }
    }
}
