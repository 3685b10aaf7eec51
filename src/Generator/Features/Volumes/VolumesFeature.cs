using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>Where a volume's content comes from (one per attribute).</summary>
internal enum VolumeSource
{
    /// <summary><c>[VolumeClaim]</c>: a claim per pod of a StatefulSet (volumeClaimTemplates).</summary>
    Claim,

    /// <summary><c>[PersistentVolume]</c>: one PersistentVolumeClaim the workload's pods share.</summary>
    Persistent,

    /// <summary><c>[Volume]</c>: an emptyDir.</summary>
    Scratch,

    /// <summary><c>[ConfigMapMount]</c>: an existing ConfigMap's keys as files.</summary>
    ConfigMap,

    /// <summary><c>[SecretMount]</c>: an existing Secret's keys as files.</summary>
    Secret,
}

/// <summary>
/// One volume of the main container. <c>Size</c> is a claim's storage or an emptyDir's size limit; <c>Reference</c>
/// the ConfigMap or Secret mounted. <c>AccessMode</c> is AccessMode's order (ReadWriteOnce = 0).
/// </summary>
internal sealed record VolumeModel(
    LocationInfo Attribute,
    VolumeSource Source,
    Setting<string?> Name,
    Setting<string?> MountPath,
    Setting<string?> Size,
    Setting<string?> StorageClass,
    Setting<int> AccessMode,
    Setting<bool> InMemory,
    Setting<string?> Reference,
    Setting<bool> Optional)
{
    /// <summary>The attribute as users write it.</summary>
    public string AttributeName => VolumesFeature.AttributeNames[(int)Source];

    /// <summary>Only one node (or pod) can attach it: ReadWriteOnce or ReadWriteOncePod.</summary>
    public bool IsSingleAttach => Source == VolumeSource.Persistent && AccessMode.Value is 0 or 3;
}

/// <summary>A workload's volumes, in declaration order.</summary>
internal sealed record VolumesModel(EquatableArray<VolumeModel> Volumes) : FeatureModel;

/// <summary>
/// Every writable or mounted path besides <c>/tmp</c>: the root file system is read-only (the secure defaults), so
/// each is a declared volume. <c>[VolumeClaim]</c> (StatefulSet: a claim per pod), <c>[PersistentVolume]</c> (a
/// PersistentVolumeClaim the pods share), <c>[Volume]</c> (emptyDir), <c>[ConfigMapMount]</c> and <c>[SecretMount]</c>
/// (read-only files). All are mounted in the main container; a pod with persistent storage gets
/// <c>fsGroup</c> 1654, so the app's user can write to a volume the storage driver creates as root.
/// </summary>
internal sealed class VolumesFeature : Feature
{
    /// <summary>The attributes as users write them, in <see cref="VolumeSource"/>'s order.</summary>
    public static readonly string[] AttributeNames = ["VolumeClaim", "PersistentVolume", "Volume", "ConfigMapMount", "SecretMount"];
    private static readonly string[] AttributeClasses = ["VolumeClaimAttribute", "PersistentVolumeAttribute", "VolumeAttribute", "ConfigMapMountAttribute", "SecretMountAttribute"];
    private static readonly string[] AccessModes = ["ReadWriteOnce", "ReadWriteMany", "ReadOnlyMany", "ReadWriteOncePod"];

    public override string Name => "Volumes";

    public override IReadOnlyList<string> Attributes => AttributeClasses;

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddPersistentVolumeClaims", Stage.Objects, AddClaims, "AddService"),
        new("MountVolumes", Stage.Defaults, Mount, "ApplySecureDefaults"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.PersistentVolumeClaim];

    /// <summary>The workload's volumes, or none.</summary>
    public static EquatableArray<VolumeModel> Of(WorkloadModel model) => model.Extension<VolumesModel>()?.Volumes ?? EquatableArray<VolumeModel>.Empty;

