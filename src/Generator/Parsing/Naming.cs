using System.Text;

namespace K8sGen.Generator.Parsing;

/// <summary>Name conventions: the default workload name and the C# member that exposes a workload's YAML.</summary>
internal static class Naming
{
    private const string ServiceSuffix = "Service";

    /// <summary>
    /// <c>UsersV1Service</c> → <c>users-v1</c>, <c>WebFrontend</c> → <c>web-frontend</c>,
    /// <c>HTTPGateway</c> → <c>http-gateway</c>, <c>Orders_Api</c> → <c>orders-api</c>.
    /// </summary>
    public static string DefaultWorkloadName(string className)
    {
        var name = className.Length > ServiceSuffix.Length && className.EndsWith(ServiceSuffix, System.StringComparison.Ordinal)
            ? className.Substring(0, className.Length - ServiceSuffix.Length)
            : className;
        return KebabCase(name);
    }

    /// <summary>Words split at '_' and where case changes, lowercased and joined by '-' (<c>HTTPGateway</c> → <c>http-gateway</c>).</summary>
    private static string KebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                AppendDash(builder);
                continue;
            }

            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next));
                if (startsWord)
                {
                    AppendDash(builder);
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Trim('-');
    }

    /// <summary>
    /// The closest valid workload name (a DNS-1123 label that also names a Service): the code fix's suggestion for
    /// KSG1001. <c>Users_V1</c> → <c>users-v1</c>, <c>UsersAPI</c> → <c>users-api</c>, <c>1st</c> → <c>w-1st</c>; at most 63 characters.
    /// </summary>
    public static string ValidWorkloadName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in KebabCase(name.Trim()))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else
            {
                AppendDash(builder);
            }
        }

        var valid = builder.ToString().Trim('-');
        valid = valid.Length == 0 ? "app" : char.IsDigit(valid[0]) ? "w-" + valid : valid;
        return (valid.Length > 63 ? valid.Substring(0, 63) : valid).TrimEnd('-');
    }

    /// <summary>
    /// The C# identifier of a workload's constant in <c>K8sManifests</c>: <c>users-v1</c> → <c>UsersV1</c>.
    /// Distinct names can map to one identifier (<c>users-v1</c> and <c>users-v-1</c> both give <c>UsersV1</c>);
    /// the analyzer reports such collisions as duplicate names.
    /// </summary>
    public static string MemberName(string workloadName)
    {
        var builder = new StringBuilder(workloadName.Length + 1);
        var upper = true;
        foreach (var c in workloadName)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (builder.Length == 0 || char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        // Names the generated class itself uses.
        var member = builder.ToString();
        return member is "All" or "ByName" or "K8sManifests" ? member + "_" : member;
    }

    private static void AppendDash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[builder.Length - 1] != '-')
        {
            builder.Append('-');
        }
    }
}
