using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A <c>[DisruptionBudget]</c>; exactly one of the two should be set.</summary>
internal sealed record DisruptionBudgetModel(LocationInfo Attribute, Setting<string?> MinAvailable, Setting<string?> MaxUnavailable);
