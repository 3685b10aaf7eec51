using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[HttpRoute]</c>: Gateway API HTTPRoutes, one per Gateway and hostname.</summary>
internal sealed class HttpRoutesFeature : Feature
{
    public override string Name => "HttpRoutes";

    public override IReadOnlyList<string> Attributes { get; } = ["HttpRouteAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddHttpRoutes", Stage.Objects, AddHttpRoutes.Apply)];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.HttpRoute];

    /// <summary>The first HTTPRoute has the workload's name; the second and later ones (one per Gateway and hostname) <c>name-2</c>, <c>name-3</c> ….</summary>
    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        var ns = Kubernetes.ObjectNames.NamespaceOf(model, options);
        var routes = AddHttpRoutes.Sorted(model);
        var index = 0;
        for (var i = 0; i < routes.Length; i++)
        {
            if (AddHttpRoutes.StartsRoute(routes, i))
            {
                yield return index == 0
                    ? new(Contract.Kinds.HttpRoute.Kind, ns, model.Name.Value)
                    : new(Contract.Kinds.HttpRoute.Kind, ns, AddHttpRoutes.RouteName(model.Name.Value, index), routes[i].Attribute, $"[HttpRoute(\"{routes[i].Path.Value}\")] (Gateway '{routes[i].Gateway.Value}')");
                index++;
            }
        }
    }

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var pathType = reader.Named("PathType", 0);
        parts.HttpRoutes.Add(new HttpRouteModel(
            reader.Location,
            reader.Positional<string>(0, "path"),
            reader.Named<string?>("Gateway", null),
            reader.Named<string?>("GatewayNamespace", null),
            reader.Named<string?>("Hostname", null),
            new Setting<PathTypeModel>((PathTypeModel)pathType.Value, pathType.Location, pathType.IsExplicit),
            reader.Named<string?>("Port", null)));
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => HttpRouteRules.Check(model, diagnostics);

    public override void CheckApp(IReadOnlyList<WorkloadModel> workloads, App.AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var workload in workloads)
        {
            foreach (var route in workload.HttpRoutes)
            {
                RouteAppRules.Check(workload, app, "[HttpRoute]", route.Path, route.PathType, diagnostics);
            }
        }
    }

    /// <summary>KSG3009 for the hostnames; the single-replica check counts HTTP routes as routes (<see cref="RoutesPolicy"/>).</summary>
    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var route in model.HttpRoutes)
        {
            RoutesPolicy.CheckHost("[HttpRoute] hostname", route.Hostname, policy, diagnostics);
        }
    }
}
