using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace K8sGen.Generator.App;

/// <summary>
/// A route pattern as ASP.NET Core's router reads it (<c>/api/users/{id:int}</c>, <c>{**rest}</c>,
/// <c>{name}.{ext?}</c>), and whether a path reaches it. Literals match case-insensitively, a trailing slash
/// is ignored, parameters match by their constraints. Where K8sGen is unsure (a constraint it does not know,
/// a complex segment) the path counts as matching: the checks built on this must never warn wrongly.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The pattern as written, with one leading slash (<c>/api/users/{id}</c>).</summary>
    public string Text { get; }

    /// <summary>The leading segments that are plain literals (<c>api</c>, <c>users</c> of <c>/api/users/{id}</c>): an index key.</summary>
    public IEnumerable<string> LiteralStart
    {
        get
        {
            foreach (var segment in _segments)
            {
                if (segment.Literal is not { } literal)
                {
                    yield break;
                }

                yield return literal;
            }
        }
    }

    /// <summary>No parameter: the pattern is one path.</summary>
    public bool IsLiteral => Array.TrueForAll(_segments, s => s.Parameter is null && s.Complex is null);

    /// <summary>The pattern, or null when it is not one ASP.NET Core would accept (then K8sGen cannot reason about it).</summary>
    public static RouteTemplate? Parse(string pattern)
    {
        var text = pattern.StartsWith("~/", StringComparison.Ordinal) ? pattern.Substring(1) : pattern;
        var parts = SplitSegments(text.Trim('/'));
        if (parts is null)
        {
            return null;
        }

        var segments = new Segment[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            if (Segment.Parse(parts[i]) is not { } segment)
            {
                return null;
            }

            segments[i] = segment;
        }

        return new RouteTemplate("/" + string.Join("/", parts), segments);
    }

    /// <summary><c>MapGroup(prefix)</c> then <c>MapGet(pattern)</c>: the pattern the endpoint has.</summary>
    public static string Join(string prefix, string pattern)
    {
        var start = prefix.Trim('/');
        var rest = (pattern.StartsWith("~/", StringComparison.Ordinal) ? pattern.Substring(1) : pattern).Trim('/');
        return start.Length == 0 ? "/" + rest : rest.Length == 0 ? "/" + start : "/" + start + "/" + rest;
    }

    /// <summary>The request path (no query) reaches this pattern.</summary>
    public bool Matches(string path) => Matches(PathSegments(path));

    /// <summary>Some path equal to <paramref name="prefix"/> or below it (at a segment boundary) reaches this pattern.</summary>
    public bool MatchesUnder(string prefix) => MatchesUnder(PathSegments(prefix));

    /// <summary><see cref="Matches(string)"/> for a path split once by <see cref="PathSegments"/> (a check tries every endpoint).</summary>
    public bool Matches(string[]? path) => path is null || Match(0, path, 0, prefix: false);

    /// <summary><see cref="MatchesUnder(string)"/> for a path split once by <see cref="PathSegments"/>.</summary>
    public bool MatchesUnder(string[]? path) => path is null || Match(0, path, 0, prefix: true);

    public override string ToString() => Text;

    private bool Match(int t, string[] path, int p, bool prefix)
    {
        if (p == path.Length && prefix)
        {
            return true;
        }

        if (t == _segments.Length)
        {
            return p == path.Length;
        }

        var segment = _segments[t];
        if (segment.Parameter is { CatchAll: true })
        {
            return true;
        }

        if (p == path.Length)
        {
            for (var i = t; i < _segments.Length; i++)
            {
                if (!_segments[i].CanBeEmpty)
                {
                    return false;
                }
            }

            return true;
        }

        return segment.Matches(path[p]) && Match(t + 1, path, p + 1, prefix);
    }

    /// <summary>A path's segments; null when K8sGen cannot read it (escapes: then it counts as matching).</summary>
    public static string[]? PathSegments(string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed.IndexOf('%') >= 0)
        {
            return null;
        }

        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    /// <summary>Splits at slashes outside braces (a regex constraint may hold one); null for an empty segment (<c>a//b</c>).</summary>
    private static List<string>? SplitSegments(string text)
    {
        var segments = new List<string>();
        if (text.Length == 0)
        {
            return segments;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '/' when depth == 0:
                    if (i == start)
                    {
                        return null;
                    }

                    segments.Add(text.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        segments.Add(text.Substring(start));
        return segments;
    }

    /// <summary>A segment: a literal, one parameter, or literals and parameters mixed (<c>{name}.{ext}</c>, kept as a regex).</summary>
    private sealed class Segment
    {
        private string? _literal;

        public string? Literal => _literal;

        public Parameter? Parameter { get; private set; }

        public Regex? Complex { get; private set; }

        public bool CanBeEmpty => Parameter is { } parameter && (parameter.Optional || parameter.HasDefault || parameter.CatchAll);

        public static Segment? Parse(string text)
        {
            var parts = new List<object>();
            var literal = new StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    literal.Append('{');
                    i++;
                }
                else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                }
                else if (c == '{')
                {
                    var end = ParameterEnd(text, i + 1);
                    if (end < 0)
                    {
                        return null;
                    }

                    if (literal.Length > 0)
                    {
                        parts.Add(literal.ToString());
                        literal.Clear();
                    }

                    parts.Add(Parameter.Parse(text.Substring(i + 1, end - i - 1)));
                    i = end;
                }
                else if (c == '}' || c == '?' && parts.Count == 0)
                {
                    return null;
                }
                else
                {
                    literal.Append(c);
                }
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
            }

            if (parts.Count == 1)
            {
                return parts[0] is Parameter single ? new Segment { Parameter = single } : new Segment { _literal = (string)parts[0] };
            }

            // As the router: an optional last parameter takes the literal before it along ({name}.{ext?} matches "readme").
            var pattern = new StringBuilder("^");
            var optionalTail = parts.Count >= 2 && parts[parts.Count - 1] is Parameter { Optional: true } && parts[parts.Count - 2] is string;
            for (var i = 0; i < parts.Count; i++)
            {
                if (optionalTail && i == parts.Count - 2)
                {
                    pattern.Append("(?:").Append(Regex.Escape((string)parts[i])).Append("(.*))?");
                    break;
                }

                pattern.Append(parts[i] is string text2 ? Regex.Escape(text2) : ((Parameter)parts[i]).Optional ? "(.*?)" : "(.+?)");
            }

            return new Segment { Complex = new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)) };
        }

        public bool Matches(string value)
        {
            if (_literal is not null)
            {
                return string.Equals(_literal, value, StringComparison.OrdinalIgnoreCase);
            }

            if (Parameter is { } parameter)
            {
                return parameter.Accepts(value);
            }

            try
            {
                return Complex!.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return true;
            }
        }

        /// <summary>The closing brace of a parameter, skipping <c>}}</c> inside it (a regex's braces).</summary>
        private static int ParameterEnd(string text, int start)
        {
            for (var i = start; i < text.Length; i++)
            {
                if (text[i] == '}')
                {
                    if (i + 1 < text.Length && text[i + 1] == '}')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary><c>{name:constraint(arg):other=default?}</c>, <c>{*rest}</c>, <c>{**rest}</c>.</summary>
    private sealed class Parameter
    {
        private readonly List<(string Name, string? Argument)> _constraints = [];

        public bool CatchAll { get; private set; }

        public bool Optional { get; private set; }

        public bool HasDefault { get; private set; }

        public static Parameter Parse(string body)
        {
            var parameter = new Parameter();
            if (body.StartsWith("*", StringComparison.Ordinal))
            {
                parameter.CatchAll = true;
                body = body.TrimStart('*');
            }

            // The default value comes first: it may hold ':' itself ({time=12:00}).
            var equals = IndexTopLevel(body, '=');
            if (equals >= 0)
            {
                parameter.HasDefault = true;
                body = body.Substring(0, equals);
            }
            else if (body.EndsWith("?", StringComparison.Ordinal))
            {
                parameter.Optional = true;
                body = body.Substring(0, body.Length - 1);
            }

            var pieces = SplitTopLevel(body);

            for (var i = 1; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                var open = piece.IndexOf('(');
                parameter._constraints.Add(open > 0 && piece.EndsWith(")", StringComparison.Ordinal)
                    ? (piece.Substring(0, open), piece.Substring(open + 1, piece.Length - open - 2).Replace("}}", "}").Replace("{{", "{"))
                    : (piece, null));
            }

            return parameter;
        }

        /// <summary>The value passes every constraint ASP.NET Core's router would check; unknown ones pass.</summary>
        public bool Accepts(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (var (name, argument) in _constraints)
            {
                if (!Accepts(name, argument, value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Accepts(string name, string? argument, string value)
        {
            var invariant = CultureInfo.InvariantCulture;
            switch (name)
            {
                case "int":
                    return int.TryParse(value, NumberStyles.Integer, invariant, out _);
                case "long":
                    return long.TryParse(value, NumberStyles.Integer, invariant, out _);
                case "float" or "double" or "decimal":
                    return double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _);
                case "bool":
                    return bool.TryParse(value, out _);
                case "guid":
                    return Guid.TryParse(value, out _);
                case "datetime":
                    return DateTime.TryParse(value, invariant, DateTimeStyles.None, out _);
                case "alpha":
                    return Regex.IsMatch(value, "^[a-zA-Z]*$");
                case "required":
                    return value.Length > 0;
                case "file":
                    return IsFile(value);
                case "nonfile":
                    return !IsFile(value);
                case "minlength" or "maxlength" or "length" or "min" or "max" or "range":
                    return Bounded(name, Numbers(argument), value);
                case "regex" when argument is not null:
                    try
                    {
                        return Regex.IsMatch(value, argument, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                    }
                    catch (ArgumentException)
                    {
                        return true;
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        return true;
                    }

                default:
                    return true; // a constraint of the app's own (apiVersion, slugify …): K8sGen cannot tell
            }
        }

        /// <summary>The length and number constraints; one whose argument K8sGen cannot read passes.</summary>
        private static bool Bounded(string name, long[]? bounds, string value)
        {
            var readable = bounds is not null && (name switch
            {
                "range" => bounds.Length == 2,
                "length" => bounds.Length is 1 or 2,
                _ => bounds.Length == 1,
            });
            if (!readable)
            {
                return true;
            }

            var low = bounds![0];
            var high = bounds[bounds.Length - 1];
            if (name is "minlength" or "maxlength" or "length")
            {
                return name switch
                {
                    "minlength" => value.Length >= low,
                    "maxlength" => value.Length <= low,
                    _ => value.Length >= low && value.Length <= high,
                };
            }

            if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            return name switch
            {
                "min" => number >= low,
                "max" => number <= low,
                _ => number >= low && number <= high,
            };
        }

        /// <summary>ASP.NET Core's <c>file</c>: a dot with something after it.</summary>
        private static bool IsFile(string value)
        {
            var dot = value.LastIndexOf('.');
            return dot >= 0 && dot < value.Length - 1;
        }

        private static long[]? Numbers(string? argument)
        {
            if (argument is null)
            {
                return null;
            }

            var parts = argument.Split(',');
            var numbers = new long[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                if (!long.TryParse(parts[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i]))
                {
                    return null;
                }
            }

            return numbers;
        }

        /// <summary>Splits at ':' outside parentheses (a regex argument may hold one).</summary>
        private static List<string> SplitTopLevel(string body)
        {
            var pieces = new List<string>();
            var depth = 0;
            var start = 0;
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] == '(')
                {
                    depth++;
                }
                else if (body[i] == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (body[i] == ':' && depth == 0)
                {
                    pieces.Add(body.Substring(start, i - start));
                    start = i + 1;
                }
            }

            pieces.Add(body.Substring(start));
            return pieces;
        }

        private static int IndexTopLevel(string text, char c)
        {
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '(')
                {
                    depth++;
                }
                else if (text[i] == ')')
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (text[i] == c && depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
