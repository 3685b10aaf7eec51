using k8s;
using k8s.Models;
using YamlDotNet.Core;

namespace K8sGen.MSBuild.Manifests;

/// <summary>A workload's documents, strictly parsed into KubernetesClient models, and where its images are written.</summary>
public sealed record ParsedWorkload(WorkloadYaml Source, IReadOnlyList<object> Objects, IReadOnlyList<ImageSite> Images);

/// <summary>
/// The task's second line of defence after the analyzer: every document is strictly re-parsed
/// (unknown fields, wrong types and unknown kinds fail), then checked across resources the way the
/// API server and controllers will use them.
/// </summary>
public static class ManifestValidator
{
    /// <summary>Kinds KubernetesClient has no model for (CRDs K8sGen writes): part of <see cref="StrictYaml.Kinds"/>, and for tests that read the output with <c>KubernetesYaml</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Type> CustomTypes = new Dictionary<string, Type>
    {
        [K8sGen.Shared.Contract.Kinds.ServiceMonitor.Key] = typeof(V1ServiceMonitor),
        [K8sGen.Shared.Contract.Kinds.HttpRoute.Key] = typeof(V1HttpRoute),
    };

    /// <summary>Every workload strictly parsed, then checked across resources.</summary>
    /// <param name="workloads">The workloads' YAML.</param>
    /// <param name="parsed">The parsed workloads (those without errors).</param>
    /// <param name="cache">The build's parses (null: parse every text).</param>
    public static IReadOnlyList<ManifestError> Validate(IReadOnlyList<WorkloadYaml> workloads, out IReadOnlyList<ParsedWorkload> parsed, ParseCache? cache = null)
    {
        var errors = new List<ManifestError>();
        var result = new List<ParsedWorkload>();
        foreach (var workload in workloads)
        {
            if (Parse(workload, errors, cache) is { } workloadParsed)
            {
                result.Add(workloadParsed);
            }
        }

        parsed = result;
        if (errors.Count == 0)
        {
            CheckAcrossResources(result, errors);
        }

        return errors;
    }

    /// <summary>Strict parsing (once per text in a build), with KubernetesClient's poor exception messages turned into located errors.</summary>
    public static ParsedWorkload? Parse(WorkloadYaml workload, List<ManifestError> errors, ParseCache? cache = null)
    {
        if (cache is not null && cache.TryGet(workload.Yaml, out var cached))
        {
            return new ParsedWorkload(workload, cached.Objects, cached.Images);
        }

        try
        {
            var objects = StrictYaml.LoadAll(workload.Yaml, out var images);
            cache?.Add(workload.Yaml, objects, images);
            return new ParsedWorkload(workload, objects, images);
        }
        catch (YamlException exception)
        {
            var detail = (exception.InnerException?.Message ?? exception.Message).TrimEnd('.');
            errors.Add(Error(ErrorCodes.InvalidDocument, workload, $"its YAML is not valid Kubernetes at line {exception.Start.Line}, column {exception.Start.Column}: {detail}"));
        }
        catch (UnknownKindException exception)
        {
            errors.Add(Error(ErrorCodes.InvalidDocument, workload, exception.ApiVersionAndKind.Length == 0
                ? "a document is empty or has no apiVersion and kind"
                : $"a document has an apiVersion/kind that K8sGen does not write ({exception.ApiVersionAndKind})"));
        }

        return null;
    }

