using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Resources]</c>; unset quantities are null.</summary>
internal sealed record ResourcesModel(
    LocationInfo Attribute,
    Setting<string?> CpuRequest,
    Setting<string?> MemoryRequest,
    Setting<string?> CpuLimit,
    Setting<string?> MemoryLimit);
