using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// A custom resource K8sGen writes (KubernetesClient has models only for built-in kinds): the common
/// envelope, with a spec that models exactly the fields K8sGen writes, so strict parsing rejects others.
/// </summary>
public abstract class CustomResource<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; } = new();
}
