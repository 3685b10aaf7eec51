using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Sidecar]</c> or <c>[InitContainer]</c>, in declaration order.</summary>
internal sealed record ExtraContainerModel(
    LocationInfo Attribute,
    bool IsSidecar,
    Setting<string?> Name,
    Setting<string?> Image,
    Setting<EquatableArray<int>> Ports,
    EquatableArray<string> Args,
    ResourcesModel Resources);
