using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// Where a container's image is written in a workload's YAML: the image's value, the span of its scalar and of
/// the same container's <c>imagePullPolicy</c> scalar (character offsets), found by structure, not by key order.
/// </summary>
public sealed record ImageSite(string Image, (int Start, int End) ImageSpan, (int Start, int End)? PolicySpan);

/// <summary>A document whose apiVersion/kind has no model; empty when the document has neither (or is empty).</summary>
public sealed class UnknownKindException(string apiVersionAndKind) : Exception($"no model for '{apiVersionAndKind}'")
{
    public string ApiVersionAndKind { get; } = apiVersionAndKind;
}

/// <summary>
/// Strict YAML → KubernetesClient models, for the kinds K8sGen writes: an unknown field, a wrong type or
/// a duplicate key fails, as with <c>KubernetesYaml.LoadAllFromString(strict: true)</c>, with two
/// differences that are the reason this class exists:
/// <list type="bullet">
/// <item>Set-up covers only the models reachable from those kinds. KubernetesYaml's reflects over every
/// model in KubernetesClient, three times, on first use: ≈ 0.45 s that every <c>dotnet publish</c> paid.</item>
/// <item>A plain parser, not YamlDotNet's MergingParser, which takes any <c>&lt;&lt;</c> scalar, even a
/// quoted value, for a merge key and rejects valid manifests. K8sGen never writes merge keys.</item>
/// </list>
/// </summary>
public static class StrictYaml
{
    /// <summary>Every apiVersion/kind K8sGen writes, with its model; custom resources use K8sGen's own.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>(ManifestValidator.CustomTypes)
    {
        [Contract.Kinds.Deployment.Key] = typeof(V1Deployment),
        [Contract.Kinds.Job.Key] = typeof(V1Job),
        [Contract.Kinds.CronJob.Key] = typeof(V1CronJob),
        [Contract.Kinds.StatefulSet.Key] = typeof(V1StatefulSet),
        [Contract.Kinds.DaemonSet.Key] = typeof(V1DaemonSet),
        [Contract.Kinds.PersistentVolumeClaim.Key] = typeof(V1PersistentVolumeClaim),
        [Contract.Kinds.ConfigMap.Key] = typeof(V1ConfigMap),
        [Contract.Kinds.ServiceAccount.Key] = typeof(V1ServiceAccount),
        [Contract.Kinds.Role.Key] = typeof(V1Role),
        [Contract.Kinds.RoleBinding.Key] = typeof(V1RoleBinding),
        [Contract.Kinds.ClusterRole.Key] = typeof(V1ClusterRole),
        [Contract.Kinds.ClusterRoleBinding.Key] = typeof(V1ClusterRoleBinding),
        [Contract.Kinds.Service.Key] = typeof(V1Service),
        [Contract.Kinds.Ingress.Key] = typeof(V1Ingress),
        [Contract.Kinds.NetworkPolicy.Key] = typeof(V1NetworkPolicy),
        [Contract.Kinds.HorizontalPodAutoscaler.Key] = typeof(V2HorizontalPodAutoscaler),
        [Contract.Kinds.PodDisruptionBudget.Key] = typeof(V1PodDisruptionBudget),
    };

    private static readonly Lazy<IDeserializer> Deserializer = new(Build);

    // YamlDotNet does not promise a deserializer is safe to share between threads; MSBuild may run tasks in parallel in one process.
    private static readonly object DeserializerLock = new();

    /// <summary>Every document of <paramref name="yaml"/>, as the model of its apiVersion/kind.</summary>
    /// <exception cref="YamlException">The YAML is malformed or does not fit the model.</exception>
    /// <exception cref="UnknownKindException">A document's apiVersion/kind is not one K8sGen writes.</exception>
    public static List<object> LoadAll(string yaml) => LoadAll(yaml, out _);

    /// <summary>The same, and where in the text each container's image is (see <see cref="ImageSite"/>).</summary>
    public static List<object> LoadAll(string yaml, out List<ImageSite> images) =>
        FastYaml.TryLoadAll(yaml, out var objects, out images) ? objects : LoadAllWithYamlDotNet(yaml, out images);

