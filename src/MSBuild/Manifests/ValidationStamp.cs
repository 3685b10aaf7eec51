using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// What the build task validated last (obj/…/k8sgen.validated): a SHA-256 over every workload's name, source file and YAML,
/// in order, and over this task assembly's identity, then each workload's kinds. Validation reads nothing but that YAML, so
/// when the key is the same the result is the same (valid: a stamp is only written after a run without errors), and the
/// task skips the parse and the checks. Most builds recompile code without touching an attribute; they pay for the hash.
/// </summary>
public static class ValidationStamp
{
    private const string Format = "k8sgen-validated 1";

    /// <summary>The key of these workloads as this build of the task validates them.</summary>
    public static string Key(IReadOnlyList<WorkloadYaml> workloads)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, typeof(ValidationStamp).Assembly.ManifestModule.ModuleVersionId.ToString("N"));
        foreach (var workload in workloads)
        {
            Add(hash, workload.Name);
            Add(hash, workload.SourceFile ?? string.Empty);
            Add(hash, workload.Yaml);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Each workload's kinds when <paramref name="path"/> records <paramref name="key"/>; otherwise null (validate).</summary>
    public static IReadOnlyList<(string Workload, IReadOnlyList<string> Kinds)>? Read(string path, string key)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (lines.Length < 2 || lines[0] != Format || lines[1] != key)
        {
            return null;
        }

        var kinds = new List<(string, IReadOnlyList<string>)>(lines.Length - 2);
        foreach (var line in lines.Skip(2))
        {
            var parts = line.Split('\t');
            kinds.Add((parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1].Split(',') : []));
        }

        return kinds;
    }

    /// <summary>Records a run that validated without errors; a stamp that cannot be written only means the next run validates.</summary>
    public static void Write(string path, string key, IReadOnlyList<(string Workload, IReadOnlyList<string> Kinds)> kinds)
    {
        var text = new StringBuilder().Append(Format).Append('\n').Append(key).Append('\n');
        foreach (var (workload, workloadKinds) in kinds)
        {
            text.Append(workload).Append('\t').AppendJoin(',', workloadKinds).Append('\n');
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text.ToString());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Forgets the last validation (a run with errors, or one whose result cannot be recorded).</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    // Length first, so that no two lists of strings hash the same text.
    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(BitConverter.GetBytes(text.Length));
        hash.AppendData(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
