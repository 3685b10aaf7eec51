using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// The fast path of <see cref="StrictYaml"/>: reads exactly the YAML the generator's writer produces (block
/// mappings and sequences, <c>{}</c>/<c>[]</c>, plain scalars that are plain-safe names, integers or
/// <c>true</c>/<c>false</c>, one-line double-quoted scalars) and binds it to the same KubernetesClient models, with
/// the same rules: a key that names no settable property, a duplicate key or a value that does not fit the
/// property's type is not accepted. It never reports an error itself: on anything it does not read with
/// certainty (another YAML form, an unknown field, a type it does not bind) it answers "not sure" and the text
/// goes to YamlDotNet, which accepts or rejects it with its own message. So it accepts a subset of what the slow
/// path accepts, with the same objects: tests compare the two on every YAML the test suites produce.
/// </summary>
/// <remarks>YamlDotNet's deserializer costs ≈ 0.3 ms per resource (its parser alone 0.5 µs per event); this reads and binds in one pass.</remarks>
public static class FastYaml
{
    private static readonly IYamlTypeConverter IntOrStringConverter = new IntOrStringYamlConverter();
    private static readonly IYamlTypeConverter QuantityConverter = new ResourceQuantityYamlConverter();

    /// <summary>Every document as its model and where each container's image is; false when the slow path must decide.</summary>
    public static bool TryLoadAll(string yaml, out List<object> objects, out List<ImageSite> images)
    {
        objects = [];
        images = [];
        List<MapNode>? documents;
        try
        {
            documents = new Reader(yaml).Documents();
        }
        catch (NotSure)
        {
            return false;
        }

        if (documents is null)
        {
            return false;
        }

        foreach (var document in documents)
        {
            // The kind decides the model; one K8sGen does not write is the slow path's to report.
            var apiVersion = document.Scalar("apiVersion");
            var kind = document.Scalar("kind");
            if (apiVersion is null || kind is null || !StrictYaml.Kinds.TryGetValue(apiVersion + "/" + kind, out var type))
            {
                return false;
            }

            try
            {
                objects.Add(Bind(document, type));
            }
            catch (NotSure)
            {
                return false;
            }

            FindImages(document, images, Role.Other);
        }

        return true;
    }

    /// <summary>As the slow path's scan: the containers of <c>containers</c>/<c>initContainers</c> lists, each container's image and pull policy.</summary>
    private static void FindImages(Node node, List<ImageSite> images, Role role)
    {
        switch (node)
        {
            case SeqNode sequence:
                foreach (var item in sequence.Items)
                {
                    FindImages(item, images, role == Role.Containers ? Role.Container : Role.Other);
                }

                break;
            case MapNode map:
                foreach (var (key, value) in map.Entries)
                {
                    if (value is not ScalarNode)
                    {
                        FindImages(value, images, role == Role.Other && key.Value is "containers" or "initContainers" ? Role.Containers : Role.Other);
                    }
                }

                if (role == Role.Container && map.Find("image") is ScalarNode image)
                {
                    images.Add(new ImageSite(image.Value, (image.Start, image.End), map.Find("imagePullPolicy") is ScalarNode policy ? (policy.Start, policy.End) : null));
                }

                break;
        }
    }

    private enum Role
    {
        Other,
        Containers,
        Container,
    }

    private static object Bind(Node node, Type type) => BinderOf(type)(node);

    /// <summary>How a node becomes a value of the type, decided once per type (this runs for every value of every resource).</summary>
    private static Func<Node, object> BinderOf(Type type) => Binders.GetOrAdd(type, MakeBinder);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<Node, object>> Binders = new();

