using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.App;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Policy;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary>
/// One Kubernetes feature (ports, routes, autoscaling …): the attributes it reads, the rules it checks, the
/// decorators that write it into the objects and the kinds it emits. Each lives in its own folder of
/// <c>Features/</c> with its model records; <see cref="FeatureRegistry"/> lists them all, and the parser's
/// dispatch, the rule order, the decorator order and the kinds the task parses derive from that list.
/// </summary>
internal abstract class Feature
{
    public abstract string Name { get; }

    /// <summary>The K8sGen attributes (class names, e.g. <c>PortAttribute</c>) this feature reads; an attribute belongs to one feature.</summary>
    public virtual IReadOnlyList<string> Attributes => Array.Empty<string>();

    /// <summary>Reads one of <see cref="Attributes"/> into the workload being parsed (the only step that sees Roslyn symbols).</summary>
    public virtual void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
    }

    /// <summary>The feature's rules: model in, located diagnostics out (the model holds every feature's settings).</summary>
    public virtual void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
    }

    /// <summary>
    /// The feature's checks against the application's code (the endpoints it maps, the configuration it reads), for
    /// the project's workloads without errors; run by the analyzer at the end of the compilation. Warnings only, and
    /// only what K8sGen can prove: <see cref="AppModel"/> is null-valued where the code is not fully known.
    /// </summary>
    public virtual void CheckApp(IReadOnlyList<WorkloadModel> workloads, AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
    }

    /// <summary>
    /// The platform team's policy (KSG3xxx) on a workload without errors: what is valid but not production-grade
    /// (no requests, no probes, a mutable tag …). Run by the analyzer at the workload unless <c>K8sGenPolicy</c> is
    /// <c>none</c>; it never changes the YAML.
    /// </summary>
    public virtual void CheckPolicy(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
    }

    /// <summary>The environment variables the feature sets in the workload's main container (what the app's configuration can read).</summary>
    public virtual IEnumerable<string> EnvironmentVariables(WorkloadModel model, GeneratorOptions options) => Array.Empty<string>();

    /// <summary>The steps that write the feature into the workload's objects.</summary>
    public virtual IReadOnlyList<Decorator> Decorators => Array.Empty<Decorator>();

    /// <summary>
    /// The names of the objects the feature adds that another workload's object could also get: every object under
    /// a name K8sGen makes up, and those named after the workload that such a name can meet (KSG1016).
    /// </summary>
    public virtual IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options) => Array.Empty<ObjectName>();

    /// <summary>The kinds of object the feature adds (the build task parses each of <see cref="Contract.Kinds"/> strictly).</summary>
    public virtual IReadOnlyList<Contract.ApiKind> Kinds => Array.Empty<Contract.ApiKind>();
}

/// <summary>
/// When a decorator runs. The stages are what decorators may rely on; within a stage decorators run in
/// registry order, which is also the order of the objects and keys they write.
/// </summary>
internal enum Stage
{
    /// <summary>The main container's first keys (its image right after its name).</summary>
    Container,

    /// <summary>Top-level objects besides the workload (Service, Ingress, HTTPRoute …) are added.</summary>
    Objects,

    /// <summary>Every object exists: labels and annotations go on all of them.</summary>
    Metadata,

    /// <summary>The workload's spec and its pod: strategy, the container's ports, env, resources, probes, other containers.</summary>
    Pod,

    /// <summary>Every container exists: the secure defaults apply to all of them.</summary>
    Defaults,
}

/// <summary>One step of a feature: a named action on the objects, its stage, and the decorators it must run after.</summary>
internal sealed class Decorator
{
    public Decorator(string name, Stage stage, Action<ManifestContext> apply, params string[] after)
    {
        Name = name;
        Stage = stage;
        Apply = apply;
        After = after;
    }

    public string Name { get; }

    public Stage Stage { get; }

    public Action<ManifestContext> Apply { get; }

    /// <summary>Decorators whose output this one reads or must follow in the YAML; the registry checks they run first.</summary>
    public IReadOnlyList<string> After { get; }
}

/// <summary>The settings of a feature that has no field of its own on <see cref="WorkloadModel"/>: kept in <see cref="WorkloadModel.Extensions"/>.</summary>
internal abstract record FeatureModel;
