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
    public const string OwnershipFile = K8sGen.Shared.Contract.Ownership.FileName;
    public const string Kustomization = Contract.KustomizationFile;
    public const string BaseFolder = "base";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <exception cref="ManifestWriteException">A file K8sGen did not write is in the way, or the disk refused.</exception>
    /// <param name="directory">The folder; created if missing.</param>
    /// <param name="workloads">Every workload of the project: the folder ends up holding exactly these.</param>
    /// <param name="owner">The project the folder belongs to (its assembly name): a folder shared by two projects is refused, not silently split.</param>
    /// <param name="extraFiles">More files K8sGen owns, by path relative to the folder (the environments' overlays).</param>
    /// <param name="topology">The text of topology.md, beside the kustomization (null: none).</param>
    public static WriteResult Write(string directory, IReadOnlyList<WorkloadYaml> workloads, string owner, IReadOnlyDictionary<string, string>? extraFiles = null, string? topology = null)
    {
        // With environments the manifests go to base/: kustomize refuses an overlay inside its base's folder.
        var hasOverlays = extraFiles is { Count: > 0 };
        var prefix = hasOverlays ? BaseFolder + "/" : string.Empty;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            files[prefix + workload.Name + ".yaml"] = workload.Yaml;
        }

        if (files.Count > 0)
        {
            files[prefix + Kustomization] = KustomizationFor(workloads.Select(w => w.Name + ".yaml"));
            if (topology is not null)
            {
                files[K8sGen.Shared.Contract.TopologyFile] = topology;
            }

            if (hasOverlays)
            {
                files[Kustomization] = K8sGen.Shared.Contract.KustomizationHeader + "resources:\n- " + BaseFolder + "\n";
                foreach (var (path, content) in extraFiles!)
                {
                    files[path] = content;
                }
            }
        }

        try
        {
            if (files.Count == 0 && !Directory.Exists(directory))
            {
                return new WriteResult([], [], []);
            }

            Directory.CreateDirectory(directory);
            var (previousOwner, owned) = ReadOwnership(directory);
            if (previousOwner is not null && previousOwner != owner)
            {
                throw new ManifestWriteException($"'{directory}' holds the manifests of {previousOwner}, not {owner}; give each project its own folder (K8sGenOutputPath)");
            }

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
            WriteIfChanged(Path.Combine(directory, OwnershipFile), Ownership(owner, claimed));

            var written = new List<string>();
            var unchanged = new List<string>();
            foreach (var (name, content) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, name))!);
                (WriteIfChanged(Path.Combine(directory, name), Utf8.GetBytes(content)) ? written : unchanged).Add(name);
            }

            var deleted = owned.Where(name => !files.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
            foreach (var name in deleted)
            {
                File.Delete(Path.Combine(directory, name));
                RemoveEmptyFolders(directory, Path.GetDirectoryName(Path.Combine(directory, name))!);
            }

            WriteIfChanged(Path.Combine(directory, OwnershipFile), Ownership(owner, files.Keys));
            return new WriteResult(written, unchanged, deleted);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ManifestWriteException($"could not write the manifests to '{directory}': {exception.Message.TrimEnd('.')}", exception);
        }
    }

    /// <summary>
    /// <c>dotnet clean</c>: removes what K8sGen wrote to the folder (as its ownership file lists it) and that file,
    /// nothing else; folders left empty go too.
    /// </summary>
    /// <returns>The files removed, relative to the folder.</returns>
    public static IReadOnlyList<string> Clean(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var (_, owned) = ReadOwnership(directory);
        var removed = new List<string>();
        foreach (var name in owned.Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(name);
                RemoveEmptyFolders(directory, Path.GetDirectoryName(path)!);
            }
        }

        File.Delete(Path.Combine(directory, OwnershipFile));
        return removed;
    }

    private static void RemoveEmptyFolders(string root, string folder)
    {
        while (folder.Length > root.TrimEnd('/').Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    /// <summary>The folder's kustomization: every workload file, in name order.</summary>
    public static string KustomizationFor(IEnumerable<string> files)
    {
        var builder = new StringBuilder(K8sGen.Shared.Contract.KustomizationHeader).Append("resources:\n");
        foreach (var file in files.Where(f => f != Kustomization).Order(StringComparer.Ordinal))
        {
            builder.Append("- ").Append(file).Append('\n');
        }

        return builder.ToString();
    }

    // The ownership file: "# <owner>", then one file name a line.
    private const string OwnerPrefix = K8sGen.Shared.Contract.Ownership.OwnerPrefix;

    private static (string? Owner, HashSet<string> Files) ReadOwnership(string directory)
    {
        var path = Path.Combine(directory, OwnershipFile);
        if (!File.Exists(path))
        {
            return (null, []);
        }

        var lines = File.ReadAllLines(path);
        var owner = lines.FirstOrDefault(line => line.StartsWith(OwnerPrefix, StringComparison.Ordinal))?[OwnerPrefix.Length..];
        return (owner, [.. lines.Where(line => line.Length > 0 && !line.StartsWith(OwnerPrefix, StringComparison.Ordinal) && IsInside(line))]);
    }

    /// <summary>A relative path below the folder (never a way out of it, whatever the file says).</summary>
    private static bool IsInside(string path) =>
        !Path.IsPathRooted(path) && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    private static byte[] Ownership(string owner, IEnumerable<string> files) =>
        Utf8.GetBytes(OwnerPrefix + owner + "\n" + string.Concat(files.Select(name => name + "\n")));

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
