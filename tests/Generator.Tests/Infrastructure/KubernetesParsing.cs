using K8sGen.MSBuild.Manifests;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Strict re-parsing into KubernetesClient's models, with the build task's own parser.</summary>
internal static class KubernetesParsing
{
    /// <summary>
    /// Every document, strictly parsed (an unknown field throws) into its model type, by YamlDotNet; and the task's
    /// fast path held to it on the same text: every YAML a generator test parses is a case of their parity. (Some
    /// texts are kubectl's, not the generator's: the fast path may leave those to YamlDotNet.)
    /// </summary>
    public static List<object> LoadStrict(string yaml)
    {
        var slow = StrictYaml.LoadAllWithYamlDotNet(yaml, out var slowImages);
        if (FastYaml.TryLoadAll(yaml, out var fast, out var fastImages))
        {
            AssertSame(slow, fast);
            Assert.Equal(slowImages, fastImages);
        }

        return slow;
    }

    /// <summary>The same objects: the same types, the same JSON.</summary>
    public static void AssertSame(IReadOnlyList<object> expected, IReadOnlyList<object> actual)
    {
        Assert.Equal(expected.Select(o => o.GetType()), actual.Select(o => o.GetType()));
        Assert.Equal(expected.Select(o => k8s.KubernetesJson.Serialize(o)), actual.Select(o => k8s.KubernetesJson.Serialize(o)));
    }
}
