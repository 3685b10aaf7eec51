using System.Text.Json.Serialization;
using k8s.Models;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// The part of the Prometheus Operator's ServiceMonitor CRD that K8sGen writes. KubernetesClient has
/// no model for CRDs; with this one, strict parsing rejects any field K8sGen does not write.
/// </summary>
public sealed class V1ServiceMonitor : CustomResource<ServiceMonitorSpec>
{
}

public sealed class ServiceMonitorSpec
{
    [JsonPropertyName("selector")]
    public V1LabelSelector Selector { get; set; } = new();

    [JsonPropertyName("endpoints")]
    public List<ServiceMonitorEndpoint> Endpoints { get; set; } = [];
}

public sealed class ServiceMonitorEndpoint
{
    [JsonPropertyName("port")]
    public string? Port { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("interval")]
    public string? Interval { get; set; }
}
