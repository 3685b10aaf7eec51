using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>[Port]: numbers, names, uniqueness; and how routes, probes and scraping refer to a port.</summary>
internal static class PortRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        using var numbers = Scratch.Set<int>();
        using var names = Scratch.Set<string>();
        using var servicePorts = Scratch.Set<int>();
        foreach (var port in model.Ports)
        {
            if (KubernetesFormats.PortNumber(port.ContainerPort.Value) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidPortNumber, port.ContainerPort.Location, "Container port", Text(port.ContainerPort.Value)));
            }
            else if (!numbers.Add(port.ContainerPort.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicatePort, port.ContainerPort.Location, "Container port", Text(port.ContainerPort.Value), " container port"));
            }

            if (KubernetesFormats.PortName(port.Name.Value) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidPortName, port.Name.Location, port.Name.Value, nameError));
            }
            else if (!names.Add(port.Name.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicatePort, port.Name.Location, "Port name", "'" + port.Name.Value + "'", port.Name.IsExplicit ? " name" : " name (a port without Name is named 'http' if it is the first, else 'port-<number>')"));
            }

            if (KubernetesFormats.PortNumber(port.ServicePort.Value) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidPortNumber, port.ServicePort.Location, "ServicePort", Text(port.ServicePort.Value)));
            }
            else if (!servicePorts.Add(port.ServicePort.Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicatePort, port.ServicePort.Location, "ServicePort", Text(port.ServicePort.Value), port.ServicePort.IsExplicit ? " ServicePort" : " ServicePort (the first port's defaults to 80, the others' to their container port)"));
            }
        }
    }

    /// <summary>
    /// Resolves a <c>Port = "..."</c> reference (a port name, or a container port number) to a declared
    /// port; null means the first port. Reports and returns null when nothing matches.
    /// </summary>
    /// <param name="attribute">The referring attribute's name (<c>Route</c>, <c>Liveness</c> …), for the message.</param>
    /// <param name="path">Its path, shown in the message as <c>[Route("/v1")]</c>; null for an attribute shown without one.</param>
    public static PortModel? Resolve(WorkloadModel model, Setting<string?> reference, string attribute, string? path, LocationInfo ownerLocation, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Ports.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfo.Create(MissingPort, ownerLocation, Owner(attribute, path)));
            return null;
        }

        var port = Find(model.Ports, reference.Value);
        if (port is null)
        {
            var declared = string.Join(", ", model.Ports.Select(p => $"'{p.Name.Value}' ({Text(p.ContainerPort.Value)})"));
            diagnostics.Add(DiagnosticInfo.Create(UnknownPortReference, reference.Location, Owner(attribute, path), reference.Value ?? string.Empty, declared));
        }

        return port;
    }

    // Composed only for a message: Resolve runs for every route, probe and scrape of every workload.
    private static string Owner(string attribute, string? path) => path is null ? "[" + attribute + "]" : "[" + attribute + "(\"" + path + "\")]";

    /// <summary>The port a reference selects, without reporting; the Kubernetes builders use it on valid models.</summary>
    public static PortModel? Find(EquatableArray<PortModel> ports, string? reference)
    {
        if (ports.IsEmpty)
        {
            return null;
        }

        if (reference is null)
        {
            return ports[0];
        }

        foreach (var port in ports)
        {
            if (port.Name.Value == reference || IsDecimal(reference, port.ContainerPort.Value))
            {
                return port;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> is <paramref name="value"/> as <see cref="Text"/> spells it, without making that string.</summary>
    private static bool IsDecimal(string text, int value)
    {
        if (value < 0)
        {
            return text == Text(value);
        }

        var i = text.Length - 1;
        do
        {
            if (i < 0 || text[i] != (char)('0' + (value % 10)))
            {
                return false;
            }

            value /= 10;
            i--;
        }
        while (value != 0);

        return i == -1;
    }
}
