using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace K8sGen.MSBuild.Manifests;

/// <summary>One workload's YAML as the generator embedded it, with where it came from.</summary>
public sealed record WorkloadYaml(string Name, string Yaml, string? SourceFile);

/// <summary>What the generator put into an assembly: every workload's YAML, the project image it assumed, and whether it ran at all.</summary>
public sealed record EmbeddedManifests(IReadOnlyList<WorkloadYaml> Workloads, string? DefaultImage, bool GeneratorRan)
{
    // Keys of the [assembly: AssemblyMetadata] entries the generator writes (see ManifestEmitter).
    public const string ManifestPrefix = "K8sGen.Manifest:";
    public const string SourcePrefix = "K8sGen.Source:";
    public const string DefaultImageKey = "K8sGen.DefaultImage";
    public const string GeneratorKey = "K8sGen.Generator";

    /// <summary>Reads the entries with System.Reflection.Metadata: the assembly is never loaded (nor locked for long).</summary>
    public static EmbeddedManifests Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var yaml = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        string? defaultImage = null;
        var generatorRan = false;
        foreach (var (key, value) in AssemblyMetadata(reader))
        {
            if (key.StartsWith(ManifestPrefix, StringComparison.Ordinal))
            {
                yaml[key[ManifestPrefix.Length..]] = value;
            }
            else if (key.StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                sources[key[SourcePrefix.Length..]] = value;
            }
            else if (key == DefaultImageKey)
            {
                defaultImage = value;
            }
            else if (key == GeneratorKey)
            {
                generatorRan = true;
            }
        }

        return new EmbeddedManifests(
            [.. yaml.Select(entry => new WorkloadYaml(entry.Key, entry.Value, sources.GetValueOrDefault(entry.Key)))],
            defaultImage,
            generatorRan);
    }

    private static IEnumerable<(string Key, string Value)> AssemblyMetadata(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            // ECMA-335 II.23.3: prolog 0x0001, then the two string arguments.
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                continue;
            }

            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is not null && value is not null)
            {
                yield return (key, value);
            }
        }
    }
}
