using k8s.Models;

namespace K8sGen.MSBuild.Manifests;

/// <summary>What the project's container image must agree with: the ports, labels and listen settings its workloads declare.</summary>
/// <param name="Ports">TCP ports of the containers that run the project's own image.</param>
/// <param name="Labels">Image labels: app.kubernetes.io/* shared by the workloads, and OCI title/version.</param>
/// <param name="Environment">
/// Variables the image must carry so that the app alone (<c>docker run</c>, <c>podman run</c>) listens where the
/// manifests say: <c>ASPNETCORE_HTTP_PORTS</c> when the workloads of the image agree on it (the base image's own
/// value, 8080, would win otherwise).
/// </param>
public sealed record ContainerSettings(IReadOnlyList<int> Ports, IReadOnlyList<KeyValuePair<string, string>> Labels, IReadOnlyList<KeyValuePair<string, string>> Environment)
{
    /// <summary>The user the manifests promise (<c>runAsUser</c>), the .NET images' <c>app</c> user.</summary>
    public static readonly string User = K8sGen.Shared.Contract.AppUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ContainerSettings From(EmbeddedManifests embedded, List<ManifestError> errors, ParseCache? cache = null)
    {
        var ports = new SortedSet<int>();
        var labels = new List<IDictionary<string, string>>();
        var httpPorts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var workload in embedded.Workloads)
        {
            foreach (var (metadata, pod) in PodTemplates(ManifestValidator.Parse(workload, errors, cache)?.Objects ?? []))
            {
                var containers = pod.Containers.Where(c => c.Image == embedded.DefaultImage).ToList();
                if (containers.Count > 0)
                {
                    labels.Add(metadata.Labels ?? new Dictionary<string, string>());
                }

                foreach (var port in containers.SelectMany(c => c.Ports ?? []))
                {
                    ports.Add(port.ContainerPort);
                }

                foreach (var variable in containers.SelectMany(c => c.Env ?? []).Where(e => e.Name == KestrelVariables.HttpPorts && e.Value is not null))
                {
                    httpPorts.Add(variable.Value);
                }
            }
        }

        // Labels every workload of the image agrees on (one project, one image, possibly several workloads).
        var common = labels.Count == 0
            ? []
            : labels[0].Where(pair => pair.Key.StartsWith("app.kubernetes.io/", StringComparison.Ordinal) && labels.All(l => l.TryGetValue(pair.Key, out var v) && v == pair.Value))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .ToList();
        var oci = new List<KeyValuePair<string, string>>();
        if (common.FirstOrDefault(p => p.Key == "app.kubernetes.io/name") is { Value: { } title })
        {
            oci.Add(new("org.opencontainers.image.title", title));
        }

        if (common.FirstOrDefault(p => p.Key == "app.kubernetes.io/version") is { Value: { } version })
        {
            oci.Add(new("org.opencontainers.image.version", version));
        }

        List<KeyValuePair<string, string>> environment = httpPorts.Count == 1 ? [new(KestrelVariables.HttpPorts, httpPorts.Min!)] : [];
        return new ContainerSettings([.. ports], [.. common, .. oci], environment);
    }

    /// <summary>The workload objects' own metadata and pod specs: Deployments, StatefulSets, DaemonSets, Jobs and CronJobs.</summary>
    internal static IEnumerable<(V1ObjectMeta Metadata, V1PodSpec Pod)> PodTemplates(IEnumerable<object> objects)
    {
        foreach (var item in objects)
        {
            if (PodController.Of(item) is { } controller)
            {
                yield return (controller.Metadata, controller.Template.Spec);
                continue;
            }

            switch (item)
            {
                case V1Job job:
                    yield return (job.Metadata, job.Spec.Template.Spec);
                    break;
                case V1CronJob cronJob:
                    yield return (cronJob.Metadata, cronJob.Spec.JobTemplate.Spec.Template.Spec);
                    break;
            }
        }
    }
}