    /// <summary>The checks the API server and controllers make between objects: unique names, selectors that select, references that resolve.</summary>
    public static void CheckAcrossResources(IReadOnlyList<ParsedWorkload> workloads, List<ManifestError> errors)
    {
        var names = new Dictionary<(string Kind, string Namespace, string Name), string>();
        foreach (var workload in workloads)
        {
            foreach (var item in workload.Objects.OfType<IKubernetesObject<V1ObjectMeta>>())
            {
                var key = (item.Kind, item.Metadata.NamespaceProperty ?? string.Empty, item.Metadata.Name);
                if (names.TryGetValue(key, out var other))
                {
                    errors.Add(Error(ErrorCodes.DuplicateName, workload.Source, $"{item.Kind} '{item.Metadata.Name}' is also written by workload '{other}'; names must be unique per kind and namespace"));
                }
                else
                {
                    names[key] = workload.Source.Name;
                }
            }
        }

        var all = new Project(workloads.SelectMany(w => w.Objects));
        foreach (var workload in workloads)
        {
            foreach (var controller in workload.Objects.Select(PodController.Of).OfType<PodController>())
            {
                if (!Selects(controller.Selector?.MatchLabels, controller.Template.Metadata?.Labels))
                {
                    errors.Add(Error(ErrorCodes.SelectorMismatch, workload.Source, $"{controller.Kind} '{controller.Metadata.Name}', spec.selector: `selector` does not match template `labels`"));
                }
            }

            foreach (var (metadata, pod) in ContainerSettings.PodTemplates(workload.Objects))
            {
                if (pod.ServiceAccountName is { } account && !all.Has("ServiceAccount", metadata, account))
                {
                    errors.Add(Error(ErrorCodes.AccountMismatch, workload.Source, $"{metadata.Name}, spec.serviceAccountName: no ServiceAccount '{account}' in this project"));
                }

                foreach (var volume in pod.Volumes ?? [])
                {
                    if (volume.PersistentVolumeClaim?.ClaimName is { } claim && !all.Has("PersistentVolumeClaim", metadata, claim))
                    {
                        errors.Add(Error(ErrorCodes.VolumeClaimMismatch, workload.Source, $"{metadata.Name}, volume '{volume.Name}': no PersistentVolumeClaim '{claim}' in this project"));
                    }
                }
            }

            foreach (var service in workload.Objects.OfType<V1Service>())
            {
                CheckService(workload.Source, service, all, errors);
            }

            foreach (var ingress in workload.Objects.OfType<V1Ingress>())
            {
                CheckIngress(workload.Source, ingress, all, errors);
            }

            foreach (var monitor in workload.Objects.OfType<V1ServiceMonitor>())
            {
                CheckServiceMonitor(workload.Source, monitor, all, errors);
            }

            foreach (var hpa in workload.Objects.OfType<V2HorizontalPodAutoscaler>())
            {
                var target = hpa.Spec.ScaleTargetRef;
                if (all.Controller(hpa.Metadata, target.Kind, target.Name) is null)
                {
                    errors.Add(Error(ErrorCodes.ScalingTargetMismatch, workload.Source, $"HorizontalPodAutoscaler '{hpa.Metadata.Name}', spec.scaleTargetRef: no {target.Kind} '{target.Name}' in this project"));
                }
            }

            foreach (var binding in workload.Objects.OfType<V1RoleBinding>())
            {
                CheckBinding(workload.Source, "RoleBinding", binding.Metadata, binding.RoleRef, binding.Subjects, all, errors);
            }

            foreach (var binding in workload.Objects.OfType<V1ClusterRoleBinding>())
            {
                CheckBinding(workload.Source, "ClusterRoleBinding", binding.Metadata, binding.RoleRef, binding.Subjects, all, errors);
            }

            foreach (var budget in workload.Objects.OfType<V1PodDisruptionBudget>())
            {
                if (!all.PodsSelectedBy(budget.Metadata, budget.Spec.Selector?.MatchLabels).Any())
                {
                    errors.Add(Error(ErrorCodes.ScalingTargetMismatch, workload.Source, $"PodDisruptionBudget '{budget.Metadata.Name}', spec.selector: selects no pods of this project"));
                }
            }
        }
    }

    /// <summary>The role a binding grants and the accounts it grants it to are the project's own.</summary>
    private static void CheckBinding(WorkloadYaml source, string kind, V1ObjectMeta metadata, V1RoleRef role, IList<Rbacv1Subject>? subjects, Project all, List<ManifestError> errors)
    {
        // A ClusterRole is cluster-scoped: looked up without a namespace, as a ClusterRoleBinding's own name is.
        var roleScope = role.Kind == "ClusterRole" ? new V1ObjectMeta() : metadata;
        if (!all.Has(role.Kind, roleScope, role.Name))
        {
            errors.Add(Error(ErrorCodes.AccountMismatch, source, $"{kind} '{metadata.Name}', roleRef: no {role.Kind} '{role.Name}' in this project"));
        }

        foreach (var subject in subjects ?? [])
        {
            var scope = subject.NamespaceProperty is { } ns ? new V1ObjectMeta { NamespaceProperty = ns } : metadata;
            if (subject.Kind == "ServiceAccount" && !all.Has("ServiceAccount", scope, subject.Name))
            {
                errors.Add(Error(ErrorCodes.AccountMismatch, source, $"{kind} '{metadata.Name}', subjects: no ServiceAccount '{subject.Name}' in this project"));
            }
        }
    }

