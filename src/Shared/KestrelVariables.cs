namespace K8sGen.Shared;

/// <summary>
/// The environment variables Kestrel reads its listen addresses from. Compiled into the generator (which
/// sets <see cref="HttpPorts"/> in the manifests) and the build task (which puts it in the image).
/// </summary>
internal static class KestrelVariables
{
    public const string HttpPorts = "ASPNETCORE_HTTP_PORTS";
    public const string HttpsPorts = "ASPNETCORE_HTTPS_PORTS";
    public const string Urls = "ASPNETCORE_URLS";
}
