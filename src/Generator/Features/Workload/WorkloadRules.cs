using System.Collections.Immutable;
using System.Globalization;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>[Deployment]: name, namespace, replicas, rolling update, image.</summary>
internal static class WorkloadRules
{
    /// <summary>Diagnostic property of KSG1001: the valid name a code fix puts in.</summary>
    public const string NameProperty = "name";

    // The name whose manifest file would be the kustomization.yaml beside the manifests.
    private static readonly string KustomizationName = Contract.KustomizationFile.Substring(0, Contract.KustomizationFile.Length - ".yaml".Length);

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var name = model.Name;
        var nameError = KubernetesFormats.Dns1123Label(name.Value) ?? (name.Value == KustomizationName ? "it is reserved for the kustomization.yaml beside the manifests" : null);
        if (nameError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidWorkloadName, name.Location, name.Value, nameError).With(NameProperty, Parsing.Naming.ValidWorkloadName(name.Value)));
        }
        else if (!model.Ports.IsEmpty && KubernetesFormats.Dns1035Label(name.Value) is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(ServiceNameMustStartWithLetter, name.Location, name.Value));
        }

        if (model.Namespace.Value is { } ns && KubernetesFormats.Dns1123Label(ns) is { } nsError)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidNamespace, model.Namespace.Location, ns, nsError));
        }

        if (model.Replicas.Value < 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidReplicas, model.Replicas.Location, model.Replicas.Value.ToString(CultureInfo.InvariantCulture)));
        }

        // A DaemonSet's surge is a share of its nodes' pods, at most all of them (ValidateRollingUpdateDaemonSet).
        var surgeError = KubernetesFormats.IntOrPercent(model.MaxSurge.Value, capAt100: model.Kind == Features.WorkloadKind.DaemonSet);
        if (surgeError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidRollingUpdateValue, model.MaxSurge.Location, "MaxSurge", model.MaxSurge.Value ?? string.Empty, surgeError));
        }

        var unavailableError = KubernetesFormats.IntOrPercent(model.MaxUnavailable.Value, capAt100: true);
        if (unavailableError is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidRollingUpdateValue, model.MaxUnavailable.Location, "MaxUnavailable", model.MaxUnavailable.Value ?? string.Empty, unavailableError));
        }

        if (surgeError is null && unavailableError is null && KubernetesFormats.IsZero(model.MaxSurge.Value!) && KubernetesFormats.IsZero(model.MaxUnavailable.Value!))
        {
            var location = model.MaxSurge.IsExplicit ? model.MaxSurge.Location : model.MaxUnavailable.Location;
            diagnostics.Add(DiagnosticInfo.Create(RollingUpdateBothZero, location));
        }
        else if (surgeError is null && unavailableError is null && model.Kind == Features.WorkloadKind.DaemonSet
            && !KubernetesFormats.IsZero(model.MaxSurge.Value!) && !KubernetesFormats.IsZero(model.MaxUnavailable.Value!))
        {
            // A node runs one pod of the set: either a new one starts beside the old (surge) or the old stops first.
            var location = model.MaxSurge.IsExplicit ? model.MaxSurge.Location : model.MaxUnavailable.Location;
            diagnostics.Add(DiagnosticInfo.Create(InvalidRollingUpdateValue, location, "MaxSurge", model.MaxSurge.Value!, "a DaemonSet replaces a node's pod either by starting the new one first (MaxSurge) or by stopping the old one first (MaxUnavailable), so one of them must be \"0\"; with MaxSurge set, set MaxUnavailable = \"0\""));
        }

        if (model.Image.Value is { } image && KubernetesFormats.ImageReference(image) is { } imageError)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidImage, model.Image.Location, image, imageError));
        }
    }
}