    private static void CheckService(WorkloadYaml source, V1Service service, Project all, List<ManifestError> errors)
    {
        var pods = all.PodsSelectedBy(service.Metadata, service.Spec.Selector).ToList();
        if (pods.Count == 0)
        {
            errors.Add(Error(ErrorCodes.ServiceMismatch, source, $"Service '{service.Metadata.Name}', spec.selector: selects no pods of this project"));
            return;
        }

        var containerPorts = pods.SelectMany(d => d.Template.Spec.Containers).SelectMany(c => c.Ports ?? []).ToList();
        for (var i = 0; i < (service.Spec.Ports?.Count ?? 0); i++)
        {
            var target = service.Spec.Ports![i].TargetPort?.Value;
            var found = target is null || containerPorts.Any(p => p.Name == target || p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) == target);
            if (!found)
            {
                var known = string.Join(", ", containerPorts.Select(p => p.Name ?? p.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                errors.Add(Error(ErrorCodes.ServiceMismatch, source, $"Service '{service.Metadata.Name}', spec.ports[{i}].targetPort: '{target}' is no port of the selected containers (they have: {known})"));
            }
        }
    }

    private static void CheckIngress(WorkloadYaml source, V1Ingress ingress, Project all, List<ManifestError> errors)
    {
        var rules = ingress.Spec.Rules ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var paths = rules[r].Http?.Paths ?? [];
            for (var p = 0; p < paths.Count; p++)
            {
                var backend = paths[p].Backend?.Service;
                var field = $"spec.rules[{r}].http.paths[{p}].backend.service";
                var service = all.Service(ingress.Metadata, backend?.Name);
                if (service is null)
                {
                    errors.Add(Error(ErrorCodes.IngressBackendMismatch, source, $"Ingress '{ingress.Metadata.Name}', {field}.name: no Service '{backend?.Name}' in this project"));
                }
                else if (!(service.Spec.Ports ?? []).Any(port => port.Name == backend!.Port?.Name && backend.Port?.Name is not null || port.Port == backend!.Port?.Number))
                {
                    errors.Add(Error(ErrorCodes.IngressBackendMismatch, source, $"Ingress '{ingress.Metadata.Name}', {field}.port: Service '{service.Metadata.Name}' has no port '{backend!.Port?.Name ?? backend.Port?.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)}'"));
                }
            }
        }
    }

    private static void CheckServiceMonitor(WorkloadYaml source, V1ServiceMonitor monitor, Project all, List<ManifestError> errors)
    {
        var services = all.ServicesSelectedBy(monitor.Metadata, monitor.Spec.Selector).ToList();
        if (services.Count == 0)
        {
            errors.Add(Error(ErrorCodes.ServiceMonitorMismatch, source, $"ServiceMonitor '{monitor.Metadata.Name}', spec.selector: selects no Service of this project"));
            return;
        }

        for (var i = 0; i < monitor.Spec.Endpoints.Count; i++)
        {
            var port = monitor.Spec.Endpoints[i].Port;
            if (!services.Any(s => (s.Spec.Ports ?? []).Any(p => p.Name == port)))
            {
                errors.Add(Error(ErrorCodes.ServiceMonitorMismatch, source, $"ServiceMonitor '{monitor.Metadata.Name}', spec.endpoints[{i}].port: '{port}' is not a named port of the selected Service"));
            }
        }
    }

