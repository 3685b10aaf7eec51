using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Route]</c>: one networking.k8s.io/v1 Ingress per workload, rules grouped by host.</summary>
internal sealed class RoutesFeature : Feature
{
    public override string Name => "Routes";

    public override IReadOnlyList<string> Attributes { get; } = ["RouteAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddIngress", Stage.Objects, AddIngress.Apply)];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.Ingress];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var pathType = reader.Named("PathType", 0);
        parts.Routes.Add(new RouteModel(
            reader.Location,
            reader.Positional<string>(0, "path"),
            reader.Named<string?>("Host", null),
            new Setting<PathTypeModel>((PathTypeModel)pathType.Value, pathType.Location, pathType.IsExplicit),
            reader.Named<string?>("Port", null),
            reader.Named<string?>("IngressClass", null),
            reader.Named<string?>("TlsSecret", null)));
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => RouteRules.Check(model, diagnostics);

    public override void CheckApp(IReadOnlyList<WorkloadModel> workloads, App.AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var workload in workloads)
        {
            foreach (var route in workload.Routes)
            {
                RouteAppRules.Check(workload, app, "[Route]", route.Path, route.PathType, diagnostics);
            }
        }
    }

    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        RoutesPolicy.Check(model, policy, diagnostics);
}
