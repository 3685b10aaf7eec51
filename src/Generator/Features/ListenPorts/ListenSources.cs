using System.Collections.Generic;
using System.Linq;
using System;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary>Kestrel's precedence: an address chosen in a stronger place makes the weaker ones void.</summary>
internal enum ListenPrecedence
{
    /// <summary><c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>.</summary>
    Ports = 0,

    /// <summary>
    /// The <c>urls</c> setting, however it is set: <c>ASPNETCORE_URLS</c>, <c>UseUrls</c>, <c>app.Run(url)</c>,
    /// <c>app.Urls.Add</c>, <c>urls</c> in appsettings. Which of them wins depends on the order the app adds its
    /// configuration, so they are taken together: a port any of them names counts as listened on.
    /// </summary>
    Urls = 1,

    /// <summary><c>Listen*</c> in code, <c>Kestrel:Endpoints</c> in configuration.</summary>
    Endpoints = 2,
}

/// <summary>
/// One place the app chooses where it listens, with the ports other pods can reach there (a loopback
/// address is not reachable); <see cref="Ports"/> is null when K8sGen cannot tell for sure (a value that is
/// not a literal, a call that may not run, a setting K8sGen does not read): then K8sGen says nothing.
/// </summary>
internal sealed record ListenSource(ListenPrecedence Precedence, string Description, IReadOnlyList<int>? Ports, Location? Location);

/// <summary>
/// Finds where the app chooses its addresses and checks them against [Port] (KSG1015). The first rule is no
/// false positive: whatever K8sGen cannot prove leaves the check silent.
/// </summary>
internal static class ListenSources
{
    private const string KestrelOptions = "KestrelServerOptions";
    private const string KestrelNamespace = "Microsoft.AspNetCore.Server.Kestrel.Core";

    /// <summary>A call that chooses listen addresses: <c>Listen*</c>, <c>UseUrls</c>, <c>app.Run(url)</c>, <c>app.Urls.Add</c>.</summary>
    public static ListenSource? FromInvocation(IInvocationOperation invocation, IMethodSymbol? entryPoint)
    {
        // By name first: this runs for every call in the project.
        var method = invocation.TargetMethod;
        ListenSource? source;
        switch (method.Name)
        {
            case "ListenAnyIP" or "ListenLocalhost" or "Listen" or "ListenUnixSocket" or "ListenHandle" or "ListenNamedPipe" when App.Symbols.Is(method.ContainingType, KestrelNamespace, KestrelOptions):
                source = Endpoint(invocation, method.Name);
                break;
            case "UseUrls" when App.Symbols.Is(method.ContainingType, "Microsoft.AspNetCore.Hosting", "HostingAbstractionsWebHostBuilderExtensions"):
                source = Urls(invocation, method.Name, invocation.Arguments.Length > 0 ? UrlArguments(invocation.Arguments[invocation.Arguments.Length - 1].Value) : null);
                break;
            case "Run" or "RunAsync" when App.Symbols.Is(method.ContainingType, "Microsoft.AspNetCore.Builder", "WebApplication"):
                var url = Argument(invocation, "url");
                if (url is null || url is IDefaultValueOperation || (url.ConstantValue.HasValue && url.ConstantValue.Value is null))
                {
                    return null; // app.Run(): the configured addresses
                }

                source = Urls(invocation, "app." + method.Name, url.ConstantValue.Value is string text ? [text] : null);
                break;
            case "Add" when invocation.Instance is IPropertyReferenceOperation { Property.Name: "Urls" } urls && App.Symbols.Is(urls.Property.ContainingType, "Microsoft.AspNetCore.Builder", "WebApplication"):
                source = Urls(invocation, "app.Urls.Add", invocation.Arguments[0].Value.ConstantValue.Value is string added ? [added] : null);
                break;
            default:
                return null;
        }

        // A call that may not run in the container (under an if, in a helper called who knows when) proves nothing.
        return source is { Ports: not null } && !RunsUnconditionally(invocation, entryPoint) ? source with { Ports = null } : source;
    }

