using System.Text.Json.Serialization;

namespace K8sGen.MSBuild.Manifests;

/// <summary>The part of the Gateway API HTTPRoute (gateway.networking.k8s.io/v1) K8sGen writes, for strict parsing.</summary>
public sealed class V1HttpRoute : CustomResource<HttpRouteSpec>
{
}

public sealed class HttpRouteSpec
{
    [JsonPropertyName("parentRefs")]
    public List<HttpRouteParentRef> ParentRefs { get; set; } = [];

    [JsonPropertyName("hostnames")]
    public List<string>? Hostnames { get; set; }

    [JsonPropertyName("rules")]
    public List<HttpRouteRule> Rules { get; set; } = [];
}

public sealed class HttpRouteParentRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }
}

public sealed class HttpRouteRule
{
    [JsonPropertyName("matches")]
    public List<HttpRouteMatch> Matches { get; set; } = [];

    [JsonPropertyName("backendRefs")]
    public List<HttpRouteBackendRef> BackendRefs { get; set; } = [];
}

public sealed class HttpRouteMatch
{
    [JsonPropertyName("path")]
    public HttpPathMatch? Path { get; set; }
}

public sealed class HttpPathMatch
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }
}

public sealed class HttpRouteBackendRef
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
