using System.Collections.Immutable;
using K8sGen.Generator.App;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG1171: a <c>[Route]</c> or <c>[HttpRoute]</c> path that reaches no endpoint of the app. Prefix paths match at a
/// segment boundary, Exact ones the whole path; ImplementationSpecific (the controller decides) is not judged,
/// nor is a workload whose annotations rewrite paths (ingress-nginx's rewrite-target, regex paths).
/// </summary>
internal static class RouteAppRules
{
    public static void Check(WorkloadModel workload, AppModel app, string attribute, Setting<string?> path, Setting<PathTypeModel> pathType, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (app.Endpoints is not { } endpoints || workload.Image.Value is not null || pathType.Value == PathTypeModel.ImplementationSpecific || RewritesPaths(workload))
        {
            return;
        }

        var value = path.Value ?? "/";
        var prefix = pathType.Value == PathTypeModel.Prefix;
        if (!endpoints.Reaches(value, prefix))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.RoutePathReachesNoEndpoint, path.Location, attribute, value, pathType.Value.ToString(), endpoints.Closest(value), prefix ? "under" : "at"));
        }
    }

    /// <summary>
    /// Annotations by which ingress controllers change the path before it reaches the app: ingress-nginx's rewrite-target
    /// and use-regex, NGINX Inc.'s rewrites, Kong's strip-path, Traefik's middlewares, HAProxy's path-rewrite … By
    /// words, so that a controller K8sGen has not met is more likely to silence the check than to be judged wrongly.
    /// </summary>
    private static bool RewritesPaths(WorkloadModel workload)
    {
        foreach (var annotation in workload.Annotations)
        {
            var key = annotation.Key.Value ?? string.Empty;
            if (key.IndexOf("rewrite", System.StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf("regex", System.StringComparison.OrdinalIgnoreCase) >= 0
                || key.IndexOf("strip", System.StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf("middlewares", System.StringComparison.OrdinalIgnoreCase) >= 0
                || key.IndexOf("prefix", System.StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf("path", System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
