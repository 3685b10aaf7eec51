using System.Collections.Generic;
using K8sGen.Generator.Features;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Kubernetes;

/// <summary>
/// The objects of one workload while decorators build them. The workload object (Deployment, StatefulSet,
/// DaemonSet, Job or CronJob) and its pod template always exist; the other objects exist once the decorator that adds
/// them has run.
/// </summary>
internal sealed class ManifestContext
{
    public ManifestContext(WorkloadModel model, GeneratorOptions options, YamlArena? arena = null)
    {
        _arena = arena;
        Model = model;
        Options = options;
        Namespace = model.Namespace.Value ?? options.DefaultNamespace;
        (Workload, PodTemplate) = model.Kind switch
        {
            WorkloadKind.CronJob => CronJobSkeleton(model.Batch!),
            WorkloadKind.Job => JobSkeleton(model.Batch!),
            WorkloadKind.StatefulSet => StatefulSetSkeleton(),
            WorkloadKind.DaemonSet => DaemonSetSkeleton(),
            _ => DeploymentSkeleton(),
        };
        PodMetadata = PodTemplate.Map("metadata");
        PodSpec = PodTemplate.Map("spec");
        if (model.Kind.IsBatch())
        {
            // Run to completion: restart a failed container in place; the Job's backoff limit counts the failures.
            PodSpec.Add("restartPolicy", "OnFailure");
        }

        Container = PodSpec.Sequence("containers").AddMap();
    }

    public WorkloadModel Model { get; }

    public GeneratorOptions Options { get; }

    /// <summary>The workload's namespace, or null to leave it to <c>kubectl apply -n</c>.</summary>
    public string? Namespace { get; }

    public string Name => Model.Name.Value;

    /// <summary>Every top-level object, in output order.</summary>
    public List<YamlMap> Objects { get; } = [];

    /// <summary>The Deployment, StatefulSet, DaemonSet, Job or CronJob.</summary>
    public YamlMap Workload { get; }

    public YamlMap PodTemplate { get; }

    public YamlMap PodMetadata { get; }

    public YamlMap PodSpec { get; }

    public YamlMap Container { get; }

    /// <summary>Sidecars and init containers, in declaration order (see AddExtraContainers).</summary>
    public List<YamlMap> ExtraContainers { get; } = [];

    /// <summary>A new top-level object with apiVersion, kind and metadata name/namespace, added to <see cref="Objects"/>.</summary>
    public YamlMap NewObject(Contract.ApiKind kind, string? name = null) => NewObjectIn(Namespace, kind, name ?? Name);

    /// <summary>The same in another namespace (null: the one <c>kubectl apply -n</c> gives), e.g. a dependency's.</summary>
    public YamlMap NewObjectIn(string? objectNamespace, Contract.ApiKind kind, string name)
    {
        var root = NewMap().Add("apiVersion", kind.ApiVersion).Add("kind", kind.Kind);
        var metadata = root.Map("metadata").Add("name", name);
        if (objectNamespace is not null)
        {
            metadata.Add("namespace", objectNamespace);
        }

        Objects.Add(root);
        return root;
    }

    private (YamlMap Workload, YamlMap PodTemplate) DeploymentSkeleton()
    {
        var deployment = NewObject(Contract.Kinds.Deployment);
        var spec = deployment.Map("spec");
        if (Model.Autoscale is null)
        {
            // With [Autoscale] the replicas are the autoscaler's: a fixed count would fight it on every apply.
            spec.Add("replicas", Model.Replicas.Value);
        }

        spec.Map("selector").Add("matchLabels", SelectorLabels());
        spec.Map("strategy"); // filled by ApplyRollingUpdate; created here so it reads before the long template
        return (deployment, spec.Map("template"));
    }

