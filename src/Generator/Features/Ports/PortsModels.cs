using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Port]</c>, defaults applied (name <c>http</c> / <c>port-N</c>, Service port 80 / the container port).</summary>
internal sealed record PortModel(LocationInfo Attribute, Setting<int> ContainerPort, Setting<string> Name, Setting<int> ServicePort);
