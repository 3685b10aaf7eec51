using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Environment]: a folder name, and values that are valid and change something.</summary>
internal static class EnvironmentRules
{

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var names = Scratch.Set<string>();
        foreach (var environment in model.Environments)
        {
            var name = environment.Name.Value;
            if (KubernetesFormats.Dns1123Label(name) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidEnvironmentName, environment.Name.Location, name ?? string.Empty, nameError));
                continue;
            }

            if (!names.Add(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateEnvironment, environment.Attribute, name!));
            }

            if (environment.Replicas.Value is { } replicas)
            {
                if (replicas < 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidReplicas, environment.Replicas.Location, replicas.ToString(CultureInfo.InvariantCulture)));
                }
                else if (model.Autoscale is not null || !model.Kind.HasReplicas())
                {
                    var reason = model.Autoscale is not null ? "[Autoscale] sets the number of pods" : "a " + model.Kind + " has no replicas";
                    diagnostics.Add(DiagnosticInfo.Create(EnvironmentSettingWithoutEffect, environment.Replicas.Location, "Replicas", replicas.ToString(CultureInfo.InvariantCulture), name!, reason));
                }
            }

            if (environment.Namespace.Value is { } ns && KubernetesFormats.Dns1123Label(ns) is { } nsError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidNamespace, environment.Namespace.Location, ns, nsError));
            }

            if (environment.Host.Value is { } host)
            {
                if (KubernetesFormats.IngressHost(host) is { } hostError)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidRouteHost, environment.Host.Location, host, hostError));
                }
                else if (model.Routes.IsEmpty && model.HttpRoutes.IsEmpty)
                {
                    diagnostics.Add(DiagnosticInfo.Create(EnvironmentSettingWithoutEffect, environment.Host.Location, "Host", "\"" + host + "\"", name!, "the workload has no [Route] or [HttpRoute]"));
                }
            }

            if (environment.ImageTag.Value is { } tag && !KubernetesFormats.IsImageTag(tag))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidImageTag, environment.ImageTag.Location, tag));
            }
        }
    }
}
