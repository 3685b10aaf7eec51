using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Env], [EnvFromSecret], [EnvFromConfigMap]: names, uniqueness, complete and valid references.</summary>
internal static class EnvRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var names = Scratch.Set<string>();
        foreach (var env in model.Env)
        {
            var name = env.Name.Value;
            if (KubernetesFormats.EnvVarName(name) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidEnvName, env.Name.Location, name ?? string.Empty, nameError));
            }
            else if (!names.Add(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateEnvName, env.Name.Location, name!));
            }

            if (env.Source == EnvSource.Value)
            {
                continue;
            }

            var (attribute, objectKind, example) = env.Source == EnvSource.Secret
                ? ("EnvFromSecret", "Secret", "Secret = \"db\", Key = \"password\"")
                : ("EnvFromConfigMap", "ConfigMap", "ConfigMap = \"flags\", Key = \"all\"");
            if (env.Reference.Value is not { } reference)
            {
                diagnostics.Add(DiagnosticInfo.Create(MissingEnvSource, env.Attribute, attribute, name ?? string.Empty, objectKind, example));
            }
            else if (KubernetesFormats.Dns1123Subdomain(reference) is { } referenceError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, env.Reference.Location, objectKind, reference, referenceError));
            }

            if (env.Key.Value is not { } key)
            {
                diagnostics.Add(DiagnosticInfo.Create(MissingEnvSource, env.Attribute, attribute, name ?? string.Empty, "Key", example));
            }
            else if (KubernetesFormats.ConfigMapKey(key) is { } keyError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidEnvKey, env.Key.Location, key, keyError));
            }
        }
    }
}