    /// <summary>
    /// The slow path: YamlDotNet, for any YAML. <see cref="LoadAll(string, out List{ImageSite})"/> takes it whenever
    /// <see cref="FastYaml"/> is not sure; public so that tests can hold the fast path to it.
    /// </summary>
    public static List<object> LoadAllWithYamlDotNet(string yaml, out List<ImageSite> images)
    {
        // Two passes, as KubernetesYaml does: the kind decides the model, and a YAML parser cannot rewind. The
        // first reads only events: each document's kind, and the positions of the image values.
        var types = new List<Type>();
        images = [];
        var scan = new Parser(new StringReader(yaml));
        scan.Consume<StreamStart>();
        while (scan.TryConsume<DocumentStart>(out _))
        {
            var (apiVersion, kind) = Scan(scan, images);
            scan.Consume<DocumentEnd>();
            var key = apiVersion is null && kind is null ? string.Empty : apiVersion + "/" + kind;
            types.Add(Kinds.TryGetValue(key, out var type) ? type : throw new UnknownKindException(key));
        }

        var deserializer = Deserializer.Value;
        lock (DeserializerLock)
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            var objects = new List<object>(types.Count);
            foreach (var type in types)
            {
                objects.Add(deserializer.Deserialize(parser, type)!);
            }

            return objects;
        }
    }

    /// <summary>One document's top-level apiVersion and kind; on the way, the image of every container.</summary>
    private static (string? ApiVersion, string? Kind) Scan(IParser parser, List<ImageSite> images)
    {
        // An empty document is a plain empty scalar: no mapping, so no apiVersion or kind.
        var top = ScanNode(parser, images, NodeRole.Other);
        return (top?.GetValueOrDefault("apiVersion")?.Value, top?.GetValueOrDefault("kind")?.Value);
    }

    /// <summary>What a node is to the scan: a list of containers, one container, or anything else.</summary>
    private enum NodeRole
    {
        Other,
        Containers,
        Container,
    }

    /// <summary>Reads one node; for a mapping, returns its scalar values by key (used for the top level and for containers).</summary>
    private static Dictionary<string, Scalar>? ScanNode(IParser parser, List<ImageSite> images, NodeRole role)
    {
        if (parser.TryConsume<Scalar>(out _) || parser.TryConsume<AnchorAlias>(out _))
        {
            return null;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                ScanNode(parser, images, role == NodeRole.Containers ? NodeRole.Container : NodeRole.Other);
            }

            return null;
        }

        parser.Consume<MappingStart>();
        var scalars = new Dictionary<string, Scalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Consume<Scalar>().Value;
            if (parser.Accept<Scalar>(out var value))
            {
                parser.MoveNext();
                scalars[key] = value;
            }
            else
            {
                // A pod spec's containers and initContainers (an annotation or label keyed "image" is not a container).
                ScanNode(parser, images, role == NodeRole.Other && key is "containers" or "initContainers" ? NodeRole.Containers : NodeRole.Other);
            }
        }

        if (role == NodeRole.Container && scalars.TryGetValue("image", out var image))
        {
            images.Add(new ImageSite(image.Value, Span(image), scalars.TryGetValue("imagePullPolicy", out var policy) ? Span(policy) : null));
        }

        return scalars;
    }

    private static (int Start, int End) Span(Scalar scalar) => ((int)scalar.Start.Index, (int)scalar.End.Index);

    private static IDeserializer Build()
    {
        var builder = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeConverter(new IntOrStringYamlConverter())
            .WithTypeConverter(new ResourceQuantityYamlConverter())
            .WithAttemptingUnquotedStringTypeDeserialization()
            .WithDuplicateKeyChecking();

        // The models name their fields with [JsonPropertyName] (e.g. NamespaceProperty is "namespace").
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(Kinds.Values);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json)
                {
                    builder.WithAttributeOverride(type, property.Name, new YamlMemberAttribute { Alias = json.Name, ApplyNamingConventions = false });
                }

                foreach (var model in ModelTypes(property.PropertyType))
                {
                    pending.Push(model);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>The model classes a property's type is or holds (lists, dictionaries).</summary>
    private static IEnumerable<Type> ModelTypes(Type type)
    {
        if (type.IsGenericType)
        {
            return type.GetGenericArguments().SelectMany(ModelTypes);
        }

        return type.IsClass && type != typeof(string) && (type.Namespace == typeof(V1Pod).Namespace || type.Assembly == typeof(StrictYaml).Assembly)
            ? [type]
            : [];
    }
}
