using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>An <c>[HttpRoute]</c> (Gateway API).</summary>
internal sealed record HttpRouteModel(
    LocationInfo Attribute,
    Setting<string?> Path,
    Setting<string?> Gateway,
    Setting<string?> GatewayNamespace,
    Setting<string?> Hostname,
    Setting<PathTypeModel> PathType,
    Setting<string?> Port);
