using System;
using System.Collections.Generic;

namespace K8sGen.Generator.App;

/// <summary>How the environment variables configuration provider turns a variable into configuration keys.</summary>
internal static class ConfigurationKeys
{
    /// <summary>Prefixes the provider maps to <c>ConnectionStrings:&lt;name&gt;</c>.</summary>
    private static readonly string[] ConnectionStringPrefixes = ["MYSQLCONNSTR_", "SQLAZURECONNSTR_", "SQLCONNSTR_", "CUSTOMCONNSTR_", "POSTGRESQLCONNSTR_"];

    /// <summary>
    /// The keys a variable gives: <c>Db__Host</c> → <c>Db:Host</c>; <c>ASPNETCORE_X</c>/<c>DOTNET_X</c> also <c>X</c> (an ASP.NET
    /// Core host loads both prefixes with the prefix removed); <c>CUSTOMCONNSTR_shop</c> … also <c>ConnectionStrings:shop</c>.
    /// </summary>
    public static IEnumerable<string> Of(string variable)
    {
        var key = variable.Replace("__", ":");
        yield return key;
        foreach (var prefix in new[] { "ASPNETCORE_", "DOTNET_" })
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return key.Substring(prefix.Length);
            }
        }

        foreach (var prefix in ConnectionStringPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return "ConnectionStrings:" + key.Substring(prefix.Length);
            }
        }
    }
}
