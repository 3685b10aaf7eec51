using k8s;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Strict re-parsing with KubernetesClient, the way the build task and the API server read our YAML.</summary>
internal static class KubernetesParsing
{
    private static readonly Dictionary<string, Type> TypeMap = new(K8sGen.MSBuild.Manifests.ManifestValidator.CustomTypes);

    /// <summary>Every document, strictly parsed (an unknown field throws) into its model type.</summary>
    public static List<object> LoadStrict(string yaml) => KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);
}