    private (YamlMap Workload, YamlMap PodTemplate) StatefulSetSkeleton()
    {
        var statefulSet = NewObject(Contract.Kinds.StatefulSet);
        var spec = statefulSet.Map("spec");
        if (Model.Autoscale is null)
        {
            spec.Add("replicas", Model.Replicas.Value);
        }

        spec.Map("selector").Add("matchLabels", SelectorLabels());
        // serviceName, podManagementPolicy and updateStrategy read before the long template; the Volumes feature's
        // volumeClaimTemplates come after it.
        StatefulSetFeature.WriteSpec(spec, Model);
        return (statefulSet, spec.Map("template"));
    }

    private (YamlMap Workload, YamlMap PodTemplate) DaemonSetSkeleton()
    {
        var daemonSet = NewObject(Contract.Kinds.DaemonSet);
        var spec = daemonSet.Map("spec");
        spec.Map("selector").Add("matchLabels", SelectorLabels());
        spec.Map("updateStrategy"); // filled by ApplyRollingUpdate
        return (daemonSet, spec.Map("template"));
    }

    private (YamlMap Workload, YamlMap PodTemplate) JobSkeleton(BatchModel batch)
    {
        var job = NewObject(Contract.Kinds.Job);
        var spec = job.Map("spec");
        AddIfSet(spec, "backoffLimit", batch.BackoffLimit.Value);
        AddIfSet(spec, "activeDeadlineSeconds", batch.ActiveDeadlineSeconds.Value);
        AddIfSet(spec, "ttlSecondsAfterFinished", batch.TtlSecondsAfterFinished.Value);
        return (job, spec.Map("template"));
    }

    private (YamlMap Workload, YamlMap PodTemplate) CronJobSkeleton(BatchModel batch)
    {
        var cronJob = NewObject(Contract.Kinds.CronJob);
        var spec = cronJob.Map("spec").Add("schedule", batch.Schedule.Value!.Trim());
        if (batch.TimeZone.Value is { } zone)
        {
            spec.Add("timeZone", zone);
        }

        if (batch.ConcurrencyPolicy.IsExplicit)
        {
            spec.Add("concurrencyPolicy", batch.ConcurrencyPolicy.Value switch { 1 => "Forbid", 2 => "Replace", _ => "Allow" });
        }

        if (batch.Suspend.IsExplicit)
        {
            spec.Add("suspend", batch.Suspend.Value);
        }

        AddIfSet(spec, "successfulJobsHistoryLimit", batch.SuccessfulJobsHistoryLimit.Value);
        AddIfSet(spec, "failedJobsHistoryLimit", batch.FailedJobsHistoryLimit.Value);
        return (cronJob, spec.Map("jobTemplate").Map("spec").Map("template"));
    }

    private static void AddIfSet(YamlMap map, string key, int? value)
    {
        if (value is { } number)
        {
            map.Add(key, number);
        }
    }

    /// <summary>
    /// The version-free labels that select this workload's pods (so upgrades never touch an immutable selector).
    /// One map shared by every selector: a node is printed, never changed once a decorator has placed it.
    /// </summary>
    public YamlMap SelectorLabels() =>
        _selectorLabels ??= NewMap().Add(WellKnown.InstanceLabel, Name).Add(WellKnown.NameLabel, Name);

    private YamlMap? _selectorLabels;

    private readonly YamlArena? _arena;

    /// <summary>A map for a decorator to fill and place (from the arena when the tree is recycled).</summary>
    public YamlMap NewMap() => YamlArena.NewMap(_arena);

    /// <summary>A sequence for a decorator to fill and place.</summary>
    public YamlSequence NewSequence() => YamlArena.NewSequence(_arena);

    /// <summary>The metadata of every top-level object, then the pods' (where labels and annotations go).</summary>
    public IEnumerable<YamlMap> AllMetadata()
    {
        foreach (var item in Objects)
        {
            yield return (YamlMap)item["metadata"]!;
        }

        yield return PodMetadata;
    }

    /// <summary>The main container, then the sidecars and init containers.</summary>
    public IEnumerable<YamlMap> AllContainers()
    {
        yield return Container;
        foreach (var container in ExtraContainers)
        {
            yield return container;
        }
    }
}
