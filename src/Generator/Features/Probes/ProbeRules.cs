using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Liveness], [Readiness], [Startup]: path, port, timings.</summary>
internal static class ProbeRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var probe in model.Probes)
        {
            var attribute = probe.Kind.AttributeName();
            if (!KubernetesFormats.IsHttpPath(probe.Path.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidProbePath, probe.Path.Location, attribute, probe.Path.Value ?? string.Empty));
            }

            PortRules.Resolve(model, probe.Port, attribute, null, probe.Attribute, diagnostics);

            // Kubernetes turns 0 into its default for these, so an explicit 0 would be silently replaced.
            AtLeast(probe.InitialDelaySeconds, 0, attribute, nameof(probe.InitialDelaySeconds), "5", diagnostics);
            AtLeast(probe.PeriodSeconds, 1, attribute, nameof(probe.PeriodSeconds), "10", diagnostics);
            AtLeast(probe.TimeoutSeconds, 1, attribute, nameof(probe.TimeoutSeconds), "1", diagnostics);
            AtLeast(probe.FailureThreshold, 1, attribute, nameof(probe.FailureThreshold), "3", diagnostics);
        }
    }

    private static void AtLeast(Setting<int?> setting, int minimum, string attribute, string property, string example, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (setting.Value is { } value && value < minimum)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                InvalidProbeNumber,
                setting.Location,
                attribute,
                property,
                value.ToString(CultureInfo.InvariantCulture),
                minimum.ToString(CultureInfo.InvariantCulture) + " or more",
                example));
        }
    }
}
