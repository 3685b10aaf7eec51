using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace K8sGen.Generator.App;

/// <summary>
/// The route builder a call maps on: the app itself (<see cref="Method"/> null) or a parameter of one of the
/// project's methods (known once its calls are), with the <c>MapGroup</c> prefixes on the way.
/// </summary>
internal readonly record struct BuilderBase(IMethodSymbol? Method, int Ordinal, string Prefix)
{
    public static readonly BuilderBase App = new(null, 0, string.Empty);

    public BuilderBase Under(string prefix) => this with { Prefix = RouteTemplate.Join(Prefix, prefix) };
}

/// <summary>
/// Finds the endpoints an ASP.NET Core app maps, one call at a time (the analyzer hands it every invocation):
/// minimal APIs through <c>MapGroup</c> chains and the project's own helper methods, health checks, Prometheus
/// endpoints (OpenTelemetry, prometheus-net), gRPC services, OpenAPI and SignalR, and whether attribute-routed
/// controllers are mapped. Anything else that can answer requests (middleware it cannot see into, a pattern
/// that is not a constant, a library's own <c>Map…</c>) makes the set unknown: the checks must never warn
/// about a path the app does serve.
/// </summary>
internal sealed class EndpointDiscovery
{
    private const string Routing = "Microsoft.AspNetCore.Routing";
    private const string Builder = "Microsoft.AspNetCore.Builder";

    /// <summary>Middleware of ASP.NET Core and common libraries that answers no request of its own.</summary>
    private static readonly HashSet<string> PassThroughMiddleware = new(StringComparer.Ordinal)
    {
        "UseRouting", "UseEndpoints", "UseAuthentication", "UseAuthorization", "UseHttpsRedirection", "UseHsts", "UseCors",
        "UseExceptionHandler", "UseDeveloperExceptionPage", "UseStatusCodePages", "UseStatusCodePagesWithReExecute",
        "UseStatusCodePagesWithRedirects", "UseResponseCompression", "UseResponseCaching", "UseOutputCache", "UseRateLimiter",
        "UseRequestLocalization", "UseForwardedHeaders", "UseHttpLogging", "UseW3CLogging", "UseHttpMethodOverride",
        "UseWebSockets", "UseSession", "UseCookiePolicy", "UseAntiforgery", "UseRequestTimeouts", "UseHeaderPropagation",
        "UseRequestDecompression", "UseHostFiltering", "UseCertificateForwarding", "UseWhen", "UseSerilogRequestLogging",
        "UseHttpMetrics", "UseGrpcMetrics", "UseGrpcWeb",
    };

    /// <summary>The host's own members of <c>WebApplication</c>: starting and stopping, no endpoint.</summary>
    private static readonly HashSet<string> HostMethods = new(StringComparer.Ordinal)
    {
        "Run", "RunAsync", "Start", "StartAsync", "StopAsync", "WaitForShutdown", "WaitForShutdownAsync", "Dispose", "DisposeAsync",
    };

    private readonly ConcurrentBag<(BuilderBase? Base, string Pattern, string[]? Methods, EndpointKind Kind, bool Certain)> _endpoints = [];
    private readonly ConcurrentBag<(IMethodSymbol Method, int Ordinal, BuilderBase? Argument)> _calls = [];
    private readonly ConcurrentBag<string> _unknown = [];
    private int _controllers;
    private int _scrapePathConfigured;
    private int _defaultScrapePath;
    private int _tokensTransformed;
    private int _asyncSuffixKept;

    /// <summary>Why the endpoints cannot be known (for tests and for anyone wondering why a check is silent).</summary>
    public IEnumerable<string> Unknown => _unknown;

    /// <summary>The app calls <c>MapControllers()</c>: its attribute-routed controllers are endpoints.</summary>
    public bool ControllersMapped => _controllers != 0;

    public void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = Symbols.Receiver(invocation);
        var onBuilder = receiver is not null && IsBuilder(receiver.Type);
        var builderArguments = BuilderArguments(invocation, method, skipReceiver: onBuilder);
        if (!onBuilder && builderArguments is null)
        {
            OnOtherCall(invocation, method);
            return;
        }

