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
/// <remarks>
/// YamlDotNet's deserializer costs ≈ 0.3 ms per resource (its parser alone 0.5 µs per event); this reads and binds in one
/// pass, without a tree of nodes in between: each binder reads the value its type expects where the reader stands, and
/// keys are looked up as spans of the text.
/// </remarks>
public static class FastYaml
{
    private static readonly IYamlTypeConverter IntOrStringConverter = new IntOrStringYamlConverter();
    private static readonly IYamlTypeConverter QuantityConverter = new ResourceQuantityYamlConverter();

    /// <summary>Every document as its model and where each container's image is; false when the slow path must decide.</summary>
    public static bool TryLoadAll(string yaml, out List<object> objects, out List<ImageSite> images)
    {
        objects = [];
        images = [];
        var reader = new Reader(yaml, images, Scratch.OfThisThread());
        try
        {
            while (true)
            {
                // The kind decides the model; one K8sGen does not write is the slow path's to report.
                if (reader.PeekKind() is not { } key || !StrictYaml.Kinds.TryGetValue(key, out var type))
                {
                    return false;
                }

                objects.Add(BinderOf(type).ReadMap(reader, 0, inline: false, Role.Other));
                if (reader.AtEnd)
                {
                    return true;
                }

                if (!reader.Take("---\n"))
                {
                    return false;
                }
            }
        }
        catch (NotSure)
        {
            return false;
        }
    }

    /// <summary>
    /// Where a value sits, as the slow path's image scan sees it: the lists under <c>containers</c>/<c>initContainers</c>, their
    /// items, and everything else.
    /// </summary>
    private enum Role
    {
        Other,
        Containers,
        Container,
    }

    private static Role EntryRole(Role map, ReadOnlySpan<char> key) =>
        map == Role.Other && (key.SequenceEqual("containers") || key.SequenceEqual("initContainers")) ? Role.Containers : Role.Other;

    private static Role ItemRole(Role sequence) => sequence == Role.Containers ? Role.Container : Role.Other;

    /// <summary>A string to every reader: quoted, or a plain-safe name (never a number, boolean or null).</summary>
    private static bool IsText(in Token token, string value) => token.Quoted || YamlScalars.IsPlainSafe(value);

    /// <summary>How a type's values are read, decided once per type (this runs for every value of every resource).</summary>
    private static Binder BinderOf(Type type) => Binders.GetOrAdd(type, MakeBinder);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Binder> Binders = new();

    private static Binder MakeBinder(Type type)
    {
        if (type == typeof(string))
        {
            return new StringBinder();
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(int))
        {
            return new IntBinder();
        }

        if (underlying == typeof(long))
        {
            return new LongBinder();
        }

        if (underlying == typeof(bool))
        {
            return new BoolBinder();
        }

        if (type == typeof(IntOrString) || type == typeof(ResourceQuantity))
        {
            return new ConverterBinder(type, type == typeof(IntOrString) ? IntOrStringConverter : QuantityConverter);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var generic && (generic == typeof(IList<>) || generic == typeof(List<>)))
        {
            return (Binder)Activator.CreateInstance(typeof(ListBinder<>).MakeGenericType(type.GetGenericArguments()[0]))!;
        }

        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(IDictionary<,>) || type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            && type.GetGenericArguments()[0] == typeof(string))
        {
            return (Binder)Activator.CreateInstance(typeof(DictionaryBinder<>).MakeGenericType(type.GetGenericArguments()[1]))!;
        }

