using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>
/// A <c>[ConfigMap]</c>. The generator's completion step (<see cref="ConfigMapsFeature.Complete"/>) fills in
/// <c>Content</c>, the file's text (null when the file is not there), and <c>ObjectName</c>, the hashed name.
/// </summary>
internal sealed record ConfigMapModel(LocationInfo Attribute, Setting<string?> Name, Setting<string?> FromFile, Setting<string?> MountPath, string? Content = null, string? ObjectName = null);

/// <summary>A <c>[ConfigMapEntry]</c>.</summary>
internal sealed record ConfigMapEntryModel(LocationInfo Attribute, Setting<string?> ConfigMap, Setting<string?> Key, Setting<string?> Value);

/// <summary>The workload's ConfigMaps and their entries, in declaration order.</summary>
internal sealed record ConfigMapsModel(EquatableArray<ConfigMapModel> Maps, EquatableArray<ConfigMapEntryModel> Entries) : FeatureModel;

/// <summary>A file of the project as the compiler got it (an AdditionalFiles item): its path, '/'-separated, and text.</summary>
internal sealed record ProjectFile(string Path, string? Text);

/// <summary>
/// <c>[ConfigMap]</c> and <c>[ConfigMapEntry]</c>: ConfigMaps the workload owns, named after their content as kustomize's
/// generators do (<c>name-&lt;10 hex digits of its SHA-256&gt;</c>), so a change rolls the pods and a rollback restores
/// the old content. The hash also covers the owning workload's name: two workloads that declare the same ConfigMap
/// each own a copy under its own name (one object written by two would be a duplicate to kustomize and KSG2006). A file (<c>FromFile</c>, from the compiler's AdditionalFiles, read by the generator's pipeline)
/// is mounted read-only as that one file where ASP.NET Core reads it; entries reach the main container through
/// <c>envFrom</c>. The read-only root file system stays: a ConfigMap is a read-only volume.
/// </summary>
internal sealed class ConfigMapsFeature : Feature
{
    /// <summary>The .NET images' WORKDIR: ASP.NET Core's content root, where it reads appsettings*.json.</summary>
    public const string ContentRoot = "/app/";

    /// <summary>core.MaxSecretSize, the limit of a ConfigMap's data too.</summary>
    private const int MaxBytes = 1024 * 1024;

    public override string Name => "ConfigMaps";

    public override IReadOnlyList<string> Attributes { get; } = ["ConfigMapAttribute", "ConfigMapEntryAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddConfigMaps", Stage.Objects, AddConfigMaps, "AddService"),
        new("AddConfigMapEnvironment", Stage.Pod, AddEnvFrom, "AddEnvironment"),
        new("MountConfigMaps", Stage.Defaults, Mount, "MountVolumes"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.ConfigMap];

    public static ConfigMapsModel? Of(WorkloadModel model) => model.Extension<ConfigMapsModel>();

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        if (data.AttributeClass!.Name == "ConfigMapAttribute")
        {
            var map = new ConfigMapModel(reader.Location, reader.Positional<string>(0, "name"), reader.Named<string?>("FromFile", null), reader.Named<string?>("MountPath", null));
            parts.UpdateExtension<ConfigMapsModel>(all => all is null
                ? new(new[] { map }.ToEquatableArray(), EquatableArray<ConfigMapEntryModel>.Empty)
                : all with { Maps = all.Maps.AsImmutableArray().Add(map).ToEquatableArray() });
            return;
        }

        var entry = new ConfigMapEntryModel(reader.Location, reader.Positional<string>(0, "configMap"), reader.Positional<string>(1, "key"), reader.Positional<string>(2, "value"));
        parts.UpdateExtension<ConfigMapsModel>(all => all is null
            ? new(EquatableArray<ConfigMapModel>.Empty, new[] { entry }.ToEquatableArray())
            : all with { Entries = all.Entries.AsImmutableArray().Add(entry).ToEquatableArray() });
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (Of(model) is not { } all)
        {
            return;
        }

