namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Strict re-parsing into KubernetesClient's models, with the build task's own parser.</summary>
internal static class KubernetesParsing
{
    /// <summary>Every document, strictly parsed (an unknown field throws) into its model type.</summary>
    public static List<object> LoadStrict(string yaml) => K8sGen.MSBuild.Manifests.StrictYaml.LoadAll(yaml);
}
