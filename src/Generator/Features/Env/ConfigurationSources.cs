using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using K8sGen.Generator.App;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG1174: configuration the code reads with a literal key, that nothing sets in the pod: no environment
/// variable K8sGen writes maps to the key (<c>Db__Host</c> → <c>Db:Host</c>, as the environment variables provider
/// maps it), no <c>appsettings.json</c> (or <c>appsettings.&lt;environment&gt;.json</c>) entry, no command-line argument.
/// Reported at the read when none of the project's workloads sets it.
/// </summary>
internal static class ConfigurationSources
{
    /// <summary>What every container of the .NET images on Kubernetes has without K8sGen writing it.</summary>
    private static readonly string[] ContainerVariables =
        ["HOSTNAME", "HOME", "PATH", "APP_UID", "DOTNET_RUNNING_IN_CONTAINER", "DOTNET_VERSION", "ASPNET_VERSION", "ASPNETCORE_HTTP_PORTS", "KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT", "KUBERNETES_PORT"];

    /// <summary>Keys the host sets in every app's configuration.</summary>
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "environment", "applicationName", "contentRoot" };

    /// <summary>The Service links the kubelet adds for every Service of the namespace (<c>USERS_V1_SERVICE_HOST</c>, <c>…_PORT_80_TCP</c>).</summary>
    private static readonly Regex ServiceLink = new("^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$", RegexOptions.CultureInvariant);

    public static void Check(IReadOnlyList<WorkloadModel> workloads, AppModel app, GeneratorOptions options, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (app.ConfigurationReads is not { Count: > 0 } reads)
        {
            return;
        }

        // Only workloads that run this project's code read its configuration.
        var sources = workloads.Where(w => w.Image.Value is null).Select(w => (Workload: w, Sources: Sources.Of(w, app.Settings, app.ExtraSettingsFiles, options))).ToList();
        if (sources.Count == 0)
        {
            return;
        }

        foreach (var read in reads)
        {
            // The code may run in only some of the project's workloads (a web Deployment and a CronJob share the image):
            // a key one of them sets may be read only there, so only a key none of them sets is reported.
            if (sources.Any(s => s.Sources.Provide(read)))
            {
                continue;
            }

            var names = sources.Select(s => $"'{s.Workload.Name.Value}'").ToList();
            var where = names.Count == 1 ? "workload " + names[0]
                : "any of the workloads " + string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : string.Empty);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConfigurationWithoutSource, read.Location, Describe(read), where, Remedy(read)));
        }
    }

    private static string Describe(ConfigRead read) => read.Kind switch
    {
        ConfigReadKind.EnvironmentVariable => $"Environment variable '{read.Key}'",
        ConfigReadKind.ConnectionString => $"Connection string '{read.Key.Substring(read.Key.LastIndexOf("ConnectionStrings:", StringComparison.Ordinal) + "ConnectionStrings:".Length)}'",
        ConfigReadKind.Section => $"Configuration section '{read.Key}'",
        _ => $"Configuration key '{read.Key}'",
    };

    private static string Remedy(ConfigRead read)
    {
        if (read.Kind == ConfigReadKind.EnvironmentVariable)
        {
            return $"add [Env(\"{read.Key}\", …)] or, for a secret, [EnvFromSecret(\"{read.Key}\", Secret = …, Key = …)]";
        }

        var variable = read.Key.Replace(":", "__");
        var entry = read.Kind == ConfigReadKind.Section ? $"a '{read.Key}' section" : $"a value for '{read.Key}'";
        var name = read.Kind == ConfigReadKind.Section ? variable + "__<key>" : variable;
        return $"add [Env(\"{name}\", …)] or, for a secret, [EnvFromSecret(\"{name}\", Secret = …, Key = …)], or {entry} in appsettings.json";
    }

    /// <summary>Where one workload's configuration comes from.</summary>
    private sealed class Sources
    {
        private readonly HashSet<string> _variables = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];

        public static Sources Of(WorkloadModel workload, IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> extraFiles, GeneratorOptions options)
        {
            var sources = new Sources();
            foreach (var name in ContainerVariables.Concat(FeatureRegistry.All.SelectMany(f => f.EnvironmentVariables(workload, options))))
            {
                sources._variables.Add(name);
                sources._keys.AddRange(ConfigurationKeys.Of(name));
            }

            // appsettings.json and the environment's file; any environment's when the environment is not known.
            var environment = AppSettings.EnvironmentName(workload);
            foreach (var file in settings)
            {
                if (file.Key == "appsettings.json" || extraFiles.Contains(file.Key)
                    || (environment is null ? file.Key.StartsWith("appsettings.", StringComparison.Ordinal) : file.Key == "appsettings." + environment + ".json"))
                {
                    sources._keys.AddRange(AppSettings.Keys(file.Value));
                }
            }

            if (workload.Batch is { } batch)
            {
                sources._keys.AddRange(CommandLineKeys(batch.Args));
            }

            return sources;
        }

        public bool Provide(ConfigRead read)
        {
            // The image may set DOTNET_… and ASPNETCORE_… itself (ContainerEnvironmentVariable, the base image), and the
            // kubelet adds a Service link for every Service of the namespace: K8sGen cannot see those, so they count as set.
            if (ServiceLink.IsMatch(read.Key) || read.Key.StartsWith("DOTNET_", StringComparison.OrdinalIgnoreCase) || read.Key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (read.Kind == ConfigReadKind.EnvironmentVariable)
            {
                return _variables.Contains(read.Key);
            }

            return HostKeys.Contains(read.Key) || _keys.Any(key => key.Equals(read.Key, StringComparison.OrdinalIgnoreCase)
                || (key.Length > read.Key.Length && key[read.Key.Length] == ':' && key.StartsWith(read.Key, StringComparison.OrdinalIgnoreCase)));
        }

        /// <summary><c>--key=value</c>, <c>--key value</c>, <c>/key value</c>, <c>key=value</c>, as the command-line provider reads them.</summary>
        private static IEnumerable<string> CommandLineKeys(EquatableArray<string> args)
        {
            var list = args.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var arg = list[i];
                var prefixed = arg.StartsWith("--", StringComparison.Ordinal) ? arg.Substring(2) : arg.StartsWith("/", StringComparison.Ordinal) ? arg.Substring(1) : null;
                var equals = (prefixed ?? arg).IndexOf('=');
                if (equals > 0)
                {
                    yield return (prefixed ?? arg).Substring(0, equals);
                }
                else if (prefixed is { Length: > 0 } && i + 1 < list.Count)
                {
                    yield return prefixed;
                    i++;
                }
            }
        }
    }
}