    /// <summary>The first shared volume only one node can attach (its pods are then replaced with Recreate), or null.</summary>
    public static VolumeModel? SingleAttach(WorkloadModel model)
    {
        foreach (var volume in Of(model))
        {
            if (volume.IsSingleAttach)
            {
                return volume;
            }
        }

        return null;
    }

    /// <summary>Whether the pod mounts storage the app must be able to write as its group (fsGroup).</summary>
    public static bool HasPersistentStorage(WorkloadModel model)
    {
        foreach (var volume in Of(model))
        {
            if (volume.Source is VolumeSource.Claim or VolumeSource.Persistent)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The PersistentVolumeClaim a <c>[PersistentVolume]</c> writes.</summary>
    public static string ClaimName(string workload, string volume) => workload + "-" + volume;

    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        foreach (var volume in Of(model))
        {
            if (volume.Source == VolumeSource.Persistent)
            {
                yield return new(Contract.Kinds.PersistentVolumeClaim.Kind, Kubernetes.ObjectNames.NamespaceOf(model, options), ClaimName(model.Name.Value, volume.Name.Value!), volume.Attribute, $"[PersistentVolume(\"{volume.Name.Value}\")]");
            }
        }
    }

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        var source = (VolumeSource)Array.IndexOf(AttributeClasses, data.AttributeClass!.Name);
        var none = new Setting<string?>(null, reader.Location, false);
        VolumeModel volume;
        if (source is VolumeSource.ConfigMap or VolumeSource.Secret)
        {
            var reference = reader.Positional<string>(0, source == VolumeSource.ConfigMap ? "configMap" : "secret");
            var volumeName = reader.Named<string?>("VolumeName", null);
            volume = new(reader.Location, source, volumeName.Value is null ? reference : volumeName, reader.Positional<string>(1, "mountPath"), none, none,
                new(0, reader.Location, false), new(false, reader.Location, false), reference, reader.Named("Optional", false));
        }
        else
        {
            var size = source == VolumeSource.Scratch ? reader.Named<string?>("SizeLimit", null) : reader.Named<string?>("Size", "1Gi");
            volume = new(reader.Location, source, reader.Positional<string>(0, "name"), reader.Positional<string>(1, "mountPath"), size,
                reader.Named<string?>("StorageClass", null), reader.Named("AccessMode", 0), reader.Named("InMemory", false), none, new(false, reader.Location, false));
        }

        parts.UpdateExtension<VolumesModel>(all => new((all is null ? [volume] : all.Volumes.AsImmutableArray().Add(volume)).ToEquatableArray()));
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        var volumes = Of(model);
        if (volumes.IsEmpty)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var volume in volumes)
        {
            CheckKind(model, volume, diagnostics);
            var name = volume.Name.Value;
            var nameError = KubernetesFormats.Dns1123Label(name) ?? (name == WellKnown.TmpVolume ? "it is the name of the /tmp volume every pod gets" : null);
            if (nameError is not null)
            {
                // A mount's volume is named after what it mounts unless VolumeName says otherwise: say where the name came from.
                var hint = volume.Source is VolumeSource.ConfigMap or VolumeSource.Secret && volume.Name.Equals(volume.Reference)
                    ? " (the volume takes the " + (volume.Source == VolumeSource.ConfigMap ? "ConfigMap" : "Secret") + "'s name; set VolumeName)"
                    : string.Empty;
                diagnostics.Add(DiagnosticInfo.Create(InvalidVolumeName, volume.Name.Location, name ?? string.Empty, nameError + hint));
            }
            else if (!names.Add(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, volume.Attribute, "Volume", name!));
            }

