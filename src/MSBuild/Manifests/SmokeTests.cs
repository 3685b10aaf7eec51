using System.Net.Http;
using k8s.Models;

namespace K8sGen.MSBuild.Manifests;

/// <summary>One request an acceptance test makes: a declared path of a workload, and what it must answer.</summary>
/// <param name="Workload">The workload whose Service is called.</param>
/// <param name="Path">The path requested, as declared.</param>
/// <param name="What">What declared the path ("readiness probe", "[Route] /v1/users (Prefix)", "scrape path").</param>
/// <param name="IsProbe">A probe passes as the kubelet's does (200–399); a route or scrape path when it reaches the app (no 404, no 5xx).</param>
public sealed record SmokeCheck(string Workload, string What, string Path, bool IsProbe);

/// <summary>What a check got.</summary>
public sealed record SmokeResult(SmokeCheck Check, Uri Url, int? Status, string? Failure)
{
    public bool Passed => Failure is null;
}

/// <summary>
/// Acceptance tests derived from the declarations, for a pipeline to run after each deployment: every probe path,
/// route path and scrape path of each Deployment, requested through its Service (the URL the pipeline reaches it at,
/// e.g. with <c>kubectl port-forward svc/web 8080:80</c>). Paths on a port other than the Service's first are listed
/// as not checked, never dropped in silence.
/// </summary>
public static class SmokeTests
{
    /// <summary>The checks of each workload with a Service, from the validated objects (so exactly what the cluster got).</summary>
    /// <returns>The checks, and what could not be checked through the first Service port.</returns>
    public static (IReadOnlyList<SmokeCheck> Checks, IReadOnlyList<string> NotChecked) Derive(IReadOnlyList<ParsedWorkload> workloads)
    {
        var checks = new List<SmokeCheck>();
        var notChecked = new List<string>();
        foreach (var workload in workloads)
        {
            var name = workload.Source.Name;
            var deployment = workload.Objects.Select(PodController.Of).FirstOrDefault(c => c?.Metadata.Name == name);
            var service = workload.Objects.OfType<V1Service>().FirstOrDefault(s => s.Metadata.Name == name);
            if (deployment is null || service?.Spec.Ports is not [var first, ..])
            {
                continue; // serves no traffic: nothing to call
            }

            var container = deployment.Template.Spec.Containers.First(c => c.Name == name);
            var portName = first.TargetPort?.Value ?? first.Name;
            var containerPort = container.Ports?.FirstOrDefault(p => p.Name == portName)?.ContainerPort;
            foreach (var (kind, probe) in new[] { ("startup probe", container.StartupProbe), ("readiness probe", container.ReadinessProbe), ("liveness probe", container.LivenessProbe) })
            {
                if (probe?.HttpGet is { } get)
                {
                    Add(get.Port.Value == portName || get.Port.Value == containerPort?.ToString(System.Globalization.CultureInfo.InvariantCulture), new SmokeCheck(name, kind, get.Path ?? "/", IsProbe: true), $"port {get.Port.Value}");
                }
            }

            foreach (var ingress in workload.Objects.OfType<V1Ingress>())
            {
                foreach (var rule in ingress.Spec.Rules ?? [])
                {
                    foreach (var path in rule.Http?.Paths ?? [])
                    {
                        if (path.Backend.Service?.Name == name)
                        {
                            var port = path.Backend.Service.Port;
                            Add(port.Name == first.Name || port.Number == first.Port, new SmokeCheck(name, $"[Route] {path.Path} ({path.PathType})", path.Path ?? "/", IsProbe: false), $"Service port {port.Name ?? port.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                        }
                    }
                }
            }

            foreach (var route in workload.Objects.OfType<V1HttpRoute>())
            {
                foreach (var rule in route.Spec.Rules)
                {
                    if (rule.BackendRefs.Any(b => b.Name == name))
                    {
                        foreach (var match in rule.Matches)
                        {
                            var path = match.Path?.Value ?? "/";
                            Add(rule.BackendRefs.Any(b => b.Name == name && b.Port == first.Port), new SmokeCheck(name, $"[HttpRoute] {path} ({match.Path?.Type ?? "PathPrefix"})", path, IsProbe: false), "another Service port");
                        }
                    }
                }
            }

            var annotations = deployment.Template.Metadata.Annotations;
            if (annotations is not null && annotations.TryGetValue("prometheus.io/path", out var scrape))
            {
                annotations.TryGetValue("prometheus.io/port", out var scrapePort);
                Add(scrapePort == containerPort?.ToString(System.Globalization.CultureInfo.InvariantCulture), new SmokeCheck(name, "scrape path", scrape, IsProbe: true), "port " + scrapePort);
            }

            void Add(bool onFirstPort, SmokeCheck check, string port)
            {
                if (onFirstPort)
                {
                    // Two probes on one path are one request (so are two routes).
                    if (!checks.Any(c => c.Workload == check.Workload && c.Path == check.Path && c.IsProbe == check.IsProbe))
                    {
                        checks.Add(check);
                    }
                }
                else
                {
                    notChecked.Add($"{check.Workload}: {check.What} {check.Path} is on {port}, not on the Service's first port");
                }
            }
        }

        return (checks, notChecked);
    }

    /// <summary>Requests each check at the workload's URL; a connection failure or timeout is retried <paramref name="attempts"/> times, a wrong answer is not.</summary>
    public static async Task<IReadOnlyList<SmokeResult>> RunAsync(IReadOnlyList<SmokeCheck> checks, IReadOnlyDictionary<string, Uri> urls, HttpClient http, int attempts, TimeSpan delay, CancellationToken cancellationToken)
    {
        var results = new List<SmokeResult>();
        foreach (var check in checks)
        {
            if (!urls.TryGetValue(check.Workload, out var baseUrl))
            {
                continue;
            }

            var url = new Uri(baseUrl, check.Path);
            string? failure = null;
            int? status = null;
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    failure = check.IsProbe
                        ? status is >= 200 and < 400 ? null : $"answered {status}; Kubernetes counts only 200–399 as success"
                        : status == 404 ? "answered 404: the route reaches no endpoint of the app" : status >= 500 ? $"answered {status}" : null;
                    break;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    failure = $"no answer ({exception.Message.TrimEnd('.')})";
                    if (attempt < attempts)
                    {
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            results.Add(new SmokeResult(check, url, status, failure));
        }

        return results;
    }

    /// <summary>
    /// <c>web=http://127.0.0.1:8080 users-v1=http://…</c>, separated by spaces (MSBuild's <c>-p</c> splits a value at ';' and ','
    /// into more properties; a project file may use ';'), or one URL for a project with a single workload to check.
    /// </summary>
    public static IReadOnlyDictionary<string, Uri> Urls(string? url, string? urls, IReadOnlyList<SmokeCheck> checks, List<ManifestError> errors)
    {
        var result = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var entry in (urls ?? string.Empty).Split([' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=');
            if (equals <= 0 || Http(entry[(equals + 1)..]) is not { } parsed)
            {
                errors.Add(new ManifestError(ErrorCodes.SmokeTestFailed, $"K8sGenSmokeUrls entry '{entry}' is not <workload>=<absolute URL> (e.g. web=http://127.0.0.1:8080)."));
                continue;
            }

            result[entry[..equals]] = parsed;
        }

        var workloads = checks.Select(c => c.Workload).Distinct(StringComparer.Ordinal).ToList();
        if (url is { Length: > 0 })
        {
            if (workloads.Count != 1 || Http(url) is not { } single)
            {
                errors.Add(new ManifestError(ErrorCodes.SmokeTestFailed, workloads.Count != 1
                    ? $"K8sGenSmokeUrl names one URL, but {workloads.Count} workloads have paths to check ({string.Join(", ", workloads)}); use \"-p:K8sGenSmokeUrls=<workload>=<URL> <workload>=<URL>\"."
                    : $"K8sGenSmokeUrl '{url}' is not an absolute URL (e.g. http://127.0.0.1:8080)."));
            }
            else
            {
                result[workloads[0]] = single;
            }
        }

        // A workload without a URL, unless one given was unusable (that error says it already).
        foreach (var workload in errors.Count > 0 ? [] : workloads.Where(w => !result.ContainsKey(w)))
        {
            errors.Add(new ManifestError(ErrorCodes.SmokeTestFailed, $"workload '{workload}' has paths to check but no URL: give K8sGenSmokeUrl (one workload) or K8sGenSmokeUrls={workload}=<URL of its Service>."));
        }

        return result;
    }

    private static Uri? Http(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
