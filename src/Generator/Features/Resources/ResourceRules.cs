using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Resources]: quantity syntax, non-negative, requests ≤ limits.</summary>
internal static class ResourceRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Resources is { } resources)
        {
            CheckResources(resources, diagnostics);
        }
    }

    /// <summary>One container's requests and limits (the workload's, a sidecar's or an init container's).</summary>
    public static void CheckResources(ResourcesModel resources, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var cpuRequest = Quantity(resources.CpuRequest, nameof(resources.CpuRequest), diagnostics);
        var memoryRequest = Quantity(resources.MemoryRequest, nameof(resources.MemoryRequest), diagnostics);
        var cpuLimit = Quantity(resources.CpuLimit, nameof(resources.CpuLimit), diagnostics);
        var memoryLimit = Quantity(resources.MemoryLimit, nameof(resources.MemoryLimit), diagnostics);
        NotAbove(resources.CpuRequest, cpuRequest, nameof(resources.CpuRequest), resources.CpuLimit, cpuLimit, nameof(resources.CpuLimit), diagnostics);
        NotAbove(resources.MemoryRequest, memoryRequest, nameof(resources.MemoryRequest), resources.MemoryLimit, memoryLimit, nameof(resources.MemoryLimit), diagnostics);
    }

    private static double? Quantity(Setting<string?> setting, string property, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (setting.Value is not { } value)
        {
            return null;
        }

        if (KubernetesFormats.Quantity(value) is { } error)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidQuantity, setting.Location, property, value, error));
            return null;
        }

        return KubernetesFormats.ParseQuantity(value);
    }

    private static void NotAbove(Setting<string?> request, double? requestValue, string requestName, Setting<string?> limit, double? limitValue, string limitName, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (requestValue > limitValue)
        {
            diagnostics.Add(DiagnosticInfo.Create(RequestAboveLimit, request.Location, requestName, request.Value!, limitName, limit.Value!));
        }
    }
}
