using System.Collections.Generic;
using System.Globalization;
using System;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary>
/// What makes an ASP.NET Core app listen where <c>[Port]</c> says. The .NET base images set
/// <c>ASPNETCORE_HTTP_PORTS=8080</c>, and Kestrel listens there whatever a manifest's <c>containerPort</c>
/// says; so for an app with Kestrel, K8sGen sets <c>ASPNETCORE_HTTP_PORTS</c> to the declared ports (in the
/// manifest here, and in the image through the build task), unless the app chooses its own addresses.
/// </summary>
internal static class KestrelListen
{
    /// <summary>The assembly every Kestrel app references; a worker service or a class library does not.</summary>
    private const string KestrelAssembly = "Microsoft.AspNetCore.Server.Kestrel.Core";

    public static bool IsKestrelApp(Compilation compilation)
    {
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (reference.Name == KestrelAssembly)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Kestrel's own listen settings: a workload that sets one of them in <c>[Env]</c> chooses its addresses itself.</summary>
    public static bool IsListenVariable(string? name) => name is KestrelVariables.HttpPorts or KestrelVariables.HttpsPorts or KestrelVariables.Urls;

    /// <summary>
    /// The value K8sGen gives <c>ASPNETCORE_HTTP_PORTS</c> in an app with Kestrel, or null when it leaves the workload
    /// alone: no ports, another image (a sidecar-like workload such as <c>redis</c>), or the workload sets <c>ASPNETCORE_URLS</c> or
    /// <c>ASPNETCORE_HTTP_PORTS</c> itself. With <c>ASPNETCORE_HTTPS_PORTS</c> set, the other declared ports are the HTTP ones.
    /// </summary>
    public static string? HttpPortsValue(WorkloadModel model)
    {
        if (model.Ports.IsEmpty || model.Image.Value is not null)
        {
            return null;
        }

        List<int>? https = null;
        foreach (var env in model.Env)
        {
            if (env.Name.Value is KestrelVariables.HttpPorts or KestrelVariables.Urls)
            {
                return null;
            }

            if (env.Name.Value is KestrelVariables.HttpsPorts)
            {
                https = env.Source == EnvSource.Value && env.Reference.Value is { } value ? PortList(value) : null;
                if (https is null)
                {
                    return null; // not known here
                }
            }
        }

        var ports = new List<string>(model.Ports.Length);
        foreach (var port in model.Ports)
        {
            if (https is null || !https.Contains(port.ContainerPort.Value))
            {
                ports.Add(port.ContainerPort.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return ports.Count == 0 ? null : string.Join(";", ports);
    }

    /// <summary>
    /// The ports a list of Kestrel URLs (<c>http://+:5000;https://*:5001</c>) listens on where other pods reach
    /// them: a loopback host (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>) is not; a URL without a port is 80
    /// or 443. Null when a URL is not of that form (then nothing is said about it).
    /// </summary>
    public static List<int>? ReachablePortsOfUrls(string urls)
    {
        var ports = new List<int>();
        foreach (var raw in urls.Split(';'))
        {
            var url = raw.Trim();
            if (url.Length == 0)
            {
                continue;
            }

            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return null;
            }

            var isHttps = string.Compare(url, 0, "https", 0, scheme, StringComparison.OrdinalIgnoreCase) == 0 && scheme == 5;
            var authority = url.Substring(scheme + 3);
            var slash = authority.IndexOf('/');
            authority = slash < 0 ? authority : authority.Substring(0, slash);
            var colon = authority.LastIndexOf(':');
            var host = colon > authority.LastIndexOf(']') ? authority.Substring(0, colon) : authority;
            int port;
            if (colon > authority.LastIndexOf(']'))
            {
                if (!int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port))
                {
                    return null;
                }
            }
            else
            {
                port = isHttps ? 443 : 80;
            }

            if (!IsLoopback(host))
            {
                ports.Add(port);
            }
        }

        return ports;
    }

    /// <summary>A <c>;</c>-separated port list as in <c>ASPNETCORE_HTTP_PORTS</c>; null when it is not one.</summary>
    public static List<int>? PortList(string value)
    {
        var ports = new List<int>();
        foreach (var raw in value.Split(';', ','))
        {
            var item = raw.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return null;
            }

            ports.Add(port);
        }

        return ports;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal) || host == "[::1]";
}
