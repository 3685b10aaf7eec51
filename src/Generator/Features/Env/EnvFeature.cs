using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[Env]</c>, <c>[EnvFromSecret]</c>, <c>[EnvFromConfigMap]</c>: the main container's environment, in declaration order.</summary>
internal sealed class EnvFeature : Feature
{
    public override string Name => "Env";

    public override IReadOnlyList<string> Attributes { get; } = ["EnvAttribute", "EnvFromSecretAttribute", "EnvFromConfigMapAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("AddEnvironment", Stage.Pod, AddEnvironment.Apply, "AddContainerPorts")];

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts) =>
        parts.Env.Add(data.AttributeClass?.Name switch
        {
            "EnvFromSecretAttribute" => new EnvModel(reader.Location, EnvSource.Secret, reader.Positional<string>(0, "name"), reader.Named<string?>("Secret", null), reader.Named<string?>("Key", null)),
            "EnvFromConfigMapAttribute" => new EnvModel(reader.Location, EnvSource.ConfigMap, reader.Positional<string>(0, "name"), reader.Named<string?>("ConfigMap", null), reader.Named<string?>("Key", null)),
            _ => new EnvModel(reader.Location, EnvSource.Value, reader.Positional<string>(0, "name"), reader.Positional<string>(1, "value"), default),
        });

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => EnvRules.Check(model, diagnostics);

    public override IEnumerable<string> EnvironmentVariables(WorkloadModel model, GeneratorOptions options)
    {
        foreach (var env in model.Env)
        {
            if (env.Name.Value is { } name)
            {
                yield return name;
            }
        }
    }

    public override void CheckApp(IReadOnlyList<WorkloadModel> workloads, App.AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        ConfigurationSources.Check(workloads, app, options, diagnostics);

    public override void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics) =>
        EnvPolicy.Check(model, diagnostics);
}