    /// <summary>
    /// The workload's own settings: <c>[Env]</c>s of Kestrel's variables, or of any configuration key that
    /// chooses addresses (<c>URLS</c>, <c>DOTNET_URLS</c>, <c>Kestrel__Endpoints__…</c>, which K8sGen does not read:
    /// they make the check silent).
    /// </summary>
    public static IEnumerable<ListenSource> FromEnvironment(WorkloadModel model)
    {
        foreach (var env in model.Env)
        {
            var name = env.Name.Value ?? string.Empty;
            if (KestrelListen.IsListenVariable(name))
            {
                // From a Secret or ConfigMap the value is not known here.
                // An empty value is no setting to Kestrel, but the variable still keeps K8sGen from setting its own: unknown.
                var value = env.Source == EnvSource.Value && !string.IsNullOrWhiteSpace(env.Reference.Value) ? env.Reference.Value! : null;
                var ports = value is null ? null : name == KestrelVariables.Urls ? KestrelListen.ReachablePortsOfUrls(value) : KestrelListen.PortList(value);
                yield return new ListenSource(name == KestrelVariables.Urls ? ListenPrecedence.Urls : ListenPrecedence.Ports, $"[Env(\"{name}\")]", ports, null);
            }
            else if (ChoosesAddresses(name))
            {
                yield return new ListenSource(ListenPrecedence.Endpoints, $"[Env(\"{name}\")]", null, null);
            }
        }
    }

    /// <summary>
    /// KSG1015 for each declared port the app does not listen on, judged by the strongest places that choose
    /// addresses (with the <c>ASPNETCORE_HTTP_PORTS</c> K8sGen itself sets among them). Only for workloads that run
    /// the project's own image; silent when any deciding place is not known for sure.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Check(WorkloadModel model, IReadOnlyList<ListenSource> projectSources)
    {
        if (model.Ports.IsEmpty || model.Image.Value is not null)
        {
            yield break;
        }

        var all = projectSources.Concat(FromEnvironment(model)).ToList();
        if (KestrelListen.HttpPortsValue(model) is { } written)
        {
            all.Add(new ListenSource(ListenPrecedence.Ports, "ASPNETCORE_HTTP_PORTS", KestrelListen.PortList(written), null));
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

    /// <summary>Configuration keys (as environment variables map to them) that choose addresses, other than Kestrel's three variables.</summary>
    private static bool ChoosesAddresses(string name)
    {
        foreach (var key in App.ConfigurationKeys.Of(name))
        {
            if (key.Equals("urls", StringComparison.OrdinalIgnoreCase) || key.Equals("http_ports", StringComparison.OrdinalIgnoreCase)
                || key.Equals("https_ports", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Kestrel:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// In the program's entry point (top-level statements or <c>Main</c>, lambdas in it included), and under no
    /// condition, loop or try: a call that certainly runs when the app starts.
    /// </summary>
    private static bool RunsUnconditionally(IOperation operation, IMethodSymbol? entryPoint)
    {
        if (App.Symbols.UnderCondition(operation))
        {
            return false;
        }

        var member = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
        {
            member = nested.ContainingSymbol;
        }

        return entryPoint is not null && SymbolEqualityComparer.Default.Equals(member, entryPoint);
    }

    private static string Describe(Location location)
    {
        var span = location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }

    /// <summary>A <c>Listen*</c> call: known only for a literal port on a literal kind of address.</summary>
    private static ListenSource Endpoint(IInvocationOperation invocation, string name)
    {
        IReadOnlyList<int>? ports = null;
        var port = Argument(invocation, "port");
        if (port?.ConstantValue.Value is int number)
        {
            switch (name)
            {
                case "ListenAnyIP":
                    ports = [number];
                    break;
                case "ListenLocalhost":
                    ports = [];
                    break;
                case "Listen" when Argument(invocation, "address") is IFieldReferenceOperation field && App.Symbols.Is(field.Field.ContainingType, "System.Net", "IPAddress"):
                    ports = field.Field.Name switch
                    {
                        "Loopback" or "IPv6Loopback" => [],
                        "Any" or "IPv6Any" => [number],
                        _ => null,
                    };
                    break;
            }
        }

        return new ListenSource(ListenPrecedence.Endpoints, name, ports, invocation.Syntax.GetLocation());
    }

    /// <summary>Null when every URL is empty: Kestrel then keeps the addresses it had.</summary>
    private static ListenSource? Urls(IInvocationOperation invocation, string name, IReadOnlyList<string>? urls)
    {
        if (urls is not null && urls.All(url => string.IsNullOrWhiteSpace(url)))
        {
            return null;
        }

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

    private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
        App.Symbols.Argument(invocation, parameter) is { ArgumentKind: not ArgumentKind.DefaultValue } given ? given.Value : null;
}