        var names = new Dictionary<string, ConfigMapModel>(StringComparer.Ordinal);
        foreach (var map in all.Maps)
        {
            var name = map.Name.Value;
            if ((KubernetesFormats.Dns1123Label(name) ?? (name!.Length > 52 ? "it has " + Text(name.Length) + " characters; with the hash K8sGen appends at most 52 are allowed" : null)) is { } nameError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidResourceName, map.Name.Location, "ConfigMap", name ?? string.Empty, nameError));
            }
            else if (names.ContainsKey(name!))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, map.Attribute, "ConfigMap", name!));
            }
            else
            {
                names[name!] = map;
            }

            if (map.FromFile.Value is { } file)
            {
                var key = FileKey(file);
                if (string.IsNullOrWhiteSpace(file) || KubernetesFormats.ConfigMapKey(key) is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidConfigFile, map.FromFile.Location, file, "its file name must be a ConfigMap key: letters, digits, '-', '_' and '.'"));
                }

                if (map.MountPath.Value is { } path && (path.Length < 2 || path[0] != '/' || path.EndsWith("/", StringComparison.Ordinal) || path.IndexOf(':') >= 0 || Array.IndexOf(path.Split('/'), "..") >= 0))
                {
                    diagnostics.Add(DiagnosticInfo.Create(InvalidMountPath, map.MountPath.Location, path, "it must be the absolute path of the file, e.g. '/app/appsettings.Production.json'"));
                }
            }
            else if (map.MountPath.IsExplicit)
            {
                diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, map.MountPath.Location, "MountPath", "a ConfigMap without FromFile", "its entries reach the container as environment variables. Remove it, or set FromFile"));
            }
        }

        // A file's volume and mount share the pod with [Volume] & co. and /tmp: names and paths must not collide.
        var volumeNames = new HashSet<string>(StringComparer.Ordinal) { WellKnown.TmpVolume };
        var mountPaths = new HashSet<string>(StringComparer.Ordinal) { "/tmp" };
        foreach (var volume in VolumesFeature.Of(model))
        {
            volumeNames.Add(volume.Name.Value ?? string.Empty);
            mountPaths.Add((volume.MountPath.Value ?? string.Empty).TrimEnd('/'));
        }

        foreach (var map in all.Maps)
        {
            if (map.FromFile.Value is not { } file || map.Name.Value is not { } name)
            {
                continue;
            }

            if (!volumeNames.Add(name))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidVolumeName, map.Name.Location, name, "another volume of this workload (or the /tmp volume every pod gets) has that name, and a ConfigMap from a file is mounted as a volume named after it"));
            }

            var path = map.MountPath.Value ?? ContentRoot + FileKey(file);
            if (!mountPaths.Add(path.TrimEnd('/')))
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidMountPath, map.MountPath.IsExplicit ? map.MountPath.Location : map.FromFile.Location, path, "another volume of this workload is mounted there"));
            }
        }

        var keys = new HashSet<(string, string)>();
        foreach (var entry in all.Entries)
        {
            var mapName = entry.ConfigMap.Value ?? string.Empty;
            if (!names.TryGetValue(mapName, out var map))
            {
                diagnostics.Add(DiagnosticInfo.Create(UnknownConfigMap, entry.ConfigMap.Location, mapName, model.ClassName));
            }
            else if (map.FromFile.Value is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(SettingDoesNotApply, entry.Attribute, "[ConfigMapEntry]", "ConfigMap '" + mapName + "', which is made from a file", "its one key is the file. Declare another [ConfigMap] for the values"));
            }

            if ((KubernetesFormats.EnvVarName(entry.Key.Value) ?? KubernetesFormats.ConfigMapKey(entry.Key.Value)) is { } keyError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidEnvName, entry.Key.Location, entry.Key.Value ?? string.Empty, keyError));
            }
            else if (!keys.Add((mapName, entry.Key.Value!)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DuplicateKey, entry.Attribute, "ConfigMap key", entry.Key.Value!));
            }
        }
    }

    /// <summary>
    /// KSG1199 where the analyzer has the project's files: a <c>FromFile</c> that is not among them, or too large. The
    /// generator emits nothing for such a workload (<see cref="IsComplete"/>).
    /// </summary>
    public static void CheckFiles(WorkloadModel model, IReadOnlyList<ProjectFile> files, string? projectDirectory, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (Of(model) is not { } all)
        {
            return;
        }

        foreach (var map in all.Maps)
        {
            if (map.FromFile.Value is not { } file)
            {
                continue;
            }

            var found = Find(files, file, projectDirectory);
            if (found?.Text is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidConfigFile, map.FromFile.Location, file, "it is not one of the project's AdditionalFiles (K8sGen adds appsettings*.json; add others with <AdditionalFiles Include=\"" + file + "\" />)"));
            }
            else if (Encoding.UTF8.GetByteCount(found.Text) > MaxBytes)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidConfigFile, map.FromFile.Location, file, "it has more than 1 MiB, the most a ConfigMap holds"));
            }
        }
    }

    /// <summary>
    /// The model with each <c>FromFile</c>'s text put in and every ConfigMap's hashed name (the generator's step after
    /// the files are known); the same instance when it has no ConfigMap.
    /// </summary>
    public static WorkloadModel Complete(WorkloadModel model, EquatableArray<ProjectFile> files, string? projectDirectory)
    {
        if (Of(model) is not { } all || all.Maps.IsEmpty)
        {
            return model;
        }

        var maps = ImmutableArray.CreateBuilder<ConfigMapModel>();
        foreach (var map in all.Maps)
        {
            // Line endings as git checks them out differ by machine: the content (and its hash) must not.
            var complete = map.FromFile.Value is { } file ? map with { Content = Find(files.AsImmutableArray(), file, projectDirectory)?.Text?.Replace("\r\n", "\n") } : map;
            maps.Add(complete with { ObjectName = HashedName(complete, all, model.Name.Value) });
        }

        var extensions = ImmutableArray.CreateBuilder<FeatureModel>();
        foreach (var extension in model.Extensions)
        {
            extensions.Add(extension is ConfigMapsModel ? all with { Maps = maps.ToImmutable().ToEquatableArray() } : extension);
        }

        return model with { Extensions = extensions.ToImmutable().ToEquatableArray() };
    }

    /// <summary>False when a file the workload needs was not found (the analyzer reports KSG1199; nothing is generated), or <see cref="Complete"/> has not run.</summary>
    public static bool IsComplete(WorkloadModel model)
    {
        foreach (var map in Of(model)?.Maps ?? EquatableArray<ConfigMapModel>.Empty)
        {
            if (map.ObjectName is null || map.FromFile.Value is not null && (map.Content is null || Encoding.UTF8.GetByteCount(map.Content) > MaxBytes))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The variables the entries set (for the checks of the configuration the app reads).</summary>
    public override IEnumerable<string> EnvironmentVariables(WorkloadModel model, GeneratorOptions options)
    {
        foreach (var entry in Of(model)?.Entries ?? EquatableArray<ConfigMapEntryModel>.Empty)
        {
            if (entry.Key.Value is { } key)
            {
                yield return key;
            }
        }
    }

    private static ProjectFile? Find(IReadOnlyList<ProjectFile> files, string file, string? projectDirectory)
    {
        var relative = file.Replace('\\', '/');
        relative = relative.StartsWith("./", StringComparison.Ordinal) ? relative.Substring(2) : relative;
        var full = projectDirectory is null ? null : Resolve(projectDirectory.Replace('\\', '/').TrimEnd('/') + "/" + relative);
        foreach (var candidate in files)
        {
            if (full is not null ? candidate.Path == full : candidate.Path.EndsWith("/" + relative, StringComparison.Ordinal) || candidate.Path == relative)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path with its "." and ".." segments resolved (as the compiler's AdditionalFiles paths are).</summary>
    private static string Resolve(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == ".." && parts.Count > 1)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }

    /// <summary>The ConfigMap's key for a file: its name.</summary>
    private static string FileKey(string file) => file.Replace('\\', '/').Substring(file.Replace('\\', '/').LastIndexOf('/') + 1);

    /// <summary>The name with the hash of its owner and content, as the pods refer to it.</summary>
    private static string HashedName(ConfigMapModel map, ConfigMapsModel all, string owner)
    {
        // Length-prefixed, so no two different contents give one text to hash.
        var content = new StringBuilder().Append(owner.Length).Append(':').Append(owner);
        foreach (var (key, value) in Data(map, all))
        {
            content.Append(key.Length).Append(':').Append(key).Append(value.Length).Append(':').Append(value);
        }

        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(content.ToString()));
        var hex = new StringBuilder(map.Name.Value).Append('-');
        for (var i = 0; i < 5; i++)
        {
            hex.Append(hash[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Data(ConfigMapModel map, ConfigMapsModel all)
    {
        if (map.FromFile.Value is { } file)
        {
            yield return (FileKey(file), map.Content ?? string.Empty);
            yield break;
        }

        foreach (var entry in all.Entries)
        {
            if (entry.ConfigMap.Value == map.Name.Value)
            {
                yield return (entry.Key.Value!, entry.Value.Value ?? string.Empty);
            }
        }
    }

    private static void AddConfigMaps(ManifestContext context)
    {
        if (Of(context.Model) is not { } all)
        {
            return;
        }

        foreach (var map in all.Maps)
        {
            var data = context.NewObject(Contract.Kinds.ConfigMap, map.ObjectName!).Add("immutable", true).Map("data");
            foreach (var (key, value) in Data(map, all))
            {
                data.Add(key, value);
            }
        }
    }

    private static void AddEnvFrom(ManifestContext context)
    {
        if (Of(context.Model) is not { } all)
        {
            return;
        }

        YamlSequence? envFrom = null;
        foreach (var map in all.Maps)
        {
            if (map.FromFile.Value is null)
            {
                (envFrom ??= context.Container.Sequence("envFrom")).AddMap().Map("configMapRef").Add("name", map.ObjectName!);
            }
        }
    }

    private static void Mount(ManifestContext context)
    {
        if (Of(context.Model) is not { } all)
        {
            return;
        }

        foreach (var map in all.Maps)
        {
            if (map.FromFile.Value is not { } file)
            {
                continue;
            }

            var key = FileKey(file);
            // subPath: the one file appears among the image's own, which stay; the hashed name makes up for
            // subPath mounts not being updated in place (a new content is a new ConfigMap and a rollout).
            context.Container.Sequence("volumeMounts").AddMap()
                .Add("name", map.Name.Value!)
                .Add("mountPath", map.MountPath.Value ?? ContentRoot + key)
                .Add("subPath", key)
                .Add("readOnly", true);
            context.PodSpec.Sequence("volumes").AddMap().Add("name", map.Name.Value!).Map("configMap").Add("name", map.ObjectName!);
        }
    }
}
