using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Port]</c>: container ports and the ClusterIP Service that exposes them.</summary>
internal sealed class PortsFeature : Feature
{
    /// <summary>product.md: the first port is <c>http</c> on Service port 80 (so <c>http://&lt;name&gt;</c> reaches it), and so is a dependency named without a port.</summary>
    public const int DefaultServicePort = 80;

    public override string Name => "Ports";

    public override IReadOnlyList<string> Attributes { get; } = ["PortAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddService", Stage.Objects, AddService.Apply),
        new("AddContainerPorts", Stage.Pod, AddContainerPorts.Apply, "ApplyRollingUpdate"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.Service];

    /// <summary>The Service named after the workload, which a StatefulSet's headless Service name can meet.</summary>
    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        if (!model.Ports.IsEmpty)
        {
            yield return new(Contract.Kinds.Service.Kind, Kubernetes.ObjectNames.NamespaceOf(model, options), model.Name.Value);
        }
    }

    // Defaults depend on a port's position, so the ports are built once all are read (Build).
    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) => parts.Ports.Add(reader);

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => PortRules.Check(model, diagnostics);

    /// <summary>The ports with product.md's defaults: <c>http</c> on Service port 80 for the first, <c>port-N</c> on N for the others.</summary>
    public static EquatableArray<PortModel> Build(List<AttributeReader> readers)
    {
        var ports = ImmutableArray.CreateBuilder<PortModel>(readers.Count);
        for (var i = 0; i < readers.Count; i++)
        {
            var reader = readers[i];
            var containerPort = reader.Positional<int>(0, "containerPort");
            var isFirst = i == 0;
            var name = reader.Named<string?>("Name", null);
            var resolvedName = name.Value is not null
                ? new Setting<string>(name.Value, name.Location, true)
                : new Setting<string>(isFirst ? "http" : "port-" + containerPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.Location, false);
            var servicePort = reader.Named("ServicePort", 0);
            if (!servicePort.IsExplicit)
            {
                servicePort = servicePort with { Value = isFirst ? DefaultServicePort : containerPort.Value };
            }

            ports.Add(new PortModel(reader.Location, new Setting<int>(containerPort.Value, containerPort.Location, containerPort.IsExplicit), resolvedName, servicePort));
        }

        return ports.MoveToImmutable().ToEquatableArray();
    }
}
