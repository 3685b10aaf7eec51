using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace K8sGen.Shared;

/// <summary>
/// The formats of the Kubernetes values K8sGen writes (names, labels, quantities, paths, hosts, images), as
/// the API server, the kubelet and the Gateway API check them (validation.md names the upstream function
/// each one mirrors). One convention: a check named after the format (<c>Dns1123Label</c>, <c>Quantity</c>,
/// <c>ImageReference</c>) returns null when the value is valid, else the reason in the API server's words;
/// helpers that answer a question are named <c>Is…</c> and return a bool. Compiled into the generator and the
/// build task.
/// </summary>
internal static class KubernetesFormats
{
    public const int MaxLabelLength = 63;
    public const int MaxSubdomainLength = 253;
    private const int MaxImageNameLength = 255;

    // Every pattern ends in \z, not $: in .NET, $ also matches before a final "\n", which the API server rejects.
    private static readonly Regex QuantityPattern = new(
        @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?\z",
        RegexOptions.CultureInvariant);

    private static readonly Regex PrometheusDuration = new(
        "^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)\\z",
        RegexOptions.CultureInvariant);

    // distribution/reference grammar (what the kubelet checks at pull time), ASCII only.
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string Domain = "(?:" + DomainComponent + "(?:\\." + DomainComponent + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private static readonly Regex TagOnly = new("^" + Tag + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex ImageReferencePattern = new(
        "^(?<name>(?:" + Domain + "/)?" + PathComponent + "(?:/" + PathComponent + ")*)"
        + "(?::(?<tag>" + Tag + "))?"
        + "(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?\\z",
        RegexOptions.CultureInvariant);

    /// <summary>IsDNS1123Label: container, port-free names, namespaces.</summary>
    public static string? Dns1123Label(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (value!.Length > MaxLabelLength)
        {
            return $"it has {value.Length} characters, at most {MaxLabelLength} are allowed";
        }

        return IsLabelShape(value, 0, value.Length) ? null : "it must consist of lowercase letters, digits and '-', and start and end with a letter or digit";
    }

    /// <summary>IsDNS1035Label: Service names (must start with a letter).</summary>
    public static string? Dns1035Label(string? value) =>
        Dns1123Label(value) ?? (value![0] is >= 'a' and <= 'z' ? null : "it must start with a lowercase letter");

    /// <summary>IsDNS1123Subdomain: names of most objects, label-key prefixes, hosts.</summary>
    public static string? Dns1123Subdomain(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (value!.Length > MaxSubdomainLength)
        {
            return $"it has {value.Length} characters, at most {MaxSubdomainLength} are allowed";
        }

        var start = 0;
        while (start <= value.Length)
        {
            var dot = value.IndexOf('.', start);
            var end = dot < 0 ? value.Length : dot;
            if (!IsLabelShape(value, start, end))
            {
                return "it must consist of lowercase letters, digits, '-' and '.', with a letter or digit at the start and end of each dot-separated part";
            }

            if (dot < 0)
            {
                break;
            }

            start = dot + 1;
        }

        return null;
    }

    /// <summary>IsValidPortName (IANA_SVC_NAME).</summary>
    public static string? PortName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (value!.Length > 15)
        {
            return $"it has {value.Length} characters, at most 15 are allowed";
        }

        var hasLetter = false;
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z')
            {
                hasLetter = true;
            }
            else if (c is not (>= '0' and <= '9' or '-'))
            {
                return $"'{c}' is not allowed";
            }
        }

        if (!hasLetter)
        {
            return "it must contain at least one letter";
        }

        if (value.Contains("--"))
        {
            return "it must not contain '--'";
        }

