using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Parsing;

/// <summary>
/// Turns the K8sGen attributes on one class into a <see cref="WorkloadModel"/>: each attribute is read by its
/// feature (<see cref="Feature.Read"/>, the only code besides this that touches Roslyn symbols), then the model
/// is assembled with product.md's defaults. It does not judge values; the features' rules do.
/// </summary>
internal static class WorkloadParser
{
    public static WorkloadModel Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var classLocation = type.Locations.Length > 0 ? LocationInfo.From(type.Locations[0]) : new LocationInfo(string.Empty, default);
        var parts = new WorkloadBuilder(type, classLocation);
        foreach (var data in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (KnownTypes.FeatureOf(data.AttributeClass) is not { } feature)
            {
                continue;
            }

            var reader = new AttributeReader(data, classLocation);
            reader.CheckText(ref parts.TextProblems);
            feature.Read(data, reader, parts);
        }

        var workload = parts.Workload ?? new AttributeReader(type.GetAttributes().First(), classLocation);
        var name = workload.Named<string?>("Name", null);
        var rollingUpdate = WorkloadFeature.RollingUpdateDefaults(parts.Kind);
        return new WorkloadModel(
            ClassName: type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            Kind: parts.Kind,
            WorkloadAttribute: workload.Location,
            Name: name.Value is not null ? new Setting<string>(name.Value, name.Location, true) : new Setting<string>(Naming.DefaultWorkloadName(type.Name), workload.Location, false),
            Namespace: workload.Named<string?>("Namespace", null),
            Replicas: workload.Named("Replicas", 1),
            MaxSurge: workload.Named("MaxSurge", rollingUpdate.MaxSurge),
            MaxUnavailable: workload.Named("MaxUnavailable", rollingUpdate.MaxUnavailable),
            Image: workload.Named<string?>("Image", null),
            Ports: PortsFeature.Build(parts.Ports),
            Routes: parts.TakeRoutes(),
            Scrape: parts.Scrape,
            Probes: parts.TakeProbes(),
            Resources: parts.Resources,
            Env: parts.TakeEnv(),
            Labels: parts.TakeLabels(),
            Annotations: parts.TakeAnnotations(),
            Autoscale: parts.Autoscale,
            DisruptionBudget: parts.DisruptionBudget,
            HttpRoutes: parts.TakeHttpRoutes(),
            ExtraContainers: parts.TakeExtraContainers(),
            Batch: parts.Kind.IsBatch() ? WorkloadFeature.ReadBatch(workload, parts.Kind) : null,
            ExtraWorkloadAttributes: parts.TakeExtraWorkloads(),
            Dependencies: parts.TakeDependencies(),
            NetworkPolicy: parts.NetworkPolicy,
            Environments: parts.TakeEnvironments(),
            TextProblems: parts.TextProblems is null ? EquatableArray<TextProblem>.Empty : parts.TextProblems.ToImmutable().ToEquatableArray(),
            Extensions: parts.Extensions is null ? EquatableArray<FeatureModel>.Empty : parts.Extensions.ToEquatableArray());
    }
}