        if (method.DeclaringSyntaxReferences.Length > 0 && !Symbols.InGeneratedCode(method))
        {
            // The project's own helper (app.MapUserEndpoints()): its body is analysed too, its parameters resolve through this call.
            foreach (var (ordinal, value) in builderArguments ?? [])
            {
                _calls.Add((Symbols.Declared(method), ordinal, Resolve(value, 0)));
            }

            if (onBuilder)
            {
                _calls.Add((Symbols.Declared(method), 0, Resolve(receiver!, 0)));
            }

            return;
        }

        if (!onBuilder || builderArguments is not null || method.DeclaringSyntaxReferences.Length > 0)
        {
            _unknown.Add($"{method.ContainingType.Name}.{method.Name}, which gets the app from code K8sGen does not read (a library, generated code)");
            return;
        }

        OnFrameworkCall(invocation, method, receiver!);
    }

    /// <summary>Options that move endpoints K8sGen knows by their defaults.</summary>
    public void OnPropertyReference(IPropertyReferenceOperation reference)
    {
        switch (reference.Property.Name)
        {
            case "ScrapeEndpointPath":
                _scrapePathConfigured = 1;
                break;
            case "SuppressAsyncSuffixInActionNames":
                _asyncSuffixKept = 1;
                break;
        }
    }

    /// <summary>
    /// <c>UserEndpoints.MapUsers</c> as a method group: a helper that maps endpoints, called where K8sGen cannot follow
    /// its builder argument.
    /// </summary>
    public void OnMethodReference(IMethodReferenceOperation reference)
    {
        if (reference.Method.DeclaringSyntaxReferences.Length > 0 && reference.Method.Parameters.Any(p => IsBuilder(p.Type)))
        {
            _unknown.Add($"{reference.Method.Name} used as a delegate");
        }
    }

    /// <summary>Calls that are not on a builder but change what the app serves.</summary>
    private void OnOtherCall(IInvocationOperation invocation, IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "Add" or "Insert":
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal == 0 && method.IsExtensionMethod)
                    {
                        continue;
                    }

                    var type = Symbols.Unwrap(argument.Value).Type;
                    if (type?.Name == "RouteTokenTransformerConvention")
                    {
                        _tokensTransformed = 1; // options.Conventions.Add(new RouteTokenTransformerConvention(…)): [controller] is not the class name
                    }
                    else if (type is not null && type.AllInterfaces.Any(i => i.Name.EndsWith("ModelConvention", StringComparison.Ordinal) && Symbols.InNamespace(i.ContainingNamespace, "Microsoft.AspNetCore.Mvc.ApplicationModels")))
                    {
                        _unknown.Add("an MVC convention of the app's own, which may change every controller's routes");
                    }
                }

                break;
            case "ConfigureApplicationPartManager":
                _unknown.Add("controllers from the app's own application parts or feature providers");
                break;
            case "AddJsonTranscoding":
                _unknown.Add("gRPC JSON transcoding, whose HTTP routes are in the .proto files");
                break;
            case "AddMetricServer":
            case "Start" when method.ContainingType.Name is "MetricServer" or "KestrelMetricServer":
                _unknown.Add("prometheus-net's own metric server"); // it serves /metrics on a port and path of its own
                break;
        }

        if (method.TypeArguments.Any(t => t.Name == "PrometheusAspNetCoreOptions"))
        {
            _scrapePathConfigured = 1; // services.Configure<PrometheusAspNetCoreOptions>(…): the scrape path may move
        }
    }

    /// <summary>Every endpoint, with the project's controllers; null when any is not known.</summary>
    public IReadOnlyList<AppEndpoint>? Endpoints(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        if (!_unknown.IsEmpty || (_scrapePathConfigured != 0 && _defaultScrapePath != 0))
        {
            return null;
        }

        // Each helper's calls, by the parameter they pass a builder to; each base's prefixes resolved once.
        var calls = new Dictionary<(IMethodSymbol, int), List<BuilderBase?>>(CallKey.Instance);
        foreach (var (method, ordinal, argument) in _calls)
        {
            if (!calls.TryGetValue((method, ordinal), out var arguments))
            {
                calls[(method, ordinal)] = arguments = [];
            }

            arguments.Add(argument);
        }

        var resolved = new Dictionary<BuilderBase, List<string>?>();
        var endpoints = new List<AppEndpoint>();
        foreach (var (builderBase, pattern, methods, kind, certain) in _endpoints)
        {
            if (builderBase is not { } known)
            {
                return null;
            }

            if (!resolved.TryGetValue(known, out var prefixes))
            {
                resolved[known] = prefixes = Prefixes(known, calls, 0);
            }

            if (prefixes is null)
            {
                return null;
            }

            foreach (var prefix in prefixes)
            {
                if (RouteTemplate.Parse(RouteTemplate.Join(prefix, pattern)) is not { } template)
                {
                    return null;
                }

                endpoints.Add(new AppEndpoint(template, methods, kind, certain));
            }
        }

        if (ControllersMapped)
        {
            if (ControllerEndpoints.Discover(compilation, _tokensTransformed != 0, _asyncSuffixKept != 0, cancellationToken) is not { } controllers)
            {
                return null;
            }

            endpoints.AddRange(controllers);
        }

        return endpoints
            .OrderBy(e => e.Template.Text, StringComparer.Ordinal)
            .ThenBy(e => e.Display, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The prefixes a base stands for: "" for the app, each call's for a helper's parameter (null: unknown).</summary>
    private static List<string>? Prefixes(BuilderBase? builderBase, Dictionary<(IMethodSymbol, int), List<BuilderBase?>> calls, int depth)
    {
        if (builderBase is not { } known || depth > 8)
        {
            return null;
        }

        if (known.Method is null)
        {
            return [known.Prefix];
        }

        // A helper no call of the project reaches (called through a delegate, by reflection): unknown.
        if (!calls.TryGetValue((known.Method, known.Ordinal), out var arguments))
        {
            return null;
        }

        var prefixes = new List<string>();
        foreach (var argument in arguments)
        {
            if (Prefixes(argument, calls, depth + 1) is not { } outer)
            {
                return null;
            }

            prefixes.AddRange(outer.Select(p => RouteTemplate.Join(p, known.Prefix)));
        }

        return prefixes;
    }

    /// <summary>Compares call keys by the method symbol's identity.</summary>
    private sealed class CallKey : IEqualityComparer<(IMethodSymbol Method, int Ordinal)>
    {
        public static readonly CallKey Instance = new();

        public bool Equals((IMethodSymbol Method, int Ordinal) x, (IMethodSymbol Method, int Ordinal) y) =>
            x.Ordinal == y.Ordinal && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Ordinal) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Ordinal;
    }

    private void OnFrameworkCall(IInvocationOperation invocation, IMethodSymbol method, IOperation receiver)
    {
        var name = method.Name;
        if (InErrorBranch(receiver))
        {
            return; // UseExceptionHandler(e => e.Run(…)): answers only requests that failed, never a probe or a route
        }

        if (!IsKnownLibrary(method))
        {
            // A library's own extension (app.AddMyEndpoints(), group.WithVersion("v1")): its code is not in the compilation.
            _unknown.Add($"{method.ContainingType.Name}.{name} from {method.ContainingAssembly?.Name}");
            return;
        }

        if (method.ContainingType.Name == "WebApplication" && HostMethods.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch":
                Map(invocation, receiver, "pattern", null, [name.Substring(3).ToUpperInvariant()], EndpointKind.Handler);
                return;
            case "MapMethods":
                Map(invocation, receiver, "pattern", null, Methods(Symbols.Argument(invocation, "httpMethods")?.Value), EndpointKind.Handler);
                return;
            case "Map" when method.ContainingType.Name == "EndpointRouteBuilderExtensions":
                Map(invocation, receiver, "pattern", null, null, EndpointKind.Handler);
                return;
            case "MapHealthChecks":
                Map(invocation, receiver, "pattern", null, null, EndpointKind.Health);
                return;
            case "UseHealthChecks" when Symbols.Constant(Symbols.Argument(invocation, "path")?.Value) is "" or "/":
                Add(invocation, receiver, "/{**path}", null, EndpointKind.Fallback); // the empty path answers every request
                return;
            case "UseHealthChecks":
                Map(invocation, receiver, "path", null, null, EndpointKind.Health);
                return;
            case "MapPrometheusScrapingEndpoint" or "UseOpenTelemetryPrometheusScrapingEndpoint" when Symbols.Argument(invocation, "predicate") is { ArgumentKind: not ArgumentKind.DefaultValue }:
                _unknown.Add("a scrape endpoint chosen by a predicate");
                return;
            case "MapPrometheusScrapingEndpoint" or "UseOpenTelemetryPrometheusScrapingEndpoint":
                // Without a path: the exporter's option, "/metrics" unless the app sets ScrapeEndpointPath (checked at the end).
                if (Symbols.Constant(Symbols.Argument(invocation, "path")?.Value) is null)
                {
                    _defaultScrapePath = 1;
                }

                Map(invocation, receiver, "path", "/metrics", ["GET"], EndpointKind.Metrics);
                return;
            case "MapMetrics":
                Map(invocation, receiver, "pattern", "/metrics", null, EndpointKind.Metrics);
                return;
            case "UseMetricServer":
                Map(invocation, receiver, "url", "/metrics", null, EndpointKind.Metrics);
                return;
            case "MapOpenApi":
                Map(invocation, receiver, "pattern", "/openapi/{documentName}.json", ["GET"], EndpointKind.Handler);
                return;
            case "MapHub":
                Map(invocation, receiver, "pattern", null, null, EndpointKind.Handler);
                Map(invocation, receiver, "pattern", null, ["POST"], EndpointKind.Handler, "/negotiate");
                return;
            case "MapGrpcService" when method.TypeArguments.Length == 1:
                Add(invocation, receiver, "/" + (GrpcServiceName(method.TypeArguments[0]) ?? "{service}") + "/{method}", ["POST"], EndpointKind.Grpc);
                return;
            case "MapGrpcHealthChecksService":
                Add(invocation, receiver, "/grpc.health.v1.Health/{method}", ["POST"], EndpointKind.Grpc);
                return;
            case "MapGrpcReflectionService":
                Add(invocation, receiver, "/grpc.reflection.v1alpha.ServerReflection/{method}", ["POST"], EndpointKind.Grpc);
                Add(invocation, receiver, "/grpc.reflection.v1.ServerReflection/{method}", ["POST"], EndpointKind.Grpc);
                return;
            case "MapFallback" or "MapFallbackToFile" or "MapFallbackToController" or "MapFallbackToPage":
                Map(invocation, receiver, "pattern", "{*path:nonfile}", null, EndpointKind.Fallback);
                return;
            case "Run" when method.ContainingType.Name == "RunExtensions":
                Add(invocation, receiver, "/{**path}", null, EndpointKind.Fallback); // terminal middleware answers every path that reaches it
                return;
            case "MapControllers" when Resolve(receiver, 0) == BuilderBase.App:
                _controllers = 1;
                return;
            case "MapGroup":
                return; // a prefix, resolved where endpoints are mapped on it
            case "Use" when CallsNext(invocation):
                return;
            case "UseMiddleware" when MiddlewareType(invocation, method) is { } type && PassesOn(type):
                return;
            case "UseSwagger" when invocation.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue || a.Parameter?.Ordinal == 0):
                Add(invocation, receiver, "/swagger/{documentName}/swagger.{extension}", ["GET"], EndpointKind.Handler);
                return;
            case "UseSwaggerUI" when invocation.Arguments.All(a => a.ArgumentKind == ArgumentKind.DefaultValue || a.Parameter?.Ordinal == 0):
                Add(invocation, receiver, "/swagger/{**rest}", ["GET"], EndpointKind.Handler);
                return;
        }

        if (PassThroughMiddleware.Contains(name))
        {
            return;
        }

        // MapControllerRoute, MapRazorPages, MapStaticAssets, UseStaticFiles, app.Map(path, branch), UsePathBase, a library's own Map…:
        // endpoints or rewrites K8sGen cannot see.
        if (name.StartsWith("Map", StringComparison.Ordinal) || name.StartsWith("Use", StringComparison.Ordinal) || name == "Run")
        {
            _unknown.Add($"{method.ContainingType.Name}.{name}");
        }
    }

    /// <summary>A mapping call: its pattern (a constant, or the parameter's default), joined to the builder it is called on.</summary>
    private void Map(IInvocationOperation invocation, IOperation receiver, string parameter, string? fallback, string[]? methods, EndpointKind kind, string suffix = "")
    {
        var argument = Symbols.Argument(invocation, parameter);
        var pattern = argument is null ? fallback : Symbols.Constant(argument.Value) ?? (argument.Value.ConstantValue is { HasValue: true, Value: null } ? fallback : null);
        if (pattern is null)
        {
            _unknown.Add($"{invocation.TargetMethod.Name} with a {parameter} that is not a constant");
            return;
        }

        Add(invocation, receiver, RouteTemplate.Join(pattern, suffix), methods, kind);
    }

    private void Add(IInvocationOperation invocation, IOperation receiver, string pattern, string[]? methods, EndpointKind kind)
    {
        if (Resolve(receiver, 0) is not { } builderBase)
        {
            _unknown.Add("endpoints mapped on a builder K8sGen cannot follow");
            return;
        }

        // Certain: mapped on the app itself, under no condition (what KSG1173 may propose for probes; a helper may be called only in Development).
        _endpoints.Add((builderBase, pattern, methods, kind, builderBase == BuilderBase.App && !Symbols.UnderCondition(invocation)));
    }

    /// <summary>
    /// The builder an expression is: the app, a <c>MapGroup</c> (through locals and convention calls such as
    /// <c>.RequireAuthorization()</c>), or a parameter of the project's own method; null when K8sGen cannot follow it.
    /// </summary>
    private static BuilderBase? Resolve(IOperation operation, int depth)
    {
        operation = Symbols.Unwrap(operation);
        if (depth > 16)
        {
            return null;
        }

        if (Symbols.Is(operation.Type, Builder, "WebApplication"))
        {
            return BuilderBase.App;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "MapGroup" } group when Symbols.Receiver(group) is { } inner:
                return Symbols.Constant(Symbols.Argument(group, "prefix")?.Value) is { } prefix && Resolve(inner, depth + 1) is { } outer ? outer.Under(prefix) : null;
            case IInvocationOperation convention when Symbols.Receiver(convention) is { } inner && IsKnownLibrary(convention.TargetMethod)
                && convention.TargetMethod.DeclaringSyntaxReferences.Length == 0 && convention.TargetMethod.Name is not ("MapGroup" or "Map")
                && SymbolEqualityComparer.Default.Equals(convention.Type, Symbols.Unwrap(inner).Type):
                return Resolve(inner, depth + 1); // ASP.NET Core's .RequireAuthorization(), .WithTags(…): the same builder
            case ILocalReferenceOperation local when Symbols.Initializer(local) is { } initializer:
                return Resolve(initializer, depth + 1);
            case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol method } parameter:
                if (method.MethodKind is MethodKind.AnonymousFunction)
                {
                    // UseEndpoints(endpoints => …): the app's own endpoints.
                    return LambdaOf(parameter) is { Parent: IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "UseEndpoints" } use } } }
                        && Symbols.Receiver(use) is { } app ? Resolve(app, depth + 1) : null;
                }

                if (method.Name == "Configure" && Symbols.Is(parameter.Type, Builder, "IApplicationBuilder"))
                {
                    return BuilderBase.App; // Startup.Configure(IApplicationBuilder app), called by the host
                }

                return method.DeclaringSyntaxReferences.Length > 0 ? new BuilderBase(Symbols.Declared(method), parameter.Parameter.Ordinal, string.Empty) : null;
            default:
                return null;
        }
    }

    /// <summary>The builder is the parameter of the branch <c>UseExceptionHandler</c> or <c>UseStatusCodePages</c> runs for failed requests.</summary>
    private static bool InErrorBranch(IOperation receiver) =>
        Symbols.Unwrap(receiver) is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter
        && LambdaOf(parameter) is { Parent: IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "UseExceptionHandler" or "UseStatusCodePages" } } } };

    private static IAnonymousFunctionOperation? LambdaOf(IParameterReferenceOperation parameter)
    {
        for (var current = parameter.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.Parameter.ContainingSymbol))
            {
                return lambda;
            }
        }

        return null;
    }

    /// <summary>The arguments (other than the receiver) whose parameter is a route or application builder; null when none.</summary>
    private static List<(int Ordinal, IOperation Value)>? BuilderArguments(IInvocationOperation invocation, IMethodSymbol method, bool skipReceiver)
    {
        List<(int, IOperation)>? found = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsBuilder(parameter.Type) && !(skipReceiver && method.IsExtensionMethod && parameter.Ordinal == 0))
            {
                (found ??= []).Add((parameter.Ordinal, argument.Value));
            }
        }

        return found;
    }

    /// <summary>
    /// ASP.NET Core and the libraries whose endpoints K8sGen knows (OpenTelemetry's and prometheus-net's exporters, gRPC,
    /// Swashbuckle, Serilog's request logging): only their methods are judged by name.
    /// </summary>
    private static bool IsKnownLibrary(IMethodSymbol method) =>
        method.ContainingAssembly?.Name is { } assembly
        && (assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
            || assembly is "OpenTelemetry.Exporter.Prometheus.AspNetCore" or "Prometheus.AspNetCore" or "Serilog.AspNetCore"
            || assembly.StartsWith("Grpc.AspNetCore", StringComparison.Ordinal) || assembly.StartsWith("Swashbuckle.AspNetCore", StringComparison.Ordinal));

    /// <summary>WebApplication, IApplicationBuilder, IEndpointRouteBuilder, RouteGroupBuilder.</summary>
    private static bool IsBuilder(ITypeSymbol? type) =>
        type?.Name switch
        {
            "WebApplication" or "IApplicationBuilder" => Symbols.Is(type, Builder, type.Name),
            "IEndpointRouteBuilder" or "RouteGroupBuilder" => Symbols.Is(type, Routing, type.Name),
            _ => false,
        };

    /// <summary><c>new[] { "GET", "HEAD" }</c> or <c>["GET"]</c> of constants; null (any method: the checks stay quiet) otherwise.</summary>
    private static string[]? Methods(IOperation? value)
    {
        var elements = value is null ? default : Symbols.Unwrap(value) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => default,
        };
        if (elements.IsDefault)
        {
            return null;
        }

        var methods = new string[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            if (Symbols.Constant(elements[i]) is not { } text)
            {
                return null;
            }

            methods[i] = text.ToUpperInvariant();
        }

        return methods;
    }

    /// <summary>
    /// <c>app.Use(async (context, next) => { …; await next(context); })</c>: middleware that always passes the request on,
    /// that is, calls <c>next</c> at its top level with no <c>return</c> before it (an early return may answer the request itself).
    /// </summary>
    private static bool CallsNext(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (Symbols.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 2 } lambda })
            {
                var next = lambda.Symbol.Parameters[1];
                var statements = lambda.Body.Operations;
                for (var i = 0; i < statements.Length; i++)
                {
                    if (IsCallOf(statements[i], op => op is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, next)))
                    {
                        // After the request came back, nothing may answer it anew (set a status, write a body).
                        return !statements.Skip(i + 1).Any(after => !after.IsImplicit && WritesResponse(after.Syntax));
                    }

                    if (statements[i] is IReturnOperation || statements[i].Descendants().Any(op => op is IReturnOperation))
                    {
                        return false;
                    }
                }

                return false;
            }
        }

        return false;
    }

    /// <summary>Touches the response: <c>Response</c>, <c>StatusCode</c>, <c>WriteAsync</c> … (read from the syntax: K8sGen only needs "maybe").</summary>
    private static bool WritesResponse(SyntaxNode statement) =>
        statement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText is "Response" or "StatusCode" or "WriteAsync" or "WriteAsJsonAsync" or "Redirect" or "SendFileAsync");

    /// <summary>A top-level statement <c>await next(…)</c>, <c>return next(…)</c> or <c>next.Invoke(…)</c> of the delegate <paramref name="isNext"/> picks.</summary>
    private static bool IsCallOf(IOperation statement, Func<IOperation, bool> isNext)
    {
        var value = statement switch
        {
            IExpressionStatementOperation expression => expression.Operation,
            IReturnOperation { ReturnedValue: { } returned } => returned,
            _ => null,
        };
        if (value is IAwaitOperation awaited)
        {
            value = awaited.Operation;
        }

        return value is IInvocationOperation { Instance: { } target } call && call.TargetMethod.Name == "Invoke" && isNext(Symbols.Unwrap(target));
    }

    private static INamedTypeSymbol? MiddlewareType(IInvocationOperation invocation, IMethodSymbol method) =>
        method.TypeArguments.Length == 1
            ? method.TypeArguments[0] as INamedTypeSymbol
            : Symbols.Argument(invocation, "middleware")?.Value is ITypeOfOperation { TypeOperand: INamedTypeSymbol type } ? type : null;

    /// <summary>
    /// A middleware class of the project whose <c>Invoke</c>/<c>InvokeAsync</c> always calls the next delegate at its top
    /// level (<c>await _next(context)</c>) with no <c>return</c> before it; read from its syntax, since the class may be
    /// in another file.
    /// </summary>
    private static bool PassesOn(INamedTypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { Name: "Invoke" or "InvokeAsync" } invoke)
            {
                continue;
            }

            foreach (var reference in invoke.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
                {
                    continue;
                }

                // public Task InvokeAsync(HttpContext context) => _next(context);
                if (declaration.ExpressionBody?.Expression is { } arrow)
                {
                    return (arrow is AwaitExpressionSyntax awaitedArrow ? awaitedArrow.Expression : arrow) is InvocationExpressionSyntax only && IsNextDelegate(type, invoke, only.Expression);
                }

                if (declaration.Body is not { } body)
                {
                    continue;
                }

                var statements = body.Statements;
                for (var i = 0; i < statements.Count; i++)
                {
                    var statement = statements[i];
                    var expression = statement switch
                    {
                        ExpressionStatementSyntax e => e.Expression,
                        ReturnStatementSyntax r => r.Expression,
                        _ => null,
                    };
                    if (expression is AwaitExpressionSyntax awaited)
                    {
                        expression = awaited.Expression;
                    }

                    if (expression is InvocationExpressionSyntax call && IsNextDelegate(type, invoke, call.Expression))
                    {
                        return !statements.Skip(i + 1).Any(WritesResponse);
                    }

                    if (statement is ReturnStatementSyntax || statement.DescendantNodes().Any(n => n is ReturnStatementSyntax))
                    {
                        return false; // it may answer the request itself before passing it on
                    }
                }
            }
        }

        return false;
    }

    /// <summary><c>_next</c>, <c>this._next</c>, <c>next</c>, <c>_next.Invoke</c>: a field or parameter of type RequestDelegate.</summary>
    private static bool IsNextDelegate(INamedTypeSymbol type, IMethodSymbol invoke, ExpressionSyntax callee)
    {
        if (callee is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Invoke" } invokeCall)
        {
            callee = invokeCall.Expression;
        }

        if (callee is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member)
        {
            callee = member.Name;
        }

        if (callee is not IdentifierNameSyntax identifier)
        {
            return false;
        }

        var name = identifier.Identifier.ValueText;
        return invoke.Parameters.Any(p => p.Name == name && p.Type.Name == "RequestDelegate")
            || type.GetMembers(name).Any(m => m is IFieldSymbol { Type.Name: "RequestDelegate" } or IPropertySymbol { Type.Name: "RequestDelegate" })
            || type.InstanceConstructors.Any(c => c.Parameters.Any(p => p.Name == name && p.Type.Name == "RequestDelegate")); // a primary constructor's parameter
    }

    /// <summary>
    /// The gRPC service name Grpc.Tools generates (<c>static readonly string __ServiceName = "greet.Greeter"</c> in the
    /// class that holds the service's base class); null when K8sGen cannot read it.
    /// </summary>
    private static string? GrpcServiceName(ITypeSymbol service)
    {
        for (var type = service.BaseType; type is not null; type = type.BaseType)
        {
            if (type.ContainingType?.GetMembers("__ServiceName").FirstOrDefault() is IFieldSymbol field)
            {
                foreach (var reference in field.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal } && literal.Token.Value is string name)
                    {
                        return name;
                    }
                }

                return null;
            }
        }

        return null;
    }
}
