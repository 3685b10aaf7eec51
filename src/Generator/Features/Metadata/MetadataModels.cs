using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[Label]</c> or <c>[Annotation]</c>.</summary>
internal sealed record KeyValueModel(LocationInfo Attribute, Setting<string?> Key, Setting<string?> Value);
