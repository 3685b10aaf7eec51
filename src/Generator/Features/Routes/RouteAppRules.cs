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

    private static bool RewritesPaths(WorkloadModel workload)
    {
        foreach (var annotation in workload.Annotations)
        {
            if (annotation.Key.Value is { } key && (key.EndsWith("/rewrite-target", System.StringComparison.Ordinal) || key.EndsWith("/use-regex", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
