using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>A string argument holding a character that cannot reach the cluster unchanged (see YamlScalars.Unwritable).</summary>
internal sealed record TextProblem(LocationInfo Location, string Attribute, string Argument, string Character, string Reason);