    /// <summary>A label selector's matchLabels all appear, with the same values, in <paramref name="labels"/>.</summary>
    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>
    /// Every matchExpressions requirement holds for <paramref name="labels"/>, with the API server's operators; an
    /// operator it does not know selects nothing (the API server rejects it).
    /// </summary>
    private static bool Holds(IList<V1LabelSelectorRequirement>? requirements, IDictionary<string, string>? labels) =>
        (requirements ?? []).All(requirement =>
        {
            string? value = null;
            var has = labels is not null && labels.TryGetValue(requirement.Key, out value);
            var listed = has && (requirement.Values ?? []).Contains(value!);
            return requirement.OperatorProperty switch
            {
                "In" => listed,
                "NotIn" => !listed,
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
        });

    private static string NamespaceOf(V1ObjectMeta meta) => meta.NamespaceProperty ?? string.Empty;

    /// <summary>
    /// The project's Deployments, StatefulSets, DaemonSets, Services and PersistentVolumeClaims, indexed by namespace and name and by each label, so a check looks
    /// up what it refers to instead of scanning every object (thousands of workloads made the scans quadratic).
    /// A selector's matches all carry its first label, so that label's list holds every candidate; order is kept.
    /// </summary>
    private sealed class Project
    {
        private readonly Dictionary<(string Namespace, string Kind, string Name), PodController> _controllers = [];
        private readonly HashSet<(string Kind, string Namespace, string Name)> _named = [];
        private readonly Dictionary<(string Namespace, string Name), V1Service> _services = [];
        private readonly Dictionary<(string Namespace, string Key, string Value), List<PodController>> _podsByLabel = [];
        private readonly Dictionary<(string Namespace, string Key, string Value), List<V1Service>> _servicesByLabel = [];

        public Project(IEnumerable<object> objects)
        {
            foreach (var item in objects)
            {
                if (PodController.Of(item) is { } controller)
                {
                    _controllers.TryAdd((NamespaceOf(controller.Metadata), controller.Kind, controller.Metadata.Name), controller);
                    Index(_podsByLabel, NamespaceOf(controller.Metadata), controller.Template.Metadata?.Labels, controller);
                    continue;
                }

                switch (item)
                {
                    case V1PersistentVolumeClaim claim:
                        _named.Add(("PersistentVolumeClaim", NamespaceOf(claim.Metadata), claim.Metadata.Name));
                        break;
                    case V1ServiceAccount account:
                        _named.Add(("ServiceAccount", NamespaceOf(account.Metadata), account.Metadata.Name));
                        break;
                    case V1Role role:
                        _named.Add(("Role", NamespaceOf(role.Metadata), role.Metadata.Name));
                        break;
                    case V1ClusterRole role:
                        _named.Add(("ClusterRole", string.Empty, role.Metadata.Name));
                        break;
                    case V1Service service:
                        _services.TryAdd((NamespaceOf(service.Metadata), service.Metadata.Name), service);
                        Index(_servicesByLabel, NamespaceOf(service.Metadata), service.Metadata.Labels, service);
                        break;
                }
            }
        }

        public PodController? Controller(V1ObjectMeta from, string? kind, string? name) =>
            kind is not null && name is not null && _controllers.TryGetValue((NamespaceOf(from), kind, name), out var found) ? found : null;

        /// <summary>Whether the project writes an object of this kind and name in <paramref name="from"/>'s namespace.</summary>
        public bool Has(string? kind, V1ObjectMeta from, string? name) => kind is not null && name is not null && _named.Contains((kind, NamespaceOf(from), name));

        public V1Service? Service(V1ObjectMeta from, string? name) => name is not null && _services.TryGetValue((NamespaceOf(from), name), out var found) ? found : null;

        /// <summary>The controllers in <paramref name="from"/>'s namespace whose pods the selector selects.</summary>
        public IEnumerable<PodController> PodsSelectedBy(V1ObjectMeta from, IDictionary<string, string>? selector) =>
            Candidates(_podsByLabel, from, selector).Where(d => Selects(selector, d.Template.Metadata?.Labels));

        /// <summary>The Services in <paramref name="from"/>'s namespace whose labels the selector (labels and expressions) selects.</summary>
        public IEnumerable<V1Service> ServicesSelectedBy(V1ObjectMeta from, V1LabelSelector selector) =>
            Candidates(_servicesByLabel, from, selector.MatchLabels)
                .Where(s => Selects(selector.MatchLabels, s.Metadata.Labels) && Holds(selector.MatchExpressions, s.Metadata.Labels));

        private static IEnumerable<T> Candidates<T>(Dictionary<(string, string, string), List<T>> index, V1ObjectMeta from, IDictionary<string, string>? selector)
        {
            if (selector is not { Count: > 0 })
            {
                return [];
            }

            var first = selector.First();
            return index.TryGetValue((NamespaceOf(from), first.Key, first.Value), out var list) ? list : [];
        }

        private static void Index<T>(Dictionary<(string, string, string), List<T>> index, string ns, IDictionary<string, string>? labels, T item)
        {
            foreach (var label in labels ?? new Dictionary<string, string>())
            {
                if (!index.TryGetValue((ns, label.Key, label.Value), out var list))
                {
                    index[(ns, label.Key, label.Value)] = list = [];
                }

                list.Add(item);
            }
        }
    }

    private static ManifestError Error(string code, WorkloadYaml workload, string detail) =>
        new(code, $"workload '{workload.Name}': {detail}.", workload.SourceFile);
}
