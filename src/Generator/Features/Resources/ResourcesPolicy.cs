using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG3001 (no CPU or memory request) and KSG3002 (no memory limit) for any container whose resources K8sGen writes:
/// the workload's (<c>[Resources]</c>), a sidecar's or an init container's (their own settings).
/// </summary>
internal static class ResourcesPolicy
{
    /// <summary>Diagnostic property: the settings a fix adds, <c>Name=value</c> separated by ';'.</summary>
    public const string AddProperty = "add";

    /// <summary>Diagnostic property: set when the fix adds a whole <c>[Resources]</c> to the class.</summary>
    public const string NewAttributeProperty = "newAttribute";

    // A starting point for an ASP.NET Core service; the memory limit equals the request, so the pod never counts on
    // memory the node may not have (burstable CPU, guaranteed memory).
    public const string CpuRequest = "100m";
    public const string Memory = "256Mi";

    /// <param name="subject">"Workload 'orders'", "Sidecar 'envoy'" …</param>
    /// <param name="resources">The container's settings; null when the workload has no [Resources].</param>
    /// <param name="attribute">Where to report: the [Resources], [Sidecar] or [InitContainer], or the workload attribute without [Resources].</param>
    /// <param name="owner">The attribute the settings go in ("Resources", "Sidecar", "InitContainer").</param>
    public static void Check(string subject, ResourcesModel? resources, LocationInfo attribute, string owner, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var cpuRequest = resources?.CpuRequest.Value;
        var memoryRequest = resources?.MemoryRequest.Value;
        var memoryLimit = resources?.MemoryLimit.Value;
        if (cpuRequest is null || memoryRequest is null)
        {
            var add = new List<(string Name, string Value)>();
            if (cpuRequest is null)
            {
                add.Add(("CpuRequest", CpuRequest));
            }

            if (memoryRequest is null)
            {
                add.Add(("MemoryRequest", memoryLimit ?? Memory));
            }

            // Without [Resources] at all, one fix adds the memory limit too (KSG3002 is reported there as well).
            if (resources is null)
            {
                add.Add(("MemoryLimit", Memory));
            }

            var what = cpuRequest is null && memoryRequest is null ? "CPU or memory" : cpuRequest is null ? "CPU" : "memory";
            diagnostics.Add(Fix(DiagnosticInfo.Create(NoResourceRequests, attribute, subject, what, Suggestion(add, resources is null, owner)), add, resources is null));
        }

        if (memoryLimit is null)
        {
            var add = resources is null
                ? new List<(string, string)> { ("CpuRequest", CpuRequest), ("MemoryRequest", Memory), ("MemoryLimit", Memory) }
                : new List<(string, string)> { ("MemoryLimit", memoryRequest ?? Memory) };
            diagnostics.Add(Fix(DiagnosticInfo.Create(NoMemoryLimit, attribute, subject, Suggestion(add, resources is null, owner)), add, resources is null));
        }
    }

    private static string Suggestion(List<(string Name, string Value)> add, bool newAttribute, string owner)
    {
        var settings = string.Join(", ", add.Select(s => $"{s.Name} = \"{s.Value}\""));
        return newAttribute ? $"[Resources({settings})]" : $"{settings} to [{owner}]";
    }

    private static DiagnosticInfo Fix(DiagnosticInfo diagnostic, List<(string Name, string Value)> add, bool newAttribute)
    {
        diagnostic = diagnostic.With(AddProperty, string.Join(";", add.Select(s => s.Name + "=" + s.Value)));
        return newAttribute ? diagnostic.With(NewAttributeProperty, "Resources") : diagnostic;
    }
}
