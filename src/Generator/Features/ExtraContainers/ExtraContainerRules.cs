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
        using var names = Scratch.Set<string>();
        using var ports = Scratch.Map<int, string>();
        names.Add(model.Name.Value);
        foreach (var port in model.Ports)
        {
            ports.Items[port.ContainerPort.Value] = model.Name.Value;
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
                if (KubernetesFormats.PortNumber(port) is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidPortNumber, container.Ports.Location, "Sidecar port", port.ToString(CultureInfo.InvariantCulture)));
                }
                else if (ports.Items.TryGetValue(port, out var owner))
                {
                    diagnostics.Add(DiagnosticInfo.Create(PortInUse, container.Ports.Location, port.ToString(CultureInfo.InvariantCulture), name ?? string.Empty, owner));
                }
                else
                {
                    ports.Items[port] = name ?? string.Empty;
                }
            }

            ResourceRules.CheckResources(container.Resources, diagnostics);
        }
    }
}
