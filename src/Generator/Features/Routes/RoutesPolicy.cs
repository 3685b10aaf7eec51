using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG3006: a routed workload ([Route] or [HttpRoute]) should never be a single pod, in the base (when some
/// environment keeps its replica count, or there is none) or in any environment. KSG3009 for the routes' hosts.
/// </summary>
internal static class RoutesPolicy
{
    public static void Check(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var route in model.Routes)
        {
            CheckHost("[Route] host", route.Host, policy, diagnostics);
        }

        if (!model.Kind.HasReplicas() || (model.Routes.IsEmpty && model.HttpRoutes.IsEmpty))
        {
            return;
        }

        if (model.Autoscale is { } autoscale)
        {
            // Environments cannot change an autoscaled workload's replicas (KSG1162), so the minimum is the one number.
            if (autoscale.Min.Value < 2)
            {
                diagnostics.Add(DiagnosticInfo.Create(SingleReplicaRouted, autoscale.Min.IsExplicit ? autoscale.Min.Location : autoscale.Attribute, model.Name.Value, $"an autoscaler with Min = {Text(autoscale.Min.Value)}", "Min = 2"));
            }

            return;
        }

        var baseUsed = model.Environments.IsEmpty;
        foreach (var environment in model.Environments)
        {
            if (environment.Replicas.Value is { } replicas)
            {
                if (replicas < 2)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SingleReplicaRouted, environment.Replicas.Location, model.Name.Value, $"{Pods(replicas)} in environment '{environment.Name.Value}'", "Replicas = 2"));
                }
            }
            else
            {
                baseUsed = true;
            }
        }

        if (baseUsed && model.Replicas.Value < 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(SingleReplicaRouted, model.Replicas.IsExplicit ? model.Replicas.Location : model.WorkloadAttribute, model.Name.Value, Pods(model.Replicas.Value), "[" + model.Kind + "(Replicas = 2)]"));
        }
    }

    /// <summary>KSG3009 for a host written in code, when the project lists the domains it may use.</summary>
    public static void CheckHost(string subject, Setting<string?> host, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (host.Value is { } name && !policy.AllowsHost(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(HostOutsideAllowedDomains, host.Location, subject, name, string.Join(", ", policy.AllowedDomains)));
        }
    }

    private static string Pods(int replicas) => replicas == 1 ? "1 replica" : Text(replicas) + " replicas";
}
