using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>Where an environment variable's value comes from.</summary>
internal enum EnvSource
{
    Value,
    Secret,
    ConfigMap,
}

/// <summary>An <c>[Env]</c>, <c>[EnvFromSecret]</c> or <c>[EnvFromConfigMap]</c>. For <see cref="EnvSource.Value"/>, <see cref="Reference"/> holds the value.</summary>
internal sealed record EnvModel(LocationInfo Attribute, EnvSource Source, Setting<string?> Name, Setting<string?> Reference, Setting<string?> Key);
