using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Route]</c>; <see cref="Port"/> is the referenced port's name or number as written, or null for the first port.</summary>
internal sealed record RouteModel(
    LocationInfo Attribute,
    Setting<string?> Path,
    Setting<string?> Host,
    Setting<PathTypeModel> PathType,
    Setting<string?> Port,
    Setting<string?> IngressClass,
    Setting<string?> TlsSecret);

/// <summary>Mirrors <c>K8sGen.PathType</c> (the generator cannot reference the attributes assembly).</summary>
internal enum PathTypeModel
{
    Prefix = 0,
    Exact = 1,
    ImplementationSpecific = 2,
}
