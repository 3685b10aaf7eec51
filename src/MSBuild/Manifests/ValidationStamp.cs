using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// What the build task validated last (obj/…/k8sgen.validated): a SHA-256 over every workload's name, source file and
/// YAML, in order, and over the identity of the validating assemblies (this task, KubernetesClient, YamlDotNet), then
/// each workload's kinds. Validation reads nothing but that YAML, so when the key is the same the result is the same
/// (valid: a record is only written after a run without errors), and the task skips the parse and the checks. Most
/// builds recompile code without touching an attribute; they pay for the hash.
/// </summary>
public static class ValidationStamp
{
    private const string Format = "k8sgen-validated 1";

    /// <summary>The key of these workloads as this build of the task validates them.</summary>
    public static string Key(IReadOnlyList<WorkloadYaml> workloads)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The validating code: this task, the models it binds to and the YAML reader it falls back to.
        foreach (var assembly in new[] { typeof(ValidationStamp).Assembly, typeof(k8s.Models.V1Pod).Assembly, typeof(YamlDotNet.Core.Parser).Assembly })
        {
            Add(hash, assembly.ManifestModule.ModuleVersionId.ToString("N"));
        }

        foreach (var workload in workloads)
        {
            Add(hash, workload.Name);
            Add(hash, workload.SourceFile ?? string.Empty);
            Add(hash, workload.Yaml);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Each workload's kinds when <paramref name="path"/> records <paramref name="key"/> for these workloads; otherwise null (validate).</summary>
    public static IReadOnlyList<(string Workload, IReadOnlyList<string> Kinds)>? Read(string path, string key, IReadOnlyList<WorkloadYaml> workloads)
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

        // The kinds are not in the key: a record that does not list exactly these workloads, in order, is not used.
        if (lines.Length != workloads.Count + 2 || lines[0] != Format || lines[1] != key)
        {
            return null;
        }

        var kinds = new List<(string, IReadOnlyList<string>)>(workloads.Count);
        for (var i = 0; i < workloads.Count; i++)
        {
            var parts = lines[i + 2].Split('\t');
            if (parts.Length != 2 || parts[0] != workloads[i].Name)
            {
                return null;
            }

            kinds.Add((parts[0], parts[1].Length > 0 ? parts[1].Split(',') : []));
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

        // Written beside it, then moved over it: a build running at the same time reads the old record or the new one, never half of one.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
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
