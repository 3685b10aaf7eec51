using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Points containers that run the project's own image at the image the SDK actually builds (or pushed, by
/// digest), with the pull policy that image implies. It edits the generator's text exactly where the strict
/// parse found each such container's <c>image</c> and <c>imagePullPolicy</c> values (<see cref="ImageSite"/>, the
/// items of a pod spec's <c>containers</c> and <c>initContainers</c>; an annotation keyed "image" is no container):
/// by structure, never by key order or a pattern. Re-serializing with KubernetesClient instead would unquote
/// strings such as "0x1F" (validation.md).
/// </summary>
public static class ImageStamp
{
    /// <summary>The workload's YAML with the project image in every container that runs the default image.</summary>
    /// <exception cref="InvalidOperationException">
    /// The sites do not account for every such container (e.g. an image written as a YAML alias), or a site does not
    /// hold what the parse said: nothing is written rather than a manifest half stamped.
    /// </exception>
    public static string Apply(ParsedWorkload workload, string defaultImage, string projectImage)
    {
        var containers = ContainerSettings.PodTemplates(workload.Objects)
            .Sum(t => t.Pod.Containers.Count(c => c.Image == defaultImage) + (t.Pod.InitContainers?.Count(c => c.Image == defaultImage) ?? 0));
        var sites = workload.Images.Count(s => s.Image == defaultImage);
        if (sites != containers)
        {
            throw new InvalidOperationException($"{containers} containers run '{defaultImage}' but {sites} of their image values were found in the text");
        }

        return Apply(workload.Source.Yaml, workload.Images, defaultImage, projectImage);
    }

    /// <exception cref="InvalidOperationException">A site does not hold what the parse said.</exception>
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
