using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>An <c>[Environment]</c>: what its overlay changes; unset values are null.</summary>
internal sealed record EnvironmentModel(
    LocationInfo Attribute,
    Setting<string?> Name,
    Setting<int?> Replicas,
    Setting<string?> Namespace,
    Setting<string?> Host,
    Setting<string?> ImageTag);
