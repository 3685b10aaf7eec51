using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace K8sGen.MSBuild.Manifests;

/// <summary>One workload's YAML as the generator embedded it, with where it came from.</summary>
public sealed record WorkloadYaml(string Name, string Yaml, string? SourceFile);

/// <summary>One piece of an environment's overlay from one workload (see the generator's EnvironmentOverlays).</summary>
public sealed record OverlayPart(string Environment, string Workload, string Part, string Value);

/// <summary>
/// What the generator put into an assembly: every workload's YAML, overlay pieces and part of topology.md (by workload
/// name), the project image it assumed, and whether it ran at all.
/// </summary>
public sealed record EmbeddedManifests(IReadOnlyList<WorkloadYaml> Workloads, string? DefaultImage, bool GeneratorRan, IReadOnlyList<OverlayPart> Overlays, IReadOnlyDictionary<string, string> Topology)
{
    // Keys of the [assembly: AssemblyMetadata] entries the generator writes.
    private const string ManifestPrefix = Contract.Metadata.ManifestPrefix;
    private const string SourcePrefix = Contract.Metadata.SourcePrefix;
    private const string DefaultImageKey = Contract.Metadata.DefaultImageKey;
    private const string GeneratorKey = Contract.Metadata.GeneratorKey;
    private const string OverlayPrefix = Contract.Metadata.OverlayPrefix;
    private const string TopologyPrefix = Contract.Metadata.TopologyPrefix;

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
        var overlays = new List<OverlayPart>();
        var topology = new SortedDictionary<string, string>(StringComparer.Ordinal);
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
            else if (key.StartsWith(OverlayPrefix, StringComparison.Ordinal) && key[OverlayPrefix.Length..].Split(':') is [var environment, var workload, var part])
            {
                overlays.Add(new OverlayPart(environment, workload, part, value));
            }
            else if (key.StartsWith(TopologyPrefix, StringComparison.Ordinal))
            {
                topology[key[TopologyPrefix.Length..]] = value;
            }
        }

        return new EmbeddedManifests(
            [.. yaml.Select(entry => new WorkloadYaml(entry.Key, entry.Value, sources.GetValueOrDefault(entry.Key)))],
            defaultImage,
            generatorRan,
            [.. overlays.OrderBy(o => o.Environment, StringComparer.Ordinal).ThenBy(o => o.Workload, StringComparer.Ordinal).ThenBy(o => o.Part, StringComparer.Ordinal)],
            topology);
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
