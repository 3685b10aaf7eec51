using System.Collections.Generic;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// The objects of one workload while decorators build them. The Deployment and its pod template
/// always exist; the other objects exist once the decorator that adds them has run.
/// </summary>
internal sealed class ManifestContext
{
    public ManifestContext(ServiceModel model, GeneratorOptions options)
    {
        Model = model;
        Options = options;
        Namespace = model.Namespace.Value ?? options.DefaultNamespace;
        Deployment = NewObject("apps/v1", "Deployment");
        var spec = Deployment.Map("spec");
        spec.Add("replicas", model.Replicas.Value);
        spec.Map("selector").Add("matchLabels", SelectorLabels());
        spec.Map("strategy"); // filled by ApplyRollingUpdate; created here so it reads before the long template
        PodTemplate = spec.Map("template");
        PodMetadata = PodTemplate.Map("metadata");
        PodSpec = PodTemplate.Map("spec");
        Container = PodSpec.Sequence("containers").AddMap();
    }

    public ServiceModel Model { get; }

    public GeneratorOptions Options { get; }

    /// <summary>The workload's namespace, or null to leave it to <c>kubectl apply -n</c>.</summary>
    public string? Namespace { get; }

    public string Name => Model.Name.Value;

    /// <summary>Every top-level object, in output order.</summary>
    public List<YamlMap> Objects { get; } = [];

    public YamlMap Deployment { get; }

    public YamlMap PodTemplate { get; }

    public YamlMap PodMetadata { get; }

    public YamlMap PodSpec { get; }

    public YamlMap Container { get; }

    /// <summary>Sidecars and init containers, in declaration order (see AddExtraContainers).</summary>
    public List<YamlMap> ExtraContainers { get; } = [];

    /// <summary>A new top-level object with apiVersion, kind and metadata name/namespace, added to <see cref="Objects"/>.</summary>
    public YamlMap NewObject(string apiVersion, string kind, string? name = null)
    {
        var root = new YamlMap().Add("apiVersion", apiVersion).Add("kind", kind);
        var metadata = root.Map("metadata").Add("name", name ?? Name);
        if (Namespace is not null)
        {
            metadata.Add("namespace", Namespace);
        }

        Objects.Add(root);
        return root;
    }

    /// <summary>The version-free labels that select this workload's pods (so upgrades never touch an immutable selector).</summary>
    public YamlMap SelectorLabels() =>
        new YamlMap().Add(WellKnown.InstanceLabel, Name).Add(WellKnown.NameLabel, Name);
}
