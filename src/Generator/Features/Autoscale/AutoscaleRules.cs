using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>[Autoscale]: bounds, targets, and whether the targets can work at all (hpa validateHorizontalPodAutoscalerSpec).</summary>
internal static class AutoscaleRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Autoscale is not { } autoscale)
        {
            return;
        }

        var (min, max) = (autoscale.Min.Value, autoscale.Max.Value);
        var boundsError = min < 1 ? "Min is below 1" : max < 1 ? "Max is not set or below 1" : max < min ? "Max is below Min" : null;
        if (boundsError is not null)
        {
            var location = min < 1 ? autoscale.Min.Location : autoscale.Max.Location;
            diagnostics.Add(DiagnosticInfo.Create(InvalidAutoscaleBounds, location, Text(min), Text(max), boundsError));
        }

        if (autoscale.CpuUtilization.Value is null && autoscale.MemoryUtilization.Value is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(AutoscaleWithoutMetric, autoscale.Attribute));
        }

        // A limit alone counts: Kubernetes then defaults the request to the limit.
        Target(autoscale.CpuUtilization, "CpuUtilization", "CPU", "CpuRequest", model.Resources?.CpuRequest.Value ?? model.Resources?.CpuLimit.Value, diagnostics);
        Target(autoscale.MemoryUtilization, "MemoryUtilization", "memory", "MemoryRequest", model.Resources?.MemoryRequest.Value ?? model.Resources?.MemoryLimit.Value, diagnostics);

        if (model.Replicas.IsExplicit)
        {
            diagnostics.Add(DiagnosticInfo.Create(ReplicasWithAutoscale, model.Replicas.Location, Text(model.Replicas.Value), Text(min), Text(max)));
        }
    }

    private static void Target(Setting<int?> target, string property, string resource, string request, string? requestValue, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (target.Value is not { } value)
        {
            return;
        }

        if (value < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidUtilization, target.Location, property, Text(value)));
        }
        else if (requestValue is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(UtilizationWithoutRequest, target.Location, property, Text(value), resource, request));
        }
    }
}
