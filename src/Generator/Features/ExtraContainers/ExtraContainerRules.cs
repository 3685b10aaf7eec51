using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Sidecar], [InitContainer]: names unique in the pod, images, ports free in the pod's shared network, resources (core validateContainers).</summary>
internal static class ExtraContainerRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal) { model.Name.Value };
        var ports = new Dictionary<int, string>();
        foreach (var port in model.Ports)
        {
            ports[port.ContainerPort.Value] = model.Name.Value;
        }

        foreach (var container in model.ExtraContainers)
        {
            var name = container.Name.Value;
            if (KubernetesFormats.Dns1123Label(name) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidContainerName, container.Name.Location, name ?? string.Empty, nameError));
            }
            else if (!names.Add(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateContainerName, container.Name.Location, name!, name == model.Name.Value ? " (by the workload's own container)" : string.Empty));
            }

            if (KubernetesFormats.ImageReference(container.Image.Value) is { } imageError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidImage, container.Image.Location, container.Image.Value ?? string.Empty, imageError));
            }

            foreach (var port in container.Ports.Value)
            {
                var text = port.ToString(CultureInfo.InvariantCulture);
                if (KubernetesFormats.PortNumber(port) is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidPortNumber, container.Ports.Location, "Sidecar port", text));
                }
                else if (ports.TryGetValue(port, out var owner))
                {
                    diagnostics.Add(DiagnosticInfo.Create(PortInUse, container.Ports.Location, text, name ?? string.Empty, owner));
                }
                else
                {
                    ports[port] = name ?? string.Empty;
                }
            }

            ResourceRules.CheckResources(container.Resources, diagnostics);
        }
    }
}
