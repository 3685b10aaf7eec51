using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// The listen addresses an <c>appsettings*.json</c> chooses (<c>Kestrel:Endpoints:&lt;name&gt;:Url</c>, <c>urls</c>),
/// read as ASP.NET Core's JSON configuration reads the file: keys case-insensitive, comments and trailing
/// commas allowed. A file that is not such JSON gives nothing: K8sGen says nothing it cannot prove.
/// </summary>
internal static class AppSettings
{
    /// <summary>
    /// The environment the workload's app runs in, as ASP.NET Core decides it: <c>ASPNETCORE_ENVIRONMENT</c>, else
    /// <c>DOTNET_ENVIRONMENT</c>, else <c>Production</c>; null when an <c>[Env]</c> sets it from a Secret or ConfigMap.
    /// </summary>
    public static string? EnvironmentName(Model.WorkloadModel model)
    {
        var variable = Variable(model, "ASPNETCORE_ENVIRONMENT") ?? Variable(model, "DOTNET_ENVIRONMENT");
        return variable is not { } set ? "Production" : set.Known ? set.Value : null;
    }

    /// <summary>The variable's value (known: a literal) when the workload sets it; null when it does not.</summary>
    private static (string? Value, bool Known)? Variable(Model.WorkloadModel model, string name)
    {
        foreach (var env in model.Env)
        {
            if (env.Name.Value == name)
            {
                return env.Source == EnvSource.Value ? (env.Reference.Value ?? string.Empty, true) : (null, false);
            }
        }

        return null;
    }

    /// <summary>
    /// What <c>appsettings.json</c> and <c>appsettings.&lt;environment&gt;.json</c> (the files the app loads in that
    /// environment; names are case-sensitive in a Linux container) choose. An unknown environment with
    /// environment files present makes the check silent.
    /// </summary>
    public static IEnumerable<ListenSource> ForEnvironment(IReadOnlyDictionary<string, string> files, string? environment)
    {
        if (files.TryGetValue("appsettings.json", out var common))
        {
            foreach (var source in ListenSources("appsettings.json", common))
            {
                yield return source;
            }
        }

        if (environment is null)
        {
            foreach (var name in files.Keys)
            {
                if (name != "appsettings.json")
                {
                    yield return new ListenSource(ListenPrecedence.Endpoints, name, null, null);
                    yield break;
                }
            }
        }
        else if (files.TryGetValue("appsettings." + environment + ".json", out var specific))
        {
            foreach (var source in ListenSources("appsettings." + environment + ".json", specific))
            {
                yield return source;
            }
        }
    }