        return value[0] == '-' || value[value.Length - 1] == '-' ? "it must not start or end with '-'" : null;
    }

    public static string? PortNumber(int value) => value is >= 1 and <= 65535 ? null : "out of range";

    /// <summary>IsQualifiedName: label and annotation keys.</summary>
    public static string? LabelKey(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        var slash = value!.IndexOf('/');
        var name = value;
        if (slash >= 0)
        {
            if (value.IndexOf('/', slash + 1) >= 0)
            {
                return "it may contain at most one '/'";
            }

            var prefix = value.Substring(0, slash);
            if (Dns1123Subdomain(prefix) is { } prefixError)
            {
                return $"its prefix '{prefix}' is invalid: {prefixError}";
            }

            name = value.Substring(slash + 1);
        }

        if (name.Length == 0)
        {
            return "the name after the prefix is empty";
        }

        if (name.Length > MaxLabelLength)
        {
            return $"its name part has {name.Length} characters, at most {MaxLabelLength} are allowed";
        }

        return IsQualifiedNamePart(name) ? null : "its name part must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
    }

    /// <summary>IsValidLabelValue.</summary>
    public static string? LabelValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value!.Length > MaxLabelLength)
        {
            return $"it has {value.Length} characters, at most {MaxLabelLength} are allowed";
        }

        return IsQualifiedNamePart(value) ? null : "it must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
    }

    /// <summary>IsEnvVarName: the strict rule (the default up to Kubernetes 1.31; later versions accept a superset).</summary>
    public static string? EnvVarName(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        foreach (var c in value!)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return $"'{Printable(c)}' is not allowed";
            }
        }

        if (value[0] is >= '0' and <= '9')
        {
            return "it must not start with a digit";
        }

        return value == "." || value.StartsWith("..", StringComparison.Ordinal) ? "it must not be '.' or start with '..'" : null;
    }

    /// <summary>IsConfigMapKey (also the rule for Secret keys).</summary>
    public static string? ConfigMapKey(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (value!.Length > MaxSubdomainLength)
        {
            return $"it has {value.Length} characters, at most {MaxSubdomainLength} are allowed";
        }

        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-' or '.'))
            {
                return $"'{Printable(c)}' is not allowed";
            }
        }

        return value == "." || value.StartsWith("..", StringComparison.Ordinal) ? "it must not be '.' or start with '..'" : null;
    }

    /// <summary>An IntOrString of a rolling update: a whole number ≥ 0 or a percentage.</summary>
    public static string? IntOrPercent(string? value, bool capAt100)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        var digits = value!.EndsWith("%", StringComparison.Ordinal) ? value.Substring(0, value.Length - 1) : value;
        if (digits.Length == 0 || !IsAllDigits(digits) || digits.Length > 9)
        {
            return "it must be a whole number of 0 or more, or a percentage";
        }

        if (capAt100 && digits.Length != value.Length && int.Parse(digits, CultureInfo.InvariantCulture) > 100)
        {
            return "a percentage may not exceed 100%";
        }

        return null;
    }

    /// <summary>True for "0" and "0%": the value allows no pods at all.</summary>
    public static bool IsZero(string value) => value.TrimEnd('%').Trim('0').Length == 0 && value.TrimEnd('%').Length > 0;

    public static bool IsAllDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    /// <summary>resource.Quantity, non-negative.</summary>
    public static string? Quantity(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        if (!QuantityPattern.IsMatch(value))
        {
            return "it does not match the quantity syntax";
        }

        return ParseQuantity(value!) < 0 ? "it must not be negative" : null;
    }

    private static readonly char[] ExponentMarks = ['e', 'E'];

    /// <summary>The value of a quantity accepted by <see cref="Quantity"/>, to compare requests with limits.</summary>
    public static double ParseQuantity(string value)
    {
        var end = value.Length;
        var multiplier = 1d;
        var exponent = value.IndexOfAny(ExponentMarks);
        if (value.EndsWith("i", StringComparison.Ordinal))
        {
            multiplier = Math.Pow(1024, "KMGTPE".IndexOf(value[value.Length - 2]) + 1);
            end -= 2;
        }
        else if (exponent > 0 && exponent < value.Length - 1)
        {
            // "1e3" is an exponent; a trailing "E" alone is the exa suffix.
            multiplier = Math.Pow(10, double.Parse(value.Substring(exponent + 1), NumberStyles.Float, CultureInfo.InvariantCulture));
            end = exponent;
        }
        else
        {
            var suffix = "numkMGTPE".IndexOf(value[value.Length - 1]);
            if (suffix >= 0)
            {
                multiplier = Math.Pow(10, suffix < 3 ? (suffix - 3) * 3 : (suffix - 2) * 3);
                end -= 1;
            }
        }

        return double.Parse(value.Substring(0, end), NumberStyles.Float, CultureInfo.InvariantCulture) * multiplier;
    }

    /// <summary>validateHTTPIngressPath.</summary>
    public static string? IngressPath(string? path, bool implementationSpecific)
    {
        if (string.IsNullOrEmpty(path))
        {
            return implementationSpecific ? null : "it is empty";
        }

        if (path![0] != '/')
        {
            return "it must start with '/'";
        }

        if (implementationSpecific)
        {
            return null;
        }

        foreach (var sequence in new[] { "//", "/./", "/../", "%2f", "%2F" })
        {
            if (path.Contains(sequence))
            {
                return $"it must not contain '{sequence}'";
            }
        }

        foreach (var suffix in new[] { "/..", "/." })
        {
            if (path.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"it must not end with '{suffix}'";
            }
        }

        return ContainsWhitespace(path) ? "it must not contain whitespace" : null;
    }

    /// <summary>
    /// Gateway API's HTTPPathMatch rules for <c>Exact</c> and <c>PathPrefix</c> (its CRD's validations): the Ingress
    /// path rules, no '#', at most 1024 characters, and only the characters of an RFC 3986 path:
    /// <c>^(?:[-A-Za-z0-9/._~!$&amp;'()*+,;=:@]|[%][0-9a-fA-F]{2})+$</c>.
    /// </summary>
    public static string? GatewayPath(string? path)
    {
        if (IngressPath(path, implementationSpecific: false) is { } error)
        {
            return error;
        }

        if (path!.IndexOf('#') >= 0)
        {
            return "it must not contain '#'";
        }

        if (path.Length > 1024)
        {
            return "it is longer than 1024 characters";
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !IsHex(path[i + 1]) || !IsHex(path[i + 2]))
                {
                    return "'%' must start a percent-encoding such as '%20'";
                }

                i += 2;
            }
            else if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "-/._~!$&'()*+,;=:@".IndexOf(c) >= 0))
            {
                return $"'{c}' is not allowed in a path (only letters, digits, -/._~!$&'()*+,;=:@ and percent-encodings such as %7B)";
            }
        }

        return null;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    /// <summary>validateIngressRules' host checks: no IP, optional leading wildcard, else a DNS subdomain.</summary>
    public static string? IngressHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return "it is empty (leave Host unset to match any host)";
        }

        if (IsIPv4(host!) || host!.IndexOf(':') >= 0)
        {
            return "it must be a DNS name, not an IP address";
        }

        if (host.IndexOf('*') >= 0)
        {
            if (!host.StartsWith("*.", StringComparison.Ordinal) || host.IndexOf('*', 1) >= 0)
            {
                return "a wildcard may only be the whole leftmost part, as in '*.shop.example'";
            }

            return Dns1123Subdomain(host.Substring(2));
        }

        return Dns1123Subdomain(host);
    }

    /// <summary>An HTTP path for probes and metrics: starts with '/', no whitespace.</summary>
    public static bool IsHttpPath(string? path) => !string.IsNullOrEmpty(path) && path![0] == '/' && !ContainsWhitespace(path);

    public static bool IsPrometheusDuration(string? value) => !string.IsNullOrEmpty(value) && PrometheusDuration.IsMatch(value) && value != "0";

    /// <summary>An image tag alone (what an environment's ImageTag may be), by the same grammar as a reference's tag.</summary>
    public static bool IsImageTag(string value) => TagOnly.IsMatch(value);

    /// <summary>distribution/reference's grammar, checked by the kubelet when it pulls.</summary>
    public static string? ImageReference(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "it is empty";
        }

        // Only a value longer than the name's limit can have a name over it: a Match (and its groups) only then.
        if (value!.Length <= MaxImageNameLength && ImageReferencePattern.IsMatch(value))
        {
            return null;
        }

        var match = ImageReferencePattern.Match(value);
        if (!match.Success)
        {
            return value!.ToLowerInvariant() != value && ImageReferencePattern.IsMatch(value.ToLowerInvariant())
                ? "the repository must be lowercase"
                : "it does not follow the image reference grammar";
        }

        return match.Groups["name"].Value.Length > MaxImageNameLength ? $"the name part is longer than {MaxImageNameLength} characters" : null;
    }

    private static bool IsLabelShape(string value, int start, int end)
    {
        if (end <= start)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            var c = value[i];
            var alphanumeric = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (!alphanumeric && (c != '-' || i == start || i == end - 1))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsQualifiedNamePart(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var alphanumeric = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
            if (!alphanumeric && (c is not ('-' or '_' or '.') || i == 0 || i == value.Length - 1))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static bool IsIPv4(string value)
    {
        // Host names are checked on every run: most have a letter, and are no address without a Split.
        foreach (var c in value)
        {
            if (c is not (>= '0' and <= '9' or '.'))
            {
                return false;
            }
        }

        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (!IsAllDigits(part) || part.Length > 3 || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsWhitespace(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Printable(char c) => c < ' ' || c == '\u007f' ? $"\\u{(int)c:X4}" : c.ToString();
}
