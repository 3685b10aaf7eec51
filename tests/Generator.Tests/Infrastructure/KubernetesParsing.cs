using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>Strict re-parsing with KubernetesClient, the way the build task and the API server read our YAML.</summary>
internal static class KubernetesParsing
{
    private static readonly Dictionary<string, Type> TypeMap = new()
    {
        ["monitoring.coreos.com/v1/ServiceMonitor"] = typeof(V1ServiceMonitor),
    };

    /// <summary>Every document, strictly parsed (an unknown field throws) into its model type.</summary>
    public static List<object> LoadStrict(string yaml) => KubernetesYaml.LoadAllFromString(yaml, TypeMap, strict: true);
}

/// <summary>The part of the Prometheus Operator's ServiceMonitor CRD K8sGen writes; strict parsing rejects anything else.</summary>
public sealed class V1ServiceMonitor : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = string.Empty;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ServiceMonitorSpec Spec { get; set; } = new();
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
