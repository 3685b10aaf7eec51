using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Usage: ShowManifests <assembly.dll>...
// Reads the [assembly: AssemblyMetadata("K8sGen.Manifest:<name>", yaml)] entries the generator embeds.
const string Prefix = "K8sGen.Manifest:";
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: ShowManifests <assembly.dll>...");
    return 2;
}

foreach (var path in args)
{
    using var pe = new PEReader(File.OpenRead(path));
    var reader = pe.GetMetadataReader();
    foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
    {
        var attribute = reader.GetCustomAttribute(handle);
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            continue;
        }

        var type = (TypeReferenceHandle)reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        if (reader.GetString(reader.GetTypeReference(type).Name) != "AssemblyMetadataAttribute")
        {
            continue;
        }

        // Blob: prolog (0x0001), then two SerString arguments (key, value).
        var blob = reader.GetBlobReader(attribute.Value);
        blob.ReadUInt16();
        var key = blob.ReadSerializedString();
        var value = blob.ReadSerializedString();
        if (key is not null && key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            Console.WriteLine($"# {Path.GetFileName(path)}: workload {key[Prefix.Length..]}");
            Console.Write(value);
            Console.WriteLine("---");
        }
    }
}

return 0;
