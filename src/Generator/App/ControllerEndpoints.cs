using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.App;

/// <summary>
/// The endpoints of attribute-routed MVC/API controllers, as <c>MapControllers()</c> maps them: controllers
/// found as ASP.NET Core finds them (public, not abstract, named <c>…Controller</c> or marked <c>[Controller]</c>,
/// in the project or a referenced assembly that uses MVC), <c>[Route]</c> on the controller combined with
/// <c>[HttpGet("…")]</c> and friends on each action, <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> replaced.
/// A route K8sGen cannot read makes the whole set unknown (null).
/// </summary>
internal static class ControllerEndpoints
{
    private const string Mvc = "Microsoft.AspNetCore.Mvc";
    private const string MvcRouting = "Microsoft.AspNetCore.Mvc.Routing";

    /// <param name="tokensTransformed">The app adds a <c>RouteTokenTransformerConvention</c>: a replaced token is not the plain name.</param>
    /// <param name="asyncSuffixKept">The app sets <c>SuppressAsyncSuffixInActionNames</c>: <c>[action]</c> may keep "Async".</param>
    public static IReadOnlyList<AppEndpoint>? Discover(Compilation compilation, bool tokensTransformed, bool asyncSuffixKept, CancellationToken cancellationToken)
    {
        var types = new List<INamedTypeSymbol>();
        Collect(compilation.Assembly.GlobalNamespace, types, cancellationToken);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            // Application parts: assemblies that reference MVC contribute their controllers (MVC's own have none to map).
            var name = assembly.Identity.Name;
            if (!name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) && !name.StartsWith("System.", StringComparison.Ordinal)
                && assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == "Microsoft.AspNetCore.Mvc.Core")))
            {
                Collect(assembly.GlobalNamespace, types, cancellationToken);
            }
        }

        var endpoints = new List<AppEndpoint>();
        foreach (var type in types)
        {
            if (IsController(type) && !AddActions(type, tokensTransformed, asyncSuffixKept, endpoints))
            {
                return null;
            }
        }

        return endpoints;
    }

    private static void Collect(INamespaceSymbol ns, List<INamedTypeSymbol> types, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                Collect(inner, types, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                CollectTypes(type, types);
            }
        }
    }

    private static void CollectTypes(INamedTypeSymbol type, List<INamedTypeSymbol> types)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
        {
            return;
        }

        types.Add(type);
        foreach (var nested in type.GetTypeMembers())
        {
            CollectTypes(nested, types);
        }
    }

    /// <summary>ASP.NET Core's ControllerFeatureProvider rule.</summary>
    private static bool IsController(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType || HasAttribute(type, "NonControllerAttribute"))
        {
            return false;
        }

        return type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase) || HasAttribute(type, "ControllerAttribute");
    }

    /// <summary>
    /// The attribute on the type or any base type, MVC's own included (ControllerBase carries [Controller], so every class
    /// deriving from it is a controller whatever its name), by class or base class name.
    /// </summary>
    private static bool HasAttribute(INamedTypeSymbol type, string attribute)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => DerivesFrom(a.AttributeClass, attribute)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DerivesFrom(INamedTypeSymbol? type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && Symbols.InNamespace(current.ContainingNamespace, Mvc))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && !Symbols.InNamespace(current.ContainingNamespace, Mvc); current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool AddActions(INamedTypeSymbol controller, bool tokensTransformed, bool asyncSuffixKept, List<AppEndpoint> endpoints)
    {
        var controllerRoutes = new List<string>();
        foreach (var attribute in Chain(controller).SelectMany(t => t.GetAttributes()))
        {
            var route = RouteOf(attribute);
            if (route.Unreadable)
            {
                return false;
            }

            if (route.Template is { } template)
            {
                controllerRoutes.Add(template);
            }
        }

        var controllerName = Strip(controller.Name, "Controller");
        var area = Chain(controller).SelectMany(t => t.GetAttributes())
            .FirstOrDefault(a => DerivesFrom(a.AttributeClass, "AreaAttribute"))?.ConstructorArguments.FirstOrDefault().Value as string;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in Chain(controller).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>())
        {
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.IsAbstract
                || method.IsGenericMethod || method.Name is "Dispose" or "ToString" or "Equals" or "GetHashCode"
                || Attributes(method).Any(a => DerivesFrom(a.AttributeClass, "NonActionAttribute"))
                || !seen.Add(method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")"))
            {
                continue; // an override is listed once, by the most derived class
            }

            var actionRoutes = new List<(string Template, string[]? Methods)>();
            var verbs = new List<string>();
            var actionName = Attributes(method).FirstOrDefault(a => DerivesFrom(a.AttributeClass, "ActionNameAttribute"))?.ConstructorArguments.FirstOrDefault().Value as string
                ?? Strip(method.Name, "Async");
            foreach (var attribute in Attributes(method))
            {
                var route = RouteOf(attribute);
                if (route.Unreadable)
                {
                    return false;
                }

                if (route.Methods is { } methods && route.Template is null)
                {
                    verbs.AddRange(methods);
                }
                else if (route.Template is { } template)
                {
                    actionRoutes.Add((template, route.Methods));
                }
            }

            var any = verbs.Count == 0 ? null : verbs.Distinct(StringComparer.Ordinal).ToArray();
            var full = new List<(string, string[]?)>();
            if (actionRoutes.Count == 0)
            {
                full.AddRange(controllerRoutes.Select(c => (c, any)));
            }

            foreach (var (template, methods) in actionRoutes)
            {
                if (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal) || controllerRoutes.Count == 0)
                {
                    full.Add((template, methods ?? any));
                }
                else
                {
                    full.AddRange(controllerRoutes.Select(c => (RouteTemplate.Join(c, template), methods ?? any)));
                }
            }

            foreach (var (template, methods) in full)
            {
                if (ReplaceTokens(template, controllerName, actionName, area, tokensTransformed || (asyncSuffixKept && method.Name.EndsWith("Async", StringComparison.Ordinal))) is not { } replaced
                    || RouteTemplate.Parse(replaced) is not { } parsed)
                {
                    return false;
                }

                endpoints.Add(new AppEndpoint(parsed, methods, EndpointKind.Controller));
            }
        }

        return true;
    }

    /// <summary>An action's attributes with those of the methods it overrides, as MVC reads them (<c>inherit: true</c>).</summary>
    private static IEnumerable<AttributeData> Attributes(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            foreach (var attribute in current.GetAttributes())
            {
                yield return attribute;
            }
        }
    }

    /// <summary>What a route attribute says: its template (null: none) and HTTP methods (null: any); <see cref="Unknown"/> when K8sGen cannot read it.</summary>
    private readonly record struct Route(string? Template, string[]? Methods, bool Unreadable = false)
    {
        public static readonly Route None = new(null, null);
        public static readonly Route Unknown = new(null, null, Unreadable: true);
    }

    private static Route RouteOf(AttributeData attribute)
    {
        var type = attribute.AttributeClass;
        if (type is null)
        {
            return Route.None;
        }

        var ns = type.ContainingNamespace?.ToDisplayString();
        var first = attribute.ConstructorArguments.FirstOrDefault();
        var template = first.Kind == TypedConstantKind.Primitive ? first.Value as string : null;
        if (ns == Mvc && type.Name == "RouteAttribute")
        {
            return new Route(template ?? string.Empty, null);
        }

        if (ns == Mvc && type.Name.StartsWith("Http", StringComparison.Ordinal) && type.Name.EndsWith("Attribute", StringComparison.Ordinal)
            && type.BaseType?.Name == "HttpMethodAttribute")
        {
            var verb = type.Name.Substring(4, type.Name.Length - 4 - "Attribute".Length).ToUpperInvariant();
            return new Route(template, [verb]);
        }

        if (ns == Mvc && type.Name == "AcceptVerbsAttribute")
        {
            if (attribute.ConstructorArguments.Any(a => a.IsNull))
            {
                return Route.Unknown;
            }

            var verbs = attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : [a]).Select(v => v.Value as string).ToArray();
            var route = attribute.NamedArguments.FirstOrDefault(n => n.Key == "Route").Value.Value as string;
            return verbs.Any(v => v is null) ? Route.Unknown : new Route(route, verbs.Select(v => v!.ToUpperInvariant()).ToArray());
        }

        // A route attribute of the app's own (deriving from Route or Http…, or another IRouteTemplateProvider): its template is its code's.
        return type.AllInterfaces.Any(i => i.Name is "IRouteTemplateProvider" or "IActionHttpMethodProvider" && Symbols.InNamespace(i.ContainingNamespace, MvcRouting))
            ? Route.Unknown
            : Route.None;
    }

    /// <summary><c>[controller]</c>, <c>[action]</c>, <c>[area]</c> (case-insensitive), <c>[[</c>/<c>]]</c> for brackets; null for another token or a transformed one.</summary>
    private static string? ReplaceTokens(string template, string controller, string action, string? area, bool transformed)
    {
        var result = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '[' || c == ']') && i + 1 < template.Length && template[i + 1] == c)
            {
                result.Append(c);
                i++;
                continue;
            }

            if (c != '[')
            {
                result.Append(c);
                continue;
            }

            var end = template.IndexOf(']', i);
            if (end < 0 || transformed)
            {
                return null;
            }

            var token = template.Substring(i + 1, end - i - 1).ToLowerInvariant();
            var value = token switch
            {
                "controller" => controller,
                "action" => action,
                "area" => area,
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            result.Append(value);
            i = end;
        }

        return result.ToString();
    }

    private static string Strip(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - suffix.Length) : name;
}