            if (MountPathError(volume.MountPath.Value) is { } pathError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidMountPath, volume.MountPath.Location, volume.MountPath.Value ?? string.Empty, pathError));
            }
            else if (!paths.Add(Normalize(volume.MountPath.Value!)))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidMountPath, volume.MountPath.Location, volume.MountPath.Value!, "another volume of this workload is mounted there"));
            }

            if (volume.Source is VolumeSource.ConfigMap or VolumeSource.Secret)
            {
                var kind = volume.Source == VolumeSource.ConfigMap ? "ConfigMap" : "Secret";
                if (KubernetesFormats.Dns1123Subdomain(volume.Reference.Value) is { } referenceError)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, volume.Reference.Location, kind, volume.Reference.Value ?? string.Empty, referenceError));
                }
            }

            if (volume.Size.Value is { } size)
            {
                var sizeProperty = volume.Source == VolumeSource.Scratch ? "SizeLimit" : "Size";
                if ((KubernetesFormats.Quantity(size) ?? (IsZero(size) ? "a volume's size must be more than 0" : null)) is { } sizeError)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidQuantity, volume.Size.Location, sizeProperty, size, sizeError));
                }
            }

            if (volume.StorageClass.Value is { } storageClass && KubernetesFormats.Dns1123Subdomain(storageClass) is { } classError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, volume.StorageClass.Location, "StorageClass", storageClass, classError));
            }

            if (volume.AccessMode.Value is < 0 or > 3)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidSetting, volume.AccessMode.Location, "AccessMode", Text(volume.AccessMode.Value), "AccessMode.ReadWriteOnce, ReadWriteMany, ReadOnlyMany or ReadWriteOncePod", "AccessMode.ReadWriteMany"));
            }
        }

        CheckSingleAttach(model, diagnostics);
    }

    private static void CheckKind(WorkloadModel model, VolumeModel volume, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (volume.Source == VolumeSource.Claim && model.Kind != WorkloadKind.StatefulSet)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, volume.Attribute, "[VolumeClaim]", "a " + model.Kind,
                "a claim template gives each pod of a StatefulSet a volume of its own. Use [PersistentVolume] for one volume the pods share, or make the class a [StatefulSet]"));
        }
        else if (volume.Source == VolumeSource.Persistent && model.Kind == WorkloadKind.StatefulSet)
        {
            diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, volume.Attribute, "[PersistentVolume]", "a StatefulSet",
                "its pods each keep their own volume, which [VolumeClaim] declares. Use [VolumeClaim(\"" + volume.Name.Value + "\", \"" + volume.MountPath.Value + "\")]"));
        }
    }

    /// <summary>A volume one node can attach, shared by pods that may run on several nodes, leaves all but one pod pending.</summary>
    private static void CheckSingleAttach(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (SingleAttach(model) is not { } volume || model.Kind.IsBatch())
        {
            return;
        }

        var pods = model.Kind == WorkloadKind.DaemonSet ? "one pod on every node"
            : model.Autoscale is not null ? "an autoscaled number of pods"
            : model.Replicas.Value > 1 ? Text(model.Replicas.Value) + " replicas"
            : null;
        var location = model.Autoscale?.Attribute ?? model.Replicas.Location;
        foreach (var environment in model.Environments)
        {
            if (pods is null && environment.Replicas.Value > 1)
            {
                pods = Text(environment.Replicas.Value!.Value) + " replicas in environment '" + environment.Name.Value + "'";
                location = environment.Replicas.Location;
            }
        }

        if (pods is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(SingleAttachVolumeShared, location, model.Name.Value, volume.Name.Value ?? string.Empty, AccessModes[volume.AccessMode.Value], pods));
        }

        if (model.Kind == WorkloadKind.Deployment)
        {
            foreach (var (property, setting) in new[] { ("MaxSurge", model.MaxSurge), ("MaxUnavailable", model.MaxUnavailable) })
            {
                if (setting.IsExplicit)
                {
                    diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, setting.Location, property, "a Deployment with a " + AccessModes[volume.AccessMode.Value] + " volume",
                        "its pod is replaced by stopping it first (strategy Recreate), because a second pod could not mount volume '" + volume.Name.Value + "'. Remove it"));
                }
            }
        }
    }

    /// <summary>The PersistentVolumeClaims of <c>[PersistentVolume]</c>, after the Services.</summary>
    private static void AddClaims(ManifestContext context)
    {
        foreach (var volume in Of(context.Model))
        {
            if (volume.Source == VolumeSource.Persistent)
            {
                ClaimSpec(context.NewObject(Contract.Kinds.PersistentVolumeClaim, ClaimName(context.Name, volume.Name.Value!)).Map("spec"), volume);
            }
        }
    }

    /// <summary>The main container's mounts and the pod's volumes (after /tmp's), and a StatefulSet's claim templates.</summary>
    private static void Mount(ManifestContext context)
    {
        var volumes = Of(context.Model);
        if (volumes.IsEmpty)
        {
            return;
        }

        var mounts = context.Container.Sequence("volumeMounts");
        var podVolumes = context.PodSpec.Sequence("volumes");
        YamlSequence? templates = null;
        foreach (var volume in volumes)
        {
            var name = volume.Name.Value!;
            var mount = mounts.AddMap().Add("name", name).Add("mountPath", volume.MountPath.Value!);
            switch (volume.Source)
            {
                case VolumeSource.Claim:
                    templates ??= context.Workload.Map("spec").Sequence("volumeClaimTemplates");
                    var template = templates.AddMap();
                    template.Map("metadata").Add("name", name);
                    ClaimSpec(template.Map("spec"), volume);
                    break;
                case VolumeSource.Persistent:
                    podVolumes.AddMap().Add("name", name).Map("persistentVolumeClaim").Add("claimName", ClaimName(context.Name, name));
                    break;
                case VolumeSource.Scratch:
                    var emptyDir = podVolumes.AddMap().Add("name", name).Map("emptyDir");
                    if (volume.InMemory.Value)
                    {
                        emptyDir.Add("medium", "Memory");
                    }

                    if (volume.Size.Value is { } limit)
                    {
                        emptyDir.Add("sizeLimit", limit);
                    }

                    break;
                case VolumeSource.ConfigMap:
                    mount.Add("readOnly", true);
                    var configMap = podVolumes.AddMap().Add("name", name).Map("configMap").Add("name", volume.Reference.Value!);
                    if (volume.Optional.Value)
                    {
                        configMap.Add("optional", true);
                    }

                    break;
                case VolumeSource.Secret:
                    mount.Add("readOnly", true);
                    var secret = podVolumes.AddMap().Add("name", name).Map("secret").Add("secretName", volume.Reference.Value!);
                    if (volume.Optional.Value)
                    {
                        secret.Add("optional", true);
                    }

                    break;
            }
        }
    }

    private static void ClaimSpec(YamlMap spec, VolumeModel volume)
    {
        spec.Sequence("accessModes").Add(AccessModes[volume.AccessMode.Value]);
        if (volume.StorageClass.Value is { } storageClass)
        {
            spec.Add("storageClassName", storageClass);
        }

        spec.Map("resources").Map("requests").Add("storage", volume.Size.Value!);
    }

    /// <summary>Null when the path can hold a volume; else why not.</summary>
    private static string? MountPathError(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "it is empty";
        }

        if (path![0] != '/')
        {
            return "it must be an absolute path";
        }

        if (path.IndexOf(':') >= 0)
        {
            return "it must not contain ':'";
        }

        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                return "it must not contain '..'";
            }
        }

        return Normalize(path) switch
        {
            "/" => "a volume there would hide the whole image",
            "/app" => "a volume there would hide the app itself (the .NET images put it in /app)",
            "/tmp" => "every pod already has a writable volume at /tmp",
            _ => null,
        };
    }

    private static string Normalize(string path) => path.Length > 1 ? path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/" : path;

    /// <summary>A quantity of zero ("0", "0Gi", "0.0").</summary>
    private static bool IsZero(string quantity)
    {
        foreach (var c in quantity)
        {
            if (char.IsLetter(c))
            {
                break;
            }

            if (c is not ('0' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