    private static Func<Node, object> MakeBinder(Type type)
    {
        if (type == typeof(string))
        {
            return node => node is ScalarNode { IsText: true } text ? text.Value : throw new NotSure();
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(int))
        {
            return node => node is ScalarNode { IsInteger: true } number && int.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new NotSure();
        }

        if (underlying == typeof(long))
        {
            return node => node is ScalarNode { IsInteger: true } number && long.TryParse(number.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new NotSure();
        }

        if (underlying == typeof(bool))
        {
            return node => node is ScalarNode { IsBoolean: true } flag ? flag.Value == "true" : throw new NotSure();
        }

        if (type == typeof(IntOrString) || type == typeof(ResourceQuantity))
        {
            // The converters the slow path uses, on the same scalar: the same value, or the same refusal.
            var converter = type == typeof(IntOrString) ? IntOrStringConverter : QuantityConverter;
            return node =>
            {
                if (node is not ScalarNode scalar)
                {
                    throw new NotSure();
                }

                try
                {
                    var read = converter.ReadYaml(new OneScalar(scalar), type, null!) ?? throw new NotSure();

                    // IntOrString's converter gives a string; YamlDotNet then assigns it through the model's implicit conversion.
                    return type.IsInstanceOfType(read) ? read : Implicit(read, type);
                }
                catch (Exception exception) when (exception is not NotSure)
                {
                    throw new NotSure();
                }
            };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic && (generic == typeof(IList<>) || generic == typeof(List<>)))
        {
            var item = BinderOf(type.GetGenericArguments()[0]);
            var listType = typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]);
            return node =>
            {
                var sequence = node as SeqNode ?? throw new NotSure();
                var list = (System.Collections.IList)Activator.CreateInstance(listType)!;
                foreach (var element in sequence.Items)
                {
                    list.Add(item(element));
                }

                return list;
            };
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            && type.GetGenericArguments()[0] == typeof(string))
        {
            var value = BinderOf(type.GetGenericArguments()[1]);
            var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), type.GetGenericArguments()[1]);
            return node =>
            {
                var map = node as MapNode ?? throw new NotSure();
                var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(dictionaryType)!;
                foreach (var (key, entry) in map.Entries)
                {
                    if (!key.IsText || dictionary.Contains(key.Value))
                    {
                        throw new NotSure();
                    }

                    dictionary.Add(key.Value, value(entry));
                }

                return dictionary;
            };
        }

        if (SchemaOf(type) is not { } schema)
        {
            return _ => throw new NotSure();
        }

        return node =>
        {
            var map = node as MapNode ?? throw new NotSure();
            var instance = schema.Create();
            var entries = map.Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                var (key, entry) = entries[i];
                if (!key.IsText || !schema.Properties.TryGetValue(key.Value, out var property))
                {
                    throw new NotSure();
                }

                // A duplicate key (mappings here have a few keys: comparing is cheaper than a set).
                for (var j = 0; j < i; j++)
                {
                    if (entries[j].Key.Value == key.Value)
                    {
                        throw new NotSure();
                    }
                }

                property.Set(instance, property.Bind(entry));
            }

            return instance;
        };
    }

    /// <summary>The target type's implicit conversion from the value's type, as YamlDotNet applies it.</summary>
    private static object Implicit(object value, Type type)
    {
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (method.Name == "op_Implicit" && method.ReturnType == type && method.GetParameters() is [var parameter] && parameter.ParameterType == value.GetType())
            {
                return method.Invoke(null, [value])!;
            }
        }

        throw new NotSure();
    }

    /// <summary>
    /// The settable properties of a model by the name YAML uses for them, as the slow path's deserializer sees
    /// them: <c>[JsonPropertyName]</c>, else camelCase; null for a type that is not a model with a default constructor.
    /// </summary>
    private static Schema? SchemaOf(Type type)
    {
        if (!type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is not { } constructor
            || !(type.Namespace == typeof(V1Pod).Namespace || type.Assembly == typeof(FastYaml).Assembly))
        {
            return null;
        }

        var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && YamlName(property) is { } name)
            {

                // The binder of the property's type is made on first use: models refer to each other in cycles.
                var propertyType = property.PropertyType;
                Func<Node, object>? bind = null;
                if (!properties.TryAdd(name, new Property(Setter(property), node => (bind ??= BinderOf(propertyType))(node))))
                {
                    return null;
                }
            }
        }

        return new Schema((Func<object>)typeof(FastYaml).GetMethod(nameof(New), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).CreateDelegate(typeof(Func<object>)), properties);
    }

    /// <summary>
    /// <c>[JsonPropertyName]</c>'s name, else camelCase; null for <c>[YamlIgnore]</c>. Read from the attributes' data,
    /// without creating them (in the build's fresh process every first use of reflection counts).
    /// </summary>
    private static string? YamlName(PropertyInfo property)
    {
        string? json = null;
        foreach (var attribute in property.CustomAttributes)
        {
            if (attribute.AttributeType == typeof(YamlIgnoreAttribute))
            {
                return null;
            }

            if (attribute.AttributeType == typeof(JsonPropertyNameAttribute) && attribute.ConstructorArguments is [{ Value: string name }])
            {
                json = name;
            }
        }

        return json ?? CamelCaseNamingConvention.Instance.Apply(property.Name);
    }

    private sealed record Property(Action<object, object> Set, Func<Node, object> Bind);

    /// <summary>
    /// A property's setter as a delegate. Not <c>PropertyInfo.SetValue</c>: reflection emits and compiles a stub per
    /// property on its second call, which in a build's short-lived MSBuild process costs more than the parsing. Generic
    /// code over reference types is compiled once for all of them.
    /// </summary>
    private static Action<object, object> Setter(PropertyInfo property) =>
        (Action<object, object>)typeof(FastYaml).GetMethod(nameof(MakeSetter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(property.DeclaringType!, property.PropertyType)
            .Invoke(null, [property.SetMethod!])!;

    private static Action<object, object> MakeSetter<TModel, TValue>(MethodInfo setter)
    {
        var set = (Action<TModel, TValue>)setter.CreateDelegate(typeof(Action<TModel, TValue>));
        return (model, value) => set((TModel)model, (TValue)value);
    }

    private static object New<T>()
        where T : new() => new T();

    private sealed record Schema(Func<object> Create, Dictionary<string, Property> Properties);

    /// <summary>Outside what this path reads with certainty: the slow path decides.</summary>
    private sealed class NotSure : Exception
    {
    }

    private abstract class Node
    {
    }

    /// <summary>A scalar: its value, its form, and its span in the text (the quotes included), as YamlDotNet's marks give it.</summary>
    private sealed class ScalarNode(string value, bool quoted, int start, int end) : Node
    {
        public string Value { get; } = value;

        public int Start { get; } = start;

        public int End { get; } = end;

        /// <summary>A string to every reader: quoted, or a plain-safe name (never a number, boolean or null).</summary>
        public bool IsText { get; } = quoted || YamlScalars.IsPlainSafe(value);

        /// <summary>A plain decimal integer without leading zeros (what the writer writes for numbers).</summary>
        public bool IsInteger { get; } = !quoted && IsDecimal(value);

        public bool IsBoolean => !quoted && Value is "true" or "false";

        private static bool IsDecimal(string text)
        {
            var digits = text.Length > 0 && text[0] == '-' ? 1 : 0;
            if (text.Length == digits || text.Length - digits > 19 || (text[digits] == '0' && text.Length - digits > 1))
            {
                return false;
            }

            for (var i = digits; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class MapNode : Node
    {
        public List<(ScalarNode Key, Node Value)> Entries { get; } = [];

        public Node? Find(string key)
        {
            foreach (var (k, value) in Entries)
            {
                if (k.Value == key)
                {
                    return value;
                }
            }

            return null;
        }

        public string? Scalar(string key) => Find(key) is ScalarNode { IsText: true } scalar ? scalar.Value : null;
    }

    private sealed class SeqNode : Node
    {
        public List<Node> Items { get; } = [];
    }

    /// <summary>A parser that holds one scalar, for the converters (they read <c>Current</c> and move on).</summary>
    private sealed class OneScalar(ScalarNode scalar) : IParser
    {
        private bool _moved;

        public ParsingEvent? Current => _moved ? null : new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value, ScalarStyle.Any, true, false);

        public bool MoveNext()
        {
            _moved = true;
            return false;
        }
    }

    /// <summary>The writer's grammar, line by line: <c>key: value</c>, <c>key:</c> then a block, <c>- item</c>, <c>---</c> between documents.</summary>
    private sealed class Reader(string text)
    {
        private int _position;

        public List<MapNode>? Documents()
        {
            var documents = new List<MapNode>();
            while (true)
            {
                documents.Add(Map(0, inline: false));
                if (_position == text.Length)
                {
                    return documents;
                }

                if (string.CompareOrdinal(text, _position, "---\n", 0, 4) != 0)
                {
                    return null;
                }

                _position += 4;
            }
        }

        /// <summary>Entries at <paramref name="indent"/>; the first may start where the cursor is (<c>- key: value</c>).</summary>
        private MapNode Map(int indent, bool inline)
        {
            var map = new MapNode();
            while (true)
            {
                if (!(inline && map.Entries.Count == 0))
                {
                    // Another indent ends the mapping (the caller checks it continues correctly); '-' starts a sequence or "---".
                    if (Indent() != indent || _position + indent >= text.Length || text[_position + indent] == '-')
                    {
                        break;
                    }

                    _position += indent;
                }

                var key = Scalar(isKey: true);
                Expect(':');
                map.Entries.Add((key, Value(indent)));
            }

            return map.Entries.Count == 0 ? throw new NotSure() : map;
        }

        /// <summary>After <c>key:</c> (cursor on the character after the colon) or <c>-</c>.</summary>
        private Node Value(int indent)
        {
            if (At('\n'))
            {
                _position++;

                // A sequence under a key is written at the key's indent; a mapping two deeper.
                if (Indent() == indent && string.CompareOrdinal(text, _position + indent, "-", 0, 1) == 0)
                {
                    return Sequence(indent);
                }

                return Indent() == indent + 2 ? Map(indent + 2, inline: false) : throw new NotSure();
            }

            Expect(' ');
            if (Take("{}\n"))
            {
                return new MapNode();
            }

            if (Take("[]\n"))
            {
                return new SeqNode();
            }

            var scalar = Scalar(isKey: false);
            Expect('\n');
            return scalar;
        }

        private SeqNode Sequence(int indent)
        {
            var sequence = new SeqNode();
            // A top-level sequence (a Role's rules) ends at the next document's "---", which is no item.
            while (Indent() == indent && _position + indent < text.Length && text[_position + indent] == '-'
                && !(indent == 0 && string.CompareOrdinal(text, _position, "---", 0, 3) == 0))
            {
                _position += indent + 1;
                if (At('\n'))
                {
                    // "-" then a block two deeper (a sequence in a sequence).
                    sequence.Items.Add(Value(indent + 2));
                    continue;
                }

                Expect(' ');
                if (Take("{}\n"))
                {
                    sequence.Items.Add(new MapNode());
                }
                else if (Take("[]\n"))
                {
                    sequence.Items.Add(new SeqNode());
                }
                else if (KeyFollows())
                {
                    sequence.Items.Add(Map(indent + 2, inline: true));
                }
                else
                {
                    sequence.Items.Add(Scalar(isKey: false));
                    Expect('\n');
                }
            }

            return sequence.Items.Count == 0 ? throw new NotSure() : sequence;
        }

        /// <summary>The rest of the line holds a key (a scalar then ':').</summary>
        private bool KeyFollows()
        {
            var saved = _position;
            try
            {
                Scalar(isKey: true);
                return At(':');
            }
            catch (NotSure)
            {
                return false;
            }
            finally
            {
                _position = saved;
            }
        }

        private ScalarNode Scalar(bool isKey)
        {
            var start = _position;
            if (At('"'))
            {
                // Without escapes (most values) the value is the text between the quotes.
                var close = text.IndexOf('"', start + 1);
                var newline = text.IndexOf('\n', start + 1);
                if (close > 0 && (newline < 0 || close < newline) && text.IndexOf('\\', start + 1, close - start - 1) < 0)
                {
                    _position = close + 1;
                    return new ScalarNode(text.Substring(start + 1, close - start - 1), quoted: true, start, _position);
                }

                var value = new StringBuilder();
                _position++;
                while (true)
                {
                    if (_position >= text.Length || text[_position] == '\n')
                    {
                        throw new NotSure();
                    }

                    var c = text[_position++];
                    if (c == '"')
                    {
                        return new ScalarNode(value.ToString(), quoted: true, start, _position);
                    }

                    if (c != '\\')
                    {
                        value.Append(c);
                        continue;
                    }

                    value.Append(Escape());
                }
            }

            // Plain: only what the writer writes plain (names, integers, true/false), up to ':' for a key or the line's end.
            while (_position < text.Length && text[_position] is not ('\n' or ':'))
            {
                _position++;
            }

            var plain = text.Substring(start, _position - start);
            var node = new ScalarNode(plain, quoted: false, start, _position);
            return (isKey ? node.IsText : node.IsText || node.IsInteger || node.IsBoolean) ? node : throw new NotSure();
        }

        /// <summary>The escapes the writer uses (YamlScalars); any other is the slow path's.</summary>
        private string Escape()
        {
            if (_position >= text.Length)
            {
                throw new NotSure();
            }

            var c = text[_position++];
            switch (c)
            {
                case '"': return "\"";
                case '\\': return "\\";
                case '0': return "\0";
                case 'a': return "\a";
                case 'b': return "\b";
                case 't': return "\t";
                case 'n': return "\n";
                case 'v': return "\v";
                case 'f': return "\f";
                case 'r': return "\r";
                case 'e': return "\u001b";
                case 'N': return "\u0085";
                case '_': return "\u00a0";
                case 'L': return "\u2028";
                case 'P': return "\u2029";
                case 'u' when _position + 4 <= text.Length && int.TryParse(text.AsSpan(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    && !char.IsSurrogate((char)code):
                    _position += 4;
                    return ((char)code).ToString();
                default:
                    throw new NotSure();
            }
        }

        /// <summary>The number of spaces at the cursor (which is at a line's start).</summary>
        private int Indent()
        {
            var i = _position;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            return i - _position;
        }

        private bool At(char c) => _position < text.Length && text[_position] == c;

        private bool Take(string token)
        {
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private void Expect(char c)
        {
            if (!At(c))
            {
                throw new NotSure();
            }

            _position++;
        }
    }
}
