using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Composes each environment's <c>overlays/&lt;env&gt;/kustomization.yaml</c> from the workloads' pieces:
/// the base folder, then only what the environment changes (namespace, replicas, image tag, host patches, and the
/// transformers that keep policies in a dependency's namespace where they belong).
/// </summary>
public static class Overlays
{
    /// <param name="parts">Every workload's overlay pieces.</param>
    /// <param name="image">The image the manifests reference (the tag of which an environment may change).</param>
    /// <param name="errors">Where disagreements between workloads are reported (KSG2014).</param>
    /// <returns>File path (relative to the output folder) → content.</returns>
    public static IReadOnlyDictionary<string, string> Compose(IReadOnlyList<OverlayPart> parts, string image, List<ManifestError> errors)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var environment in parts.GroupBy(p => p.Environment).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var builder = new StringBuilder(K8sGen.Shared.Contract.KustomizationHeader).Append("resources:\n- ../../").Append(ManifestWriter.BaseFolder).Append('\n');
            var ns = Single(environment, Contract.OverlayParts.Namespace, errors);
            if (ns is not null)
            {
                builder.Append("namespace: ").Append(YamlScalars.Format(ns)).Append('\n');
            }

            AppendList(builder, Contract.OverlayParts.Replicas, environment);
            if (Single(environment, Contract.OverlayParts.ImageTag, errors) is { } tag)
            {
                builder.Append("images:\n- name: ").Append(YamlScalars.Format(PullPolicy.Repository(image))).Append("\n  newTag: ").Append(YamlScalars.Format(tag)).Append('\n');
            }

            AppendList(builder, Contract.OverlayParts.Patches, environment);
            AppendList(builder, Contract.OverlayParts.Transformers, environment);
            files[$"overlays/{environment.Key}/{Contract.KustomizationFile}"] = builder.ToString();
        }

        return files;
    }

    private static void AppendList(StringBuilder builder, string part, IEnumerable<OverlayPart> parts)
    {
        var items = parts.Where(p => p.Part == part).ToList();
        if (items.Count > 0)
        {
            builder.Append(part).Append(":\n");
            foreach (var item in items)
            {
                builder.Append(item.Value);
            }
        }
    }

    /// <summary>A setting the whole environment shares (one namespace, one image tag): the workloads must agree.</summary>
    private static string? Single(IGrouping<string, OverlayPart> environment, string part, List<ManifestError> errors)
    {
        var values = environment.Where(p => p.Part == part).ToList();
        var distinct = values.Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            errors.Add(new ManifestError(ErrorCodes.OverlayConflict, $"environment '{environment.Key}': the workloads of this project set different {part} values ({string.Join(", ", values.Select(v => $"{v.Workload}: '{v.Value}'"))}); one overlay can have only one. Make them agree."));
        }

        return distinct.FirstOrDefault();
    }
}
