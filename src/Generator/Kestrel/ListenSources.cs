using System.Collections.Generic;
using System.Linq;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sGen.Generator.Kestrel;

/// <summary>Kestrel's precedence: an address chosen in a stronger place makes the weaker ones void.</summary>
internal enum ListenPrecedence
{
    /// <summary><c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>.</summary>
    Ports = 0,

    /// <summary><c>ASPNETCORE_URLS</c>.</summary>
    UrlsVariable = 1,

    /// <summary><c>UseUrls</c>, <c>app.Run(url)</c>, <c>app.Urls.Add</c>, an <c>urls</c> setting.</summary>
    Urls = 2,

    /// <summary><c>Listen*</c> in code, <c>Kestrel:Endpoints</c> in configuration.</summary>
    Endpoints = 3,
}

/// <summary>
/// One place the app chooses where it listens, with the ports other pods can reach there (a loopback
/// address is not reachable); <see cref="Ports"/> is null when the value is not a literal (then K8sGen
/// says nothing: it never guesses).
/// </summary>
internal sealed record ListenSource(ListenPrecedence Precedence, string Description, IReadOnlyList<int>? Ports, Location? Location);

/// <summary>Finds where the app's code chooses its addresses: <c>Listen*</c>, <c>UseUrls</c>, <c>Run(url)</c>, <c>Urls.Add</c>.</summary>
internal static class ListenSources
{
    public static ListenSource? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.ToDisplayString();
        switch (type, method.Name)
        {
            case ("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "ListenAnyIP" or "ListenLocalhost"):
                return Single(invocation, method.Name, Argument(invocation, "port"), reachable: method.Name == "ListenAnyIP");
            case ("Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions", "Listen") when Argument(invocation, "port") is { } port:
                return Single(invocation, method.Name, port, reachable: !IsLoopback(Argument(invocation, "address")));
            case ("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions", "UseUrls"):
                return Urls(invocation, method.Name, invocation.Arguments.Length > 0 ? UrlArguments(invocation.Arguments[invocation.Arguments.Length - 1].Value) : null);
            case ("Microsoft.AspNetCore.Builder.WebApplication", "Run" or "RunAsync") when Argument(invocation, "url") is { } url && !(url.ConstantValue.HasValue && url.ConstantValue.Value is null) && !IsDefault(url):
                return Urls(invocation, "app." + method.Name, url.ConstantValue.Value is string text ? [text] : null);
            case ("System.Collections.Generic.ICollection<string>", "Add") when invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" } urls
                && urls.Property.ContainingType.ToDisplayString() == "Microsoft.AspNetCore.Builder.WebApplication":
                return Urls(invocation, "app.Urls.Add", invocation.Arguments[0].Value.ConstantValue.Value is string added ? [added] : null);
            default:
                return null;
        }
    }

    /// <summary>The app's own settings of the workload: <c>[Env]</c> values of Kestrel's variables.</summary>
    public static IEnumerable<ListenSource> FromEnvironment(ServiceModel model)
    {
        foreach (var env in model.Env)
        {
            var name = env.Name.Value;
            if (!KestrelListen.IsListenVariable(name))
            {
                continue;
            }

            // From a Secret or ConfigMap the value is not known here.
            var value = env.Source == EnvSource.Value ? env.Reference.Value ?? string.Empty : null;
            var ports = value is null ? null : name == KestrelListen.Urls ? KestrelListen.ReachablePortsOfUrls(value) : KestrelListen.PortList(value);
            yield return new ListenSource(name == KestrelListen.Urls ? ListenPrecedence.UrlsVariable : ListenPrecedence.Ports, $"[Env(\"{name}\")]", ports, null);
        }
    }

    /// <summary>
    /// KSG1015 for each declared port the app does not listen on, judged by the strongest places that choose
    /// addresses. Silent when any of those is not a literal.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Check(ServiceModel model, IReadOnlyList<ListenSource> projectSources)
    {
        if (model.Ports.IsEmpty)
        {
            yield break;
        }

        var all = projectSources.Concat(FromEnvironment(model)).ToList();
        if (all.Count == 0)
        {
            yield break; // K8sGen sets ASPNETCORE_HTTP_PORTS itself
        }

        var strongest = all.Max(s => s.Precedence);
        var deciding = all.Where(s => s.Precedence == strongest).ToList();
        if (deciding.Any(s => s.Ports is null))
        {
            yield break;
        }

        var listened = new SortedSet<int>(deciding.SelectMany(s => s.Ports!));
        var where = string.Join(", ", deciding.Select(s => s.Location is { } location ? $"{s.Description} at {Describe(location)}" : s.Description).Distinct());
        var ports = listened.Count == 0 ? "no port that other pods reach" : string.Join(", ", listened);
        foreach (var port in model.Ports)
        {
            if (!listened.Contains(port.ContainerPort.Value))
            {
                yield return DiagnosticInfo.Create(Diagnostics.DiagnosticDescriptors.PortNotListenedOn, port.ContainerPort.Location, ports, where, port.ContainerPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    private static ListenSource? Single(IInvocationOperation invocation, string name, IOperation? port, bool reachable)
    {
        if (port is null)
        {
            return null;
        }

        IReadOnlyList<int>? ports = port.ConstantValue.Value is int number ? (reachable ? [number] : []) : null;
        return new ListenSource(ListenPrecedence.Endpoints, name, ports, invocation.Syntax.GetLocation());
    }

    private static ListenSource Urls(IInvocationOperation invocation, string name, IReadOnlyList<string>? urls)
    {
        List<int>? ports = urls is null ? null : [];
        foreach (var url in urls ?? [])
        {
            if (KestrelListen.ReachablePortsOfUrls(url) is { } reachable)
            {
                ports!.AddRange(reachable);
            }
            else
            {
                ports = null;
                break;
            }
        }

        return new ListenSource(ListenPrecedence.Urls, name, ports, invocation.Syntax.GetLocation());
    }

    /// <summary>The strings of a <c>params string[]</c> argument, or null when any is not a literal.</summary>
    private static IReadOnlyList<string>? UrlArguments(IOperation value)
    {
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            var urls = new List<string>();
            foreach (var element in initializer.ElementValues)
            {
                if (element.ConstantValue.Value is not string url)
                {
                    return null;
                }

                urls.Add(url);
            }

            return urls;
        }

        return value.ConstantValue.Value is string single ? [single] : null;
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameter)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    private static bool IsDefault(IOperation operation) => operation is IDefaultValueOperation;

    private static bool IsLoopback(IOperation? address) =>
        address is IFieldReferenceOperation { Field.Name: "Loopback" or "IPv6Loopback" } field && field.Field.ContainingType.ToDisplayString() == "System.Net.IPAddress";
}