        return ModelBinder.For(type) ?? new Binder();
    }

    /// <summary>Reads one type's values; every form it does not override is "not sure".</summary>
    private class Binder
    {
        /// <summary>A scalar value (the reader has checked its form: a quoted string, or plain).</summary>
        public virtual object Scalar(Reader reader, in Token token) => throw new NotSure();

        /// <summary>A block mapping at <paramref name="indent"/> (its first key where the cursor is when <paramref name="inline"/>).</summary>
        public virtual object ReadMap(Reader reader, int indent, bool inline, Role role) => throw new NotSure();

        /// <summary>A block sequence whose items start with '-' at <paramref name="indent"/>.</summary>
        public virtual object ReadSequence(Reader reader, int indent, Role role) => throw new NotSure();

        public virtual object EmptyMap() => throw new NotSure();

        public virtual object EmptySequence() => throw new NotSure();
    }

    private sealed class StringBinder : Binder
    {
        public override object Scalar(Reader reader, in Token token)
        {
            var value = reader.Value(token);
            return IsText(token, value) ? value : throw new NotSure();
        }
    }

    private sealed class IntBinder : Binder
    {
        public override object Scalar(Reader reader, in Token token) =>
            reader.IsInteger(token) && int.TryParse(reader.Span(token), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new NotSure();
    }

    private sealed class LongBinder : Binder
    {
        public override object Scalar(Reader reader, in Token token) =>
            reader.IsInteger(token) && long.TryParse(reader.Span(token), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw new NotSure();
    }

    private sealed class BoolBinder : Binder
    {
        public override object Scalar(Reader reader, in Token token) =>
            !token.Quoted && reader.Span(token) is var text && (text.SequenceEqual("true") || text.SequenceEqual("false")) ? text.Length == 4 : throw new NotSure();
    }

    /// <summary>The converters the slow path uses, on the same scalar: the same value, or the same refusal.</summary>
    private sealed class ConverterBinder(Type type, IYamlTypeConverter converter) : Binder
    {
        // IntOrString's converter gives a string; YamlDotNet then assigns it through the model's implicit conversion.
        // A delegate, not MethodInfo.Invoke: this runs for every port and quantity, and Invoke allocates its arguments.
        private readonly Func<string, object>? _implicit = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == "op_Implicit" && m.ReturnType == type && m.GetParameters() is [{ ParameterType: var parameter }] && parameter == typeof(string))
            is { } conversion
            ? ((Func<MethodInfo, Func<string, object>>)typeof(FastYaml).GetMethod(nameof(MakeConversion), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).CreateDelegate(typeof(Func<MethodInfo, Func<string, object>>)))(conversion)
            : null;

        // What each text converted to. IntOrString and ResourceQuantity have no public setters, so models can share one:
        // the same ports and quantities (`http`, `100m`, `128Mi`) recur in every workload, and a quantity's parse is
        // costly. Only successes are kept; a refusal is asked again.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _converted = new(StringComparer.Ordinal);

        public override object Scalar(Reader reader, in Token token)
        {
            var value = reader.Value(token);
            if (!IsText(token, value) && !reader.IsInteger(token) && value is not ("true" or "false"))
            {
                throw new NotSure();
            }

            if (_converted.TryGetValue(value, out var known))
            {
                return known;
            }

            object converted;
            try
            {
                var read = converter.ReadYaml(new OneScalar(value), type, null!) ?? throw new NotSure();
                converted = type.IsInstanceOfType(read) ? read
                    : read is string text && _implicit is not null ? _implicit(text)
                    : throw new NotSure();
            }
            catch (Exception exception) when (exception is not NotSure)
            {
                throw new NotSure();
            }

            if (_converted.Count >= 4096)
            {
                _converted.Clear(); // bounded
            }

            _converted[value] = converted;
            return converted;
        }
    }

    private sealed class ListBinder<T> : Binder
    {
        private Binder? _item;

        private Binder Item => _item ??= BinderOf(typeof(T));

        public override object ReadSequence(Reader reader, int indent, Role role)
        {
            var list = new List<T>();
            while (reader.NextItem(indent))
            {
                list.Add((T)reader.Item(Item, indent, ItemRole(role)));
            }

            return list.Count > 0 ? list : throw new NotSure();
        }

        public override object EmptySequence() => new List<T>();
    }

    private sealed class DictionaryBinder<T> : Binder
    {
        private Binder? _value;

        private Binder Value => _value ??= BinderOf(typeof(T));

        public override object ReadMap(Reader reader, int indent, bool inline, Role role)
        {
            if (role == Role.Container)
            {
                throw new NotSure(); // a container is a model; the image scan is the model binder's
            }

            // The entries are read first and the dictionary made at its size: labels (five or so, on every object) would
            // otherwise grow it twice.
            var entries = reader.Entries;
            var start = entries.Count;
            var first = true;
            while (reader.NextEntry(indent, inline, ref first, out var key))
            {
                var name = reader.Value(key);
                if (!IsText(key, name))
                {
                    throw new NotSure();
                }

                entries.Add(new(name, reader.EntryValue(Value, indent, EntryRole(role, name))));
            }

            var dictionary = new Dictionary<string, T>(entries.Count - start);
            for (var i = start; i < entries.Count; i++)
            {
                if (!dictionary.TryAdd(entries[i].Key, (T)entries[i].Value))
                {
                    throw new NotSure(); // a duplicate key
                }
            }

            entries.RemoveRange(start, entries.Count - start);
            return dictionary.Count > 0 ? dictionary : throw new NotSure();
        }

        public override object EmptyMap() => new Dictionary<string, T>();
    }

    /// <summary>
    /// A model: its settable properties by the name YAML uses for them, as the slow path's deserializer sees them
    /// (<c>[JsonPropertyName]</c>, else camelCase); only types with a default constructor, of KubernetesClient or this assembly.
    /// </summary>
    private sealed class ModelBinder : Binder
    {
        private readonly Func<object> _create;
        private readonly Dictionary<string, Property>.AlternateLookup<ReadOnlySpan<char>> _byName;

        private ModelBinder(Func<object> create, Dictionary<string, Property> properties)
        {
            _create = create;
            _byName = properties.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public static ModelBinder? For(Type type)
        {
            if (!type.IsClass || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null
                || !(type.Namespace == typeof(V1Pod).Namespace || type.Assembly == typeof(FastYaml).Assembly))
            {
                return null;
            }

            var properties = new Dictionary<string, Property>(StringComparer.Ordinal);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && YamlName(property) is { } name
                    && !properties.TryAdd(name, new Property(properties.Count, Setter(property), property.PropertyType, YamlScalars.IsPlainSafe(name))))
                {
                    return null;
                }
            }

            return new ModelBinder((Func<object>)typeof(FastYaml).GetMethod(nameof(New), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).CreateDelegate(typeof(Func<object>)), properties);
        }

        public override object ReadMap(Reader reader, int indent, bool inline, Role role)
        {
            var instance = _create();
            var count = _byName.Dictionary.Count;
            Span<bool> seen = count <= 256 ? stackalloc bool[count] : new bool[count];
            (string Value, Token Token)? image = null;
            Token? policy = null;
            var first = true;
            while (reader.NextEntry(indent, inline, ref first, out var key))
            {
                // A key that names no property, a plain key that is not plain-safe text, or a duplicate: not sure.
                if (!_byName.TryGetValue(reader.Span(key), out var property) || !key.Quoted && !property!.NameIsPlainSafe || seen[property!.Index])
                {
                    throw new NotSure();
                }

                seen[property.Index] = true;
                var name = reader.Span(key);
                var value = reader.EntryValue(property.Binder, indent, EntryRole(role, name));
                if (role == Role.Container && reader.LastScalar is { } scalar)
                {
                    if (name.SequenceEqual("image"))
                    {
                        image = ((string)value, scalar);
                    }
                    else if (name.SequenceEqual("imagePullPolicy"))
                    {
                        policy = scalar;
                    }
                }

                property.Set(instance, value);
            }

            if (first)
            {
                throw new NotSure(); // an empty block mapping
            }

            if (image is { } site)
            {
                reader.Images.Add(new ImageSite(site.Value, (site.Token.Start, site.Token.End), policy is { } p ? (p.Start, p.End) : null));
            }

            return instance;
        }

        public override object EmptyMap() => _create();
    }

    private sealed class Property(int index, Action<object, object> set, Type type, bool nameIsPlainSafe)
    {
        private Binder? _binder;

        public int Index { get; } = index;

        public Action<object, object> Set { get; } = set;

        /// <summary>The name as a plain key is text to every reader (else a plain key of that name is not sure).</summary>
        public bool NameIsPlainSafe { get; } = nameIsPlainSafe;

        // Made on first use: models refer to each other in cycles.
        public Binder Binder => _binder ??= BinderOf(type);
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

    /// <summary>
    /// A property's setter as a delegate. Not <c>PropertyInfo.SetValue</c>: reflection emits and compiles a stub per
    /// property on its second call, which in a build's short-lived MSBuild process costs more than the parsing. Generic
    /// code over reference types is compiled once for all of them.
    /// </summary>
    /// <remarks>
    /// The generic maker is called through a delegate, not <c>MethodInfo.Invoke</c>: Invoke emits and JIT-compiles a stub
    /// for each instantiation it calls twice (≈ 50 of them in a build's first validation).
    /// </remarks>
    private static Action<object, object> Setter(PropertyInfo property) =>
        ((Func<MethodInfo, Action<object, object>>)typeof(FastYaml).GetMethod(nameof(MakeSetter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(property.DeclaringType!, property.PropertyType)
            .CreateDelegate(typeof(Func<MethodInfo, Action<object, object>>)))(property.SetMethod!);

    private static Action<object, object> MakeSetter<TModel, TValue>(MethodInfo setter)
    {
        var set = (Action<TModel, TValue>)setter.CreateDelegate(typeof(Action<TModel, TValue>));
        return (model, value) => set((TModel)model, (TValue)value);
    }

    private static Func<string, object> MakeConversion<T>(MethodInfo conversion)
    {
        var convert = (Func<string, T>)conversion.CreateDelegate(typeof(Func<string, T>));
        return text => convert(text)!;
    }

    private static object New<T>()
        where T : new() => new T();

    /// <summary>Outside what this path reads with certainty: the slow path decides.</summary>
    private sealed class NotSure : Exception
    {
    }

    /// <summary>
    /// What a thread's parses reuse. Taken once per text: a <c>[ThreadStatic]</c> read in the reader's loop goes
    /// through a slow helper in ReadyToRun code, as the task ships (14 % of a build's first validation).
    /// </summary>
    private sealed class Scratch
    {
        private const int MaxLength = 64;
        private const int MaxCount = 16_384;

        [ThreadStatic]
        private static Scratch? t_scratch;

        private readonly Dictionary<string, string> _strings;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _byText;

        private Scratch()
        {
            _strings = new Dictionary<string, string>(StringComparer.Ordinal);
            _byText = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>The thread's, with nothing left in <see cref="Entries"/> by a parse that was not sure.</summary>
        public static Scratch OfThisThread()
        {
            var scratch = t_scratch ??= new Scratch();
            scratch.Entries.Clear();
            return scratch;
        }

        /// <summary>Map entries read before their dictionary is made (see DictionaryBinder); nested maps use the part after theirs.</summary>
        public List<KeyValuePair<string, object>> Entries { get; } = [];

        /// <summary>
        /// One string per short text: the same keys and values (<c>app.kubernetes.io/name</c>, <c>http</c>, a workload's
        /// name) recur in every resource, and a build keeps every parsed object until its checks across resources are
        /// done, so each copy would be collected, promoted and copied again. Strings are immutable; sharing one is
        /// invisible to the models.
        /// </summary>
        public string String(ReadOnlySpan<char> text)
        {
            if (text.Length > MaxLength)
            {
                return text.ToString();
            }

            if (_byText.TryGetValue(text, out var known))
            {
                return known;
            }

            if (_strings.Count == MaxCount)
            {
                _strings.Clear(); // bounded: a huge project's thread keeps at most this many
            }

            var value = text.ToString();
            _strings.Add(value, value);
            return value;
        }
    }

    /// <summary>
    /// A scalar in the text: its span (the quotes included, as YamlDotNet's marks give it), where its value is, and the value
    /// itself when escapes had to be decoded.
    /// </summary>
    private readonly record struct Token(int Start, int End, int ValueStart, int ValueEnd, bool Quoted, string? Escaped);

    /// <summary>A parser that holds one scalar, for the converters (they read <c>Current</c> and move on).</summary>
    private sealed class OneScalar(string value) : IParser
    {
        private readonly Scalar _scalar = new(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Any, true, false);
        private bool _moved;

        public ParsingEvent? Current => _moved ? null : _scalar;

        public bool MoveNext()
        {
            _moved = true;
            return false;
        }
    }

    /// <summary>The writer's grammar, line by line: <c>key: value</c>, <c>key:</c> then a block, <c>- item</c>, <c>---</c> between documents.</summary>
    private sealed class Reader(string text, List<ImageSite> images, Scratch scratch)
    {
        private int _position;

        public List<ImageSite> Images { get; } = images;

        /// <summary>The scalar the last <see cref="EntryValue"/> read, if it read one.</summary>
        public Token? LastScalar { get; private set; }

        public bool AtEnd => _position == text.Length;

        public ReadOnlySpan<char> Span(in Token token) => token.Escaped ?? text.AsSpan(token.ValueStart, token.ValueEnd - token.ValueStart);

        public string Value(in Token token) => token.Escaped ?? scratch.String(text.AsSpan(token.ValueStart, token.ValueEnd - token.ValueStart));

        public List<KeyValuePair<string, object>> Entries => scratch.Entries;

        /// <summary>A plain decimal integer without leading zeros (what the writer writes for numbers).</summary>
        public bool IsInteger(in Token token)
        {
            if (token.Quoted)
            {
                return false;
            }

            var value = Span(token);
            var digits = value.Length > 0 && value[0] == '-' ? 1 : 0;
            if (value.Length == digits || value.Length - digits > 19 || (value[digits] == '0' && value.Length - digits > 1))
            {
                return false;
            }

            foreach (var c in value[digits..])
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// "apiVersion/kind" when the document starts with those two keys (as the writer writes every document), without
        /// moving the cursor; null otherwise (the slow path decides).
        /// </summary>
        public string? PeekKind()
        {
            var saved = _position;
            try
            {
                var first = true;
                return NextEntry(0, inline: false, ref first, out var apiKey) && Span(apiKey).SequenceEqual("apiVersion") && TakeScalarLine(out var apiVersion)
                    && NextEntry(0, inline: false, ref first, out var kindKey) && Span(kindKey).SequenceEqual("kind") && TakeScalarLine(out var kind)
                    ? string.Concat(Span(apiVersion), "/", Span(kind))
                    : null;
            }
            catch (NotSure)
            {
                return null;
            }
            finally
            {
                _position = saved;
            }

            bool TakeScalarLine(out Token value)
            {
                Expect(' ');
                value = Scalar();
                Expect('\n');
                return IsText(value, Value(value));
            }
        }

        /// <summary>
        /// The next key of the mapping at <paramref name="indent"/>, the cursor then after its ':'; false where the mapping
        /// ends (another indent, a '-', the text's end). The first key may start where the cursor is (<c>- key: value</c>).
        /// </summary>
        public bool NextEntry(int indent, bool inline, ref bool first, out Token key)
        {
            if (!(inline && first))
            {
                // Another indent ends the mapping (the caller checks it continues correctly); '-' starts a sequence or "---".
                if (Indent() != indent || _position + indent >= text.Length || text[_position + indent] == '-')
                {
                    key = default;
                    return false;
                }

                _position += indent;
            }

            first = false;
            key = Scalar();
            Expect(':');
            return true;
        }

        /// <summary>After <c>key:</c> (cursor on the character after the colon).</summary>
        public object EntryValue(Binder binder, int indent, Role role)
        {
            LastScalar = null;
            if (At('\n'))
            {
                _position++;

                // A sequence under a key is written at the key's indent; a mapping two deeper.
                var block = Indent() == indent && string.CompareOrdinal(text, _position + indent, "-", 0, 1) == 0 ? binder.ReadSequence(this, indent, role)
                    : Indent() == indent + 2 ? binder.ReadMap(this, indent + 2, inline: false, role)
                    : throw new NotSure();
                LastScalar = null; // not a scalar of the block's
                return block;
            }

            Expect(' ');
            if (Take("{}\n"))
            {
                return binder.EmptyMap();
            }

            if (Take("[]\n"))
            {
                return binder.EmptySequence();
            }

            var scalar = Scalar();
            Expect('\n');
            var value = binder.Scalar(this, scalar);
            LastScalar = scalar;
            return value;
        }

        /// <summary>Whether another item of the sequence at <paramref name="indent"/> follows; if so the cursor is after its '-'.</summary>
        public bool NextItem(int indent)
        {
            // A top-level sequence (a Role's rules) ends at the next document's "---", which is no item.
            if (Indent() != indent || _position + indent >= text.Length || text[_position + indent] != '-'
                || (indent == 0 && string.CompareOrdinal(text, _position, "---", 0, 3) == 0))
            {
                return false;
            }

            _position += indent + 1;
            return true;
        }

        /// <summary>After an item's '-'.</summary>
        public object Item(Binder binder, int indent, Role role)
        {
            if (At('\n'))
            {
                // "-" then a block two deeper (a sequence in a sequence).
                return EntryValue(binder, indent + 2, role);
            }

            Expect(' ');
            if (Take("{}\n"))
            {
                return binder.EmptyMap();
            }

            if (Take("[]\n"))
            {
                return binder.EmptySequence();
            }

            if (KeyFollows())
            {
                return binder.ReadMap(this, indent + 2, inline: true, role);
            }

            var scalar = Scalar();
            Expect('\n');
            return binder.Scalar(this, scalar);
        }

        /// <summary>The rest of the line holds a key (a scalar then ':').</summary>
        private bool KeyFollows()
        {
            var saved = _position;
            try
            {
                Scalar();
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

        /// <summary>A quoted scalar on one line, or a plain one up to ':' or the line's end; whether its form fits is the binder's to judge.</summary>
        private Token Scalar()
        {
            var start = _position;
            if (At('"'))
            {
                // Without escapes (most values) the value is the text between the quotes.
                var close = text.IndexOf('"', start + 1);
                var newline = text.IndexOf('\n', start + 1);
                if (close > 0 && (newline < 0 || close < newline) && text.IndexOf('\\', start + 1, close - start - 1) < 0)
                {
                    if (text.AsSpan(start + 1, close - start - 1).IndexOfAny(OtherBreaks) >= 0)
                    {
                        throw new NotSure();
                    }

                    _position = close + 1;
                    return new Token(start, _position, start + 1, close, Quoted: true, null);
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
                        return new Token(start, _position, start + 1, _position - 1, Quoted: true, value.ToString());
                    }

                    if (OtherBreaks.Contains(c))
                    {
                        throw new NotSure();
                    }

                    if (c != '\\')
                    {
                        value.Append(c);
                        continue;
                    }

                    value.Append(Escape());
                }
            }

            // Plain, up to the line's end or a ":" (after a key); the binder accepts only what the writer writes plain (names, integers, true/false).
            var end = text.AsSpan(start).IndexOfAny('\n', ':');
            _position = end < 0 ? text.Length : start + end;
            return _position == start ? throw new NotSure() : new Token(start, _position, start, _position, Quoted: false, null);
        }

        /// <summary>
        /// What YAML reads as a line break besides '\n' (which ends a line here), and NUL, which ends its stream: raw in a
        /// quoted scalar they are YamlDotNet's to judge (it folds or rejects them; the writer always escapes them).
        /// </summary>
        private static readonly System.Buffers.SearchValues<char> OtherBreaks = System.Buffers.SearchValues.Create("\r\u0085\u2028\u2029\0");

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

        public bool Take(string token)
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
