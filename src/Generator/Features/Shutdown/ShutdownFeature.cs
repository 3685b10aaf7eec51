using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>
/// A Deployment's, StatefulSet's or DaemonSet's <c>DrainSeconds</c> and <c>TerminationGracePeriodSeconds</c> as written (read with the
/// workload attribute, which belongs to <see cref="WorkloadFeature"/>).
/// </summary>
internal sealed record ShutdownModel(Setting<int> DrainSeconds, Setting<int> GracePeriodSeconds) : FeatureModel
{
    /// <summary>The drain a workload gets: what the code says, else <see cref="ShutdownFeature.DefaultDrainSeconds"/> when it serves traffic.</summary>
    public int Drain(WorkloadModel model) =>
        DrainSeconds.IsExplicit ? DrainSeconds.Value : model.Ports.IsEmpty ? 0 : ShutdownFeature.DefaultDrainSeconds;

    /// <summary>The grace period to write, or null for Kubernetes' own default (30 s) when there is no drain to cover.</summary>
    public int? GracePeriod(WorkloadModel model) =>
        GracePeriodSeconds.IsExplicit ? GracePeriodSeconds.Value
        : Drain(model) is var drain and > 0 ? drain + ShutdownFeature.HostShutdownSeconds
        : null;
}

/// <summary>
/// Zero-downtime shutdown. When Kubernetes stops a pod it removes it from Service endpoints and ingress controllers
/// while it sends SIGTERM, asynchronously, so requests still arrive after ASP.NET Core has begun to shut down. A
/// pre-stop <c>sleep</c> (the .NET images have no shell for <c>exec: sleep</c>) keeps the pod serving while the
/// endpoints converge; the grace period then covers that delay plus the host's shutdown timeout, in which
/// ASP.NET Core finishes the requests in flight.
/// </summary>
internal sealed class ShutdownFeature : Feature
{
    /// <summary>Long enough for kube-proxy and ingress controllers to drop the endpoint, short enough not to slow rollouts.</summary>
    public const int DefaultDrainSeconds = 5;

    /// <summary><c>HostOptions.ShutdownTimeout</c>'s default since .NET 8: how long the host waits for requests in flight.</summary>
    public const int HostShutdownSeconds = 30;

    public override string Name => "Shutdown";

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("ApplyGracefulShutdown", Stage.Pod, Apply, "AddProbes", "AddNodeSelector")];

    /// <summary>Called by <see cref="WorkloadFeature"/> for every kind but the batch ones, whose pods finish their work instead of draining.</summary>
    public static void Read(AttributeReader workload, WorkloadBuilder parts) =>
        parts.UpdateExtension<ShutdownModel>(_ => new(workload.Named("DrainSeconds", DefaultDrainSeconds), workload.Named("TerminationGracePeriodSeconds", 0)));

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Extension<ShutdownModel>() is not { } shutdown)
        {
            return;
        }

        var valid = NotNegative("DrainSeconds", shutdown.DrainSeconds, diagnostics) & NotNegative("TerminationGracePeriodSeconds", shutdown.GracePeriodSeconds, diagnostics);

        // The API server's rule for the sleep action: at most the grace period (validateSleepAction).
        if (valid && shutdown.GracePeriodSeconds.IsExplicit && shutdown.Drain(model) is var drain && shutdown.GracePeriodSeconds.Value < drain)
        {
            diagnostics.Add(DiagnosticInfo.Create(GracePeriodShorterThanDrain, shutdown.GracePeriodSeconds.Location, Text(shutdown.GracePeriodSeconds.Value), Text(drain), Text(drain + HostShutdownSeconds)));
        }
    }

    private static bool NotNegative(string name, Setting<int> setting, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (setting.IsExplicit && setting.Value < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidShutdownSetting, setting.Location, name, Text(setting.Value)));
            return false;
        }

        return true;
    }

    private static void Apply(ManifestContext context)
    {
        if (context.Model.Extension<ShutdownModel>() is not { } shutdown)
        {
            return;
        }

        if (shutdown.Drain(context.Model) is var drain and > 0)
        {
            context.Container.Map("lifecycle").Map("preStop").Map("sleep").Add("seconds", drain);
        }

        if (shutdown.GracePeriod(context.Model) is { } grace)
        {
            context.PodSpec.Add("terminationGracePeriodSeconds", grace);
        }
    }
}
