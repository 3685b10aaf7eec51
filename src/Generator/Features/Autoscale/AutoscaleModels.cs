using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>An <c>[Autoscale]</c>; unset utilizations are null.</summary>
internal sealed record AutoscaleModel(LocationInfo Attribute, Setting<int> Min, Setting<int> Max, Setting<int?> CpuUtilization, Setting<int?> MemoryUtilization);