    public static IEnumerable<ListenSource> ListenSources(string fileName, string text)
    {
        if (Json.Parse(text) is not Dictionary<string, object?> root)
        {
            yield break;
        }

        if (Get(root, "Kestrel") is Dictionary<string, object?> kestrel && Get(kestrel, "Endpoints") is Dictionary<string, object?> endpoints)
        {
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Value is Dictionary<string, object?> settings && Get(settings, "Url") is { } url && !(url is string blank && string.IsNullOrWhiteSpace(blank)))
                {
                    var ports = url is string value ? KestrelListen.ReachablePortsOfUrls(value) : null;
                    yield return new ListenSource(ListenPrecedence.Endpoints, $"Kestrel:Endpoints:{endpoint.Key}:Url in {fileName}", ports, null);
                }
            }
        }

        // An empty urls is no setting to the host.
        if (Get(root, "urls") is { } urls && !(urls is string empty && string.IsNullOrWhiteSpace(empty)))
        {
            yield return new ListenSource(ListenPrecedence.Urls, $"urls in {fileName}", urls is string value ? KestrelListen.ReachablePortsOfUrls(value) : null, null);
        }

        // Settings K8sGen does not read: they make the check silent rather than wrong.
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            if (Get(root, key) is not null)
            {
                yield return new ListenSource(ListenPrecedence.Ports, $"{key} in {fileName}", null, null);
            }
        }
    }

    /// <summary>
    /// Every configuration key the file gives a value (<c>Db:Host</c>, <c>Hosts:0</c>), as ASP.NET Core flattens it;
    /// empty when the file is not such JSON.
    /// </summary>
    public static IEnumerable<string> Keys(string text)
    {
        var keys = new List<string>();
        Flatten(Json.Parse(text), string.Empty, keys);
        return keys;
    }

    private static void Flatten(object? value, string path, List<string> keys)
    {
        switch (value)
        {
            case Dictionary<string, object?> map:
                foreach (var entry in map)
                {
                    Flatten(entry.Value, path.Length == 0 ? entry.Key : path + ":" + entry.Key, keys);
                }

                break;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(list[i], path + ":" + i.ToString(CultureInfo.InvariantCulture), keys);
                }

                break;
            default:
                if (path.Length > 0)
                {
                    keys.Add(path);
                }

                break;
        }
    }

    private static object? Get(Dictionary<string, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    /// <summary>Just enough JSON: objects (case-insensitive keys), arrays, strings, and any other value as its text.</summary>
    private sealed class Json
    {
        private readonly string _text;
        private int _position;

        private Json(string text) => _text = text;

        public static object? Parse(string text)
        {
            var json = new Json(text);
            try
            {
                var value = json.Value();
                json.Skip();
                return json._position == text.Length ? value : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private object? Value()
        {
            Skip();
            if (_position >= _text.Length)
            {
                throw new FormatException();
            }

            switch (_text[_position])
            {
                case '{':
                    return Object();
                case '[':
                    return Array();
                case '"':
                    return String();
                default:
                    var start = _position;
                    while (_position < _text.Length && _text[_position] is not (',' or '}' or ']') && !char.IsWhiteSpace(_text[_position]) && !IsCommentStart())
                    {
                        _position++;
                    }

                    if (_position == start)
                    {
                        throw new FormatException();
                    }

                    // Numbers and literals: configuration sees their text.
                    return new Literal(_text.Substring(start, _position - start));
            }
        }

        private Dictionary<string, object?> Object()
        {
            var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            _position++;
            while (true)
            {
                Skip();
                if (Peek() == '}')
                {
                    _position++;
                    return map;
                }

                if (Peek() != '"')
                {
                    throw new FormatException();
                }

                var key = String();
                Skip();
                Expect(':');
                map[key] = Value();
                Skip();
                if (Peek() == ',')
                {
                    _position++;
                }
                else if (Peek() != '}')
                {
                    throw new FormatException();
                }
            }
        }

        private List<object?> Array()
        {
            var list = new List<object?>();
            _position++;
            while (true)
            {
                Skip();
                if (Peek() == ']')
                {
                    _position++;
                    return list;
                }

                list.Add(Value());
                Skip();
                if (Peek() == ',')
                {
                    _position++;
                }
                else if (Peek() != ']')
                {
                    throw new FormatException();
                }
            }
        }

        private string String()
        {
            var builder = new StringBuilder();
            _position++;
            while (true)
            {
                var c = Next();
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = Next();
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        if (_position + 4 > _text.Length || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException();
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escape); break;
                }
            }
        }

        private void Skip()
        {
            while (_position < _text.Length)
            {
                if (char.IsWhiteSpace(_text[_position]) || _text[_position] == '\uFEFF')
                {
                    _position++;
                }
                else if (IsCommentStart() && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (IsCommentStart())
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? throw new FormatException() : end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private bool IsCommentStart() => _text[_position] == '/' && _position + 1 < _text.Length && _text[_position + 1] is '/' or '*';

        private char Peek() => _position < _text.Length ? _text[_position] : throw new FormatException();

        private char Next() => _position < _text.Length ? _text[_position++] : throw new FormatException();

        private void Expect(char c)
        {
            if (Next() != c)
            {
                throw new FormatException();
            }
        }
    }

    /// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c>: never a listen address.</summary>
    private sealed record Literal(string Text);
}
