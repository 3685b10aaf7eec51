using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>[NodeSelector]: the pod's nodeSelector, checked as the API server checks labels.</summary>
public class NodeSelectorTests
{
    [Fact]
    public void Node_selectors_become_the_pods_node_selector_in_declaration_order()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;

            [Deployment] [Port(8080)]
            [NodeSelector("kubernetes.io/arch", "arm64")]
            [NodeSelector("topology.kubernetes.io/zone", "eu-west-1a")]
            [Sidecar("envoy", "envoyproxy/envoy:v1.31.0")]
            public sealed class OrdersService { }
            """, TestProperties.Default).SingleManifest();

        Snapshot.Match(yaml, "node-selector");
        var pod = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec;
        Assert.Equal(["kubernetes.io/arch", "topology.kubernetes.io/zone"], pod.NodeSelector.Keys);
        Assert.Equal("arm64", pod.NodeSelector["kubernetes.io/arch"]);
    }

    [Fact]
    public void Batch_workloads_take_node_selectors_too()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [CronJob("0 3 * * *")] [NodeSelector("kubernetes.io/os", "linux")] public sealed class Nightly { }
            """, TestProperties.Default).SingleManifest();

        var pod = Assert.IsType<V1CronJob>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.JobTemplate.Spec.Template.Spec;
        Assert.Equal("linux", pod.NodeSelector["kubernetes.io/os"]);
    }

    [Fact]
    public void Without_a_node_selector_the_pod_has_none()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Deployment] public sealed class OrdersService { }", TestProperties.Default).SingleManifest();

        Assert.DoesNotContain("nodeSelector", yaml);
    }

    [Theory]
    [InlineData("""[NodeSelector([|"kubernetes.io/"|], "arm64")]""", "KSG1070", "Node selector key 'kubernetes.io/' is invalid: the name after the prefix is empty.")]
    [InlineData("""[NodeSelector([|"bad key"|], "x")]""", "KSG1070", "Node selector key 'bad key' is invalid")]
    [InlineData("""[NodeSelector("kubernetes.io/arch", [|"arm 64"|])]""", "KSG1071", "Label value 'arm 64' is invalid")]
    [InlineData("""[NodeSelector("kubernetes.io/arch", [|"-arm64"|])]""", "KSG1071", "Label value '-arm64' is invalid")]
    [InlineData("""[NodeSelector("disk", "ssd")] [[|NodeSelector("disk", "hdd")|]]""", "KSG1073", "Node selector 'disk' is declared twice. Remove one of them.")]
    public void Invalid_node_selectors_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n[Deployment] " + attributes + " public sealed class OrdersService { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertOnlyError(expected, id, message);
    }
}
