using K8sGen.MSBuild.Manifests;
using Microsoft.Build.Framework;

namespace K8sGen.MSBuild.Tasks;

/// <summary>
/// The acceptance tests of a deployment (<c>dotnet build -t:K8sGenSmokeTest -p:K8sGenSmokeUrl=…</c>): every probe,
/// route and scrape path the project's workloads declare, requested through their Services; KSG2015 for each that
/// does not answer as Kubernetes or the route needs. The logic is in <see cref="SmokeTests"/>.
/// </summary>
public sealed class SmokeTestK8sManifests : Microsoft.Build.Utilities.Task
{
    /// <summary>The compiled assembly (its manifests say what to call).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The URL of the Service of the project's one workload with paths (e.g. <c>http://127.0.0.1:8080</c>).</summary>
    public string? Url { get; set; }

    /// <summary><c>&lt;workload&gt;=&lt;URL&gt; …</c> (separated by spaces) for a project with several.</summary>
    public string? Urls { get; set; }

    /// <summary>Attempts per request while the Service does not answer at all (a rollout still in progress). Default 5.</summary>
    public int Attempts { get; set; } = 5;

    /// <summary>Seconds one request may take. Default 10.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    public override bool Execute()
    {
        var embedded = EmbeddedManifests.Read(AssemblyPath);
        var errors = new List<ManifestError>(ManifestValidator.Validate(embedded.Workloads, out var parsed));
        var (checks, notChecked) = SmokeTests.Derive(parsed);
        var urls = SmokeTests.Urls(Url, Urls, checks, errors);
        foreach (var error in errors)
        {
            Log.LogError(null, error.Code, null, error.File, 0, 0, 0, 0, error.Message);
        }

        if (errors.Count > 0)
        {
            return false;
        }

        foreach (var line in notChecked)
        {
            Log.LogWarning(null, ErrorCodes.SmokeTestFailed, null, null, 0, 0, 0, 0, "not checked: " + line + ".");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(TimeoutSeconds) };
        var results = SmokeTests.RunAsync(checks, urls, http, Math.Max(1, Attempts), TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult();
        foreach (var result in results)
        {
            var line = $"{result.Check.Workload}: GET {result.Url} ({result.Check.What})";
            if (result.Passed)
            {
                Log.LogMessage(MessageImportance.High, $"K8sGen smoke test: {line} → {result.Status}");
            }
            else
            {
                Log.LogError(null, ErrorCodes.SmokeTestFailed, null, null, 0, 0, 0, 0, $"{line} {result.Failure}.");
            }
        }

        Log.LogMessage(MessageImportance.High, $"K8sGen smoke test: {results.Count(r => r.Passed)} of {results.Count} passed.");
        return !Log.HasLoggedErrors;
    }
}
