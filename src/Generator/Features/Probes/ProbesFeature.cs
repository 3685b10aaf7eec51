using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Liveness]</c>, <c>[Readiness]</c>, <c>[Startup]</c>: HTTP GET probes on a named port.</summary>
internal sealed class ProbesFeature : Feature
{
    public override string Name => "Probes";

    public override IReadOnlyList<string> Attributes { get; } = ["LivenessAttribute", "ReadinessAttribute", "StartupAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddProbes", Stage.Pod, AddProbes.Apply, "AddResources")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.Probes.Add(new ProbeModel(
            reader.Location,
            data.AttributeClass?.Name switch { "LivenessAttribute" => ProbeKind.Liveness, "ReadinessAttribute" => ProbeKind.Readiness, _ => ProbeKind.Startup },
            reader.Positional<string>(0, "path"),
            reader.Named<string?>("Port", null),
            reader.OptionalInt("InitialDelaySeconds"),
            reader.OptionalInt("PeriodSeconds"),
            reader.OptionalInt("TimeoutSeconds"),
            reader.OptionalInt("FailureThreshold")));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => ProbeRules.Check(model, diagnostics);

    public override void CheckApp(IReadOnlyList<WorkloadModel> workloads, App.AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        ProbeAppRules.Check(workloads, app, diagnostics);

    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        ProbesPolicy.Check(model, diagnostics);
}
