using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG3008: an <c>[Env]</c> whose name says it holds a secret (a word such as PASSWORD, SECRET, TOKEN, API key,
/// credentials, a connection string), or whose value is a connection string with a password, written as a literal.
/// </summary>
internal static class EnvPolicy
{
    /// <summary>Diagnostic properties: the Secret and key a fix moves the value to.</summary>
    public const string SecretProperty = "secret";
    public const string KeyProperty = "key";

    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal) { "PASSWORD", "PASSWD", "PWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "CONNECTIONSTRING", "CONNECTIONSTRINGS", "PASSPHRASE" };

    private static readonly HashSet<string> KeyQualifiers = new(StringComparer.Ordinal) { "API", "ACCESS", "PRIVATE", "SIGNING", "ENCRYPTION", "CLIENT" };

    // Names that say where a secret is, not what it is (PASSWORD_FILE=/run/secrets/db, TOKEN_URL=https://…).
    private static readonly HashSet<string> ReferenceWords = new(StringComparer.Ordinal) { "FILE", "PATH", "URL", "URI", "ENDPOINT", "HOST", "ISSUER", "AUDIENCE", "EXPIRY", "EXPIRATION", "LIFETIME", "TTL", "LENGTH", "POLICY", "TYPE", "NAME", "HEADER" };

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var env in model.Env)
        {
            if (env.Source == EnvSource.Value && env.Name.Value is { } name && env.Reference.Value is { Length: > 0 } value
                && (LooksLikeSecret(name) || HasPassword(value)))
            {
                var secret = model.Name.Value + "-secrets";
                var key = Key(name);
                diagnostics.Add(DiagnosticInfo.Create(SecretAsLiteral, env.Reference.Location, $"Environment variable '{name}'", name, secret, key)
                    .With(SecretProperty, secret).With(KeyProperty, key));
            }
        }
    }

    /// <summary>By the words of the name (split at '_', '-', '.', ':' and camel case), not substrings: TOKENIZER_MODE is no secret.</summary>
    public static bool LooksLikeSecret(string name)
    {
        var words = Words(name);
        // The shell's working directory, not a password.
        if (name is "PWD" or "OLDPWD" || (words.Count > 0 && ReferenceWords.Contains(words[words.Count - 1])))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (SecretWords.Contains(words[i]) || (words[i] == "KEY" && i > 0 && KeyQualifiers.Contains(words[i - 1])))
            {
                return true;
            }

            // ConnectionStrings__Db, CONNECTION_STRING: ASP.NET Core's connection strings carry credentials.
            if (words[i] == "CONNECTION" && i + 1 < words.Count && words[i + 1] is "STRING" or "STRINGS")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPassword(string value) =>
        value.IndexOf("password=", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("pwd=", StringComparison.OrdinalIgnoreCase) >= 0;

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
            if (boundary && word.Length > 0)
            {
                words.Add(word.ToString().ToUpperInvariant());
                word.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString().ToUpperInvariant());
        }

        return words;
    }

    /// <summary>A Secret key for the variable: its words in lowercase kebab case (DB_PASSWORD → db-password).</summary>
    private static string Key(string name) => string.Join("-", Words(name)).ToLowerInvariant();
}
