using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>What a write did, file by file (names relative to the output folder).</summary>
public sealed record WriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Deleted);

/// <summary>
/// Writes a project's manifests into one folder that <c>kubectl apply -k</c> deploys: one file per
/// workload plus a kustomization.yaml. A file is written only when its content changed, through a
/// temporary file and a rename (a cancelled build never leaves half a file), and files K8sGen wrote
/// earlier for workloads that are gone are removed. K8sGen remembers what it wrote in
/// <see cref="OwnershipFile"/> and never overwrites or deletes any other file.
/// </summary>
public static class ManifestWriter
{
    public const string OwnershipFile = ".k8sgen-files";
    public const string Kustomization = "kustomization.yaml";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="ManifestWriteException">A file K8sGen did not write is in the way, or the disk refused.</exception>
    public static WriteResult Write(string directory, IReadOnlyList<WorkloadYaml> workloads)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            files[workload.Name + ".yaml"] = workload.Yaml;
        }

        if (files.Count > 0)
        {
            files[Kustomization] = KustomizationFor(files.Keys);
        }

        try
        {
            if (files.Count == 0 && !Directory.Exists(directory))
            {
                return new WriteResult([], [], []);
            }

            Directory.CreateDirectory(directory);
            var owned = ReadOwnership(directory);
            foreach (var name in files.Keys)
            {
                if (!owned.Contains(name) && File.Exists(Path.Combine(directory, name)))
                {
                    throw new ManifestWriteException($"'{Path.Combine(directory, name)}' exists and was not written by K8sGen; move it away, or set K8sGenFolderName (or K8sGenOutputPath) to another folder");
                }
            }

            // Claim new files before writing them, so an interrupted write never leaves a file K8sGen
            // wrote but does not own (the next build would refuse to touch it).
            var claimed = owned.Union(files.Keys).Order(StringComparer.Ordinal);
            WriteIfChanged(Path.Combine(directory, OwnershipFile), Utf8.GetBytes(string.Concat(claimed.Select(k => k + "\n"))));

            var written = new List<string>();
            var unchanged = new List<string>();
            foreach (var (name, content) in files)
            {
                (WriteIfChanged(Path.Combine(directory, name), Utf8.GetBytes(content)) ? written : unchanged).Add(name);
            }

            var deleted = owned.Where(name => !files.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
            foreach (var name in deleted)
            {
                File.Delete(Path.Combine(directory, name));
            }

            WriteIfChanged(Path.Combine(directory, OwnershipFile), Utf8.GetBytes(string.Concat(files.Keys.Select(k => k + "\n"))));
            return new WriteResult(written, unchanged, deleted);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ManifestWriteException($"could not write the manifests to '{directory}': {exception.Message.TrimEnd('.')}", exception);
        }
    }

    /// <summary>The folder's kustomization: every workload file, in name order.</summary>
    public static string KustomizationFor(IEnumerable<string> files)
    {
        var builder = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        foreach (var file in files.Where(f => f != Kustomization).Order(StringComparer.Ordinal))
        {
            builder.Append("- ").Append(file).Append('\n');
        }

        return builder.ToString();
    }

    private static HashSet<string> ReadOwnership(string directory)
    {
        var path = Path.Combine(directory, OwnershipFile);
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Where(line => line.Length > 0 && line == Path.GetFileName(line))]
            : [];
    }

    /// <returns>True when the file was (re)written.</returns>
    private static bool WriteIfChanged(string path, byte[] content)
    {
        if (File.Exists(path) && new FileInfo(path).Length == content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return false;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }
}

/// <summary>The manifests could not be written (KSG2009).</summary>
public sealed class ManifestWriteException(string message, Exception? inner = null) : Exception(message, inner);
