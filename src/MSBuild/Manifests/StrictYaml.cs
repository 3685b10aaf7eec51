using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace K8sGen.MSBuild.Manifests;

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
    public static List<object> LoadAll(string yaml)
    {
        // Two passes, as KubernetesYaml does: the kind decides the model, and a YAML parser cannot rewind.
        var deserializer = Deserializer.Value;
        lock (DeserializerLock)
        {
            var types = new List<Type>();
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                var document = deserializer.Deserialize<Dictionary<object, object>?>(parser);
                var apiVersion = document?.GetValueOrDefault("apiVersion");
                var kind = document?.GetValueOrDefault("kind");
                var key = apiVersion is null && kind is null ? string.Empty : apiVersion + "/" + kind;
                types.Add(Kinds.TryGetValue(key, out var type) ? type : throw new UnknownKindException(key));
            }

            parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            var objects = new List<object>(types.Count);
            foreach (var type in types)
            {
                objects.Add(deserializer.Deserialize(parser, type)!);
            }

            return objects;
        }
    }

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
