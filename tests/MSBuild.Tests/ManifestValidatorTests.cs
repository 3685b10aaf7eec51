using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>The task's own checks, on YAML the generator would never write (hand edits, future bugs).</summary>
public class ManifestValidatorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
        spec:
          selector:
            matchLabels:
              app: orders
          template:
            metadata:
              labels:
                app: orders
            spec:
              containers:
              - name: orders
                image: shop/orders:1
                ports:
                - name: http
                  containerPort: 8080

        """;

    private const string Service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: orders
          labels:
            app: orders
        spec:
          selector:
            app: orders
          ports:
          - name: http
            port: 80
            targetPort: http

        """;

    [Fact]
    public void The_task_parses_exactly_the_kinds_of_the_contract()
    {
        Assert.Equal(
            K8sGen.Shared.Contract.Kinds.All.Select(k => k.Key).Order(StringComparer.Ordinal),
            StrictYaml.Kinds.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_documents_pass()
    {
        var errors = Validate(Deployment + "---\n" + Service);
        Assert.Empty(errors);
    }

    [Fact]
    public void An_unknown_field_is_KSG2002_with_its_position()
    {
        var error = Assert.Single(Validate(Deployment.Replace("  selector:", "  replicaz: 3\n  selector:")));
        Assert.Equal("KSG2002", error.Code);
        Assert.StartsWith("workload 'orders': its YAML is not valid Kubernetes at line 6, column 3: Property 'replicaz' not found on type 'k8s.Models.V1DeploymentSpec'", error.Message);
        Assert.Equal("Orders.cs", error.File);
    }

    [Fact]
    public void An_unknown_kind_is_KSG2002_not_a_KeyNotFoundException()
    {
        var error = Assert.Single(Validate("apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: x\n"));
        Assert.Equal("KSG2002", error.Code);
        Assert.Equal("workload 'orders': a document has an apiVersion/kind that K8sGen does not write (v1/Frobnicator).", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("metadata:\n  name: x\n")]
    public void An_empty_document_or_one_without_a_kind_is_KSG2002(string document)
    {
        var error = Assert.Single(Validate(Deployment + "---\n" + document));
        Assert.Equal("KSG2002", error.Code);
        Assert.Equal("workload 'orders': a document is empty or has no apiVersion and kind.", error.Message);
    }

    [Fact]
    public void A_duplicate_key_is_KSG2002()
    {
        var error = Assert.Single(Validate(Deployment.Replace("  name: orders\nspec:", "  name: orders\n  name: again\nspec:")));
        Assert.Equal("KSG2002", error.Code);
        // At the second "name", the duplicate itself.
        Assert.Equal("workload 'orders': its YAML is not valid Kubernetes at line 5, column 3: Encountered duplicate key name.", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_KSG2002()
    {
        var error = Assert.Single(Validate(Deployment.Replace("containerPort: 8080", "containerPort: http")));
        Assert.Equal("KSG2002", error.Code);
        Assert.Equal("workload 'orders': its YAML is not valid Kubernetes at line 19, column 26: The input string 'http' was not in a correct format.", error.Message);
    }

    [Fact]
    public void A_value_that_is_exactly_the_merge_key_reads_as_text()
    {
        // YamlDotNet's MergingParser (KubernetesYaml's) rejects any "<<" scalar; the API server reads text.
        var yaml = Deployment.Replace("  name: orders\nspec:", "  name: orders\n  annotations:\n    note: \"<<\"\nspec:");

        Assert.Empty(Validate(yaml));
        Assert.Equal("<<", ((k8s.Models.V1Deployment)StrictYaml.LoadAll(yaml)[0]).Metadata.Annotations["note"]);
    }

    [Fact]
    public void Reads_what_kubernetes_client_reads_to_the_same_objects()
    {
        // KubernetesYaml as the independent reader: same models, same JSON, for every kind K8sGen writes.
        var directory = TestAssemblies.TempDirectory();
        var assembly = TestAssemblies.Build(directory, """
            [Deployment] [Port(8080)] [Port(9090, Name = "metrics")] [Route("/orders", Host = "shop.example", TlsSecret = "tls")]
            [Scrape(Port = "metrics", ServiceMonitor = true)] [Resources(CpuRequest = "100m", MemoryLimit = "256Mi")]
            [Autoscale(Min = 2, Max = 5, CpuUtilization = 70)] [DisruptionBudget(MinAvailable = "50%")]
            [HttpRoute("/orders", Gateway = "shop")] [DependsOn("users")] [NetworkPolicy]
            [Sidecar("proxy", "envoyproxy/envoy:v1.31.0", Ports = new[] { 9901 })]
            public class OrdersService { }
            [CronJob("0 3 * * *", TimeZone = "Etc/UTC")] public class NightlyReport { }
            [Job(BackoffLimit = 2)] public class Migrate { }
            [StatefulSet(Replicas = 3)] [Port(9000)] [VolumeClaim("data", "/data", Size = "2Gi")] [DisruptionBudget(MaxUnavailable = "1")] [Scrape(ServiceMonitor = true)] public class Ledger { }
            [DaemonSet] [Toleration] [Volume("buffer", "/buffer")] [SecretMount("agent-key", "/etc/agent")] public class NodeAgent { }
            [Deployment] [PersistentVolume("uploads", "/uploads")] [ConfigMapMount("flags", "/etc/flags")] public class Uploads { }
            [Deployment(Namespace = "ops")] [Rbac("pods", "list")] [Rbac("nodes", "get", ClusterWide = true)] [ConfigMap("ops-flags")] [ConfigMapEntry("ops-flags", "Mode", "safe")] public class Operator { }
            """);
        var yaml = string.Join("---\n", EmbeddedManifests.Read(assembly).Workloads.Select(w => w.Yaml));
        Directory.Delete(directory, recursive: true);

        var ours = StrictYaml.LoadAll(yaml);
        var theirs = k8s.KubernetesYaml.LoadAllFromString(yaml, new Dictionary<string, Type>(ManifestValidator.CustomTypes), strict: true);

        Assert.Equal(StrictYaml.Kinds.Count, ours.Select(o => o.GetType()).Distinct().Count());
        Assert.Equal(theirs.Select(o => k8s.KubernetesJson.Serialize(o)), ours.Select(o => k8s.KubernetesJson.Serialize(o)));
    }

    [Fact]
    public void A_selector_that_misses_the_template_labels_is_KSG2003()
    {
        var error = Assert.Single(Validate(Deployment.Replace("labels:\n        app: orders", "labels:\n        app: other")));
        Assert.Equal("KSG2003", error.Code);
        Assert.Equal("workload 'orders': Deployment 'orders', spec.selector: `selector` does not match template `labels`.", error.Message);
    }

    [Fact]
    public void A_service_target_port_missing_on_the_container_is_KSG2004()
    {
        var error = Assert.Single(Validate(Deployment + "---\n" + Service.Replace("targetPort: http", "targetPort: web")));
        Assert.Equal("KSG2004", error.Code);
        Assert.Equal("workload 'orders': Service 'orders', spec.ports[0].targetPort: 'web' is no port of the selected containers (they have: http).", error.Message);
    }

    [Fact]
    public void A_service_that_selects_no_pods_is_KSG2004()
    {
        var error = Assert.Single(Validate(Deployment + "---\n" + Service.Replace("    app: orders\n  ports", "    app: nothing\n  ports")));
        Assert.Equal("KSG2004", error.Code);
        Assert.Equal("workload 'orders': Service 'orders', spec.selector: selects no pods of this project.", error.Message);
    }

    [Fact]
    public void An_ingress_backend_without_service_or_port_is_KSG2005()
    {
        const string ingress = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: orders
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: orders
                        port:
                          name: grpc
                  - path: /b
                    pathType: Prefix
                    backend:
                      service:
                        name: billing
                        port:
                          name: http

            """;
        var errors = Validate(Deployment + "---\n" + Service + "---\n" + ingress);

        Assert.Equal(
            [
                "KSG2005: workload 'orders': Ingress 'orders', spec.rules[0].http.paths[0].backend.service.port: Service 'orders' has no port 'grpc'.",
                "KSG2005: workload 'orders': Ingress 'orders', spec.rules[0].http.paths[1].backend.service.name: no Service 'billing' in this project.",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Two_workloads_writing_one_name_is_KSG2006()
    {
        var errors = ManifestValidator.Validate([new WorkloadYaml("a", Deployment, null), new WorkloadYaml("b", Deployment, null)], out _);
        var error = Assert.Single(errors);
        Assert.Equal("KSG2006: workload 'b': Deployment 'orders' is also written by workload 'a'; names must be unique per kind and namespace.", error.ToString());
    }

    [Fact]
    public void Many_workloads_give_their_errors_and_results_in_workload_order()
    {
        // Every third workload is broken, each in its own way.
        var workloads = Enumerable.Range(0, 40).Select(i =>
        {
            var name = $"w{i:00}";
            var yaml = Deployment.Replace("orders", name);
            return new WorkloadYaml(name, i % 3 == 1 ? yaml.Replace("  selector:", $"  replicaz{i}: 3\n  selector:") : yaml, null);
        }).ToList();

        var errors = ManifestValidator.Validate(workloads, out var parsed);

        var broken = Enumerable.Range(0, 40).Where(i => i % 3 == 1).ToList();
        Assert.Equal(broken.Select(i => $"workload 'w{i:00}'"), errors.Select(e => e.Message[..e.Message.IndexOf(':')]));
        Assert.All(errors.Zip(broken), pair => Assert.Contains($"Property 'replicaz{pair.Second}' not found", pair.First.Message));
        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 != 1).Select(i => $"w{i:00}"), parsed.Select(p => p.Source.Name));
        Assert.All(parsed, p => Assert.Equal(p.Source.Name, Assert.IsType<k8s.Models.V1Deployment>(Assert.Single(p.Objects)).Metadata.Name));
    }

    [Fact]
    public void Two_workloads_declaring_one_config_map_pass_the_task_each_with_its_own_copy()
    {
        var directory = TestAssemblies.TempDirectory();
        var assembly = TestAssemblies.Build(directory, """
            [Deployment] [ConfigMap("flags")] [ConfigMapEntry("flags", "Mode", "on")] public class Orders { }
            [Deployment] [ConfigMap("flags")] [ConfigMapEntry("flags", "Mode", "on")] public class Users { }
            """);
        var workloads = EmbeddedManifests.Read(assembly).Workloads;
        Directory.Delete(directory, recursive: true);

        Assert.Empty(ManifestValidator.Validate(workloads, out _));
        var names = workloads.SelectMany(w => StrictYaml.LoadAll(w.Yaml).OfType<k8s.Models.V1ConfigMap>()).Select(m => m.Metadata.Name).ToList();
        Assert.Equal(2, names.Distinct().Count());
    }

    /// <summary>A ServiceMonitor selecting <c>app: orders</c> (and <paramref name="selector"/>, more of spec.selector) on <paramref name="port"/>.</summary>
    private static string Monitor(string port, string selector = "") => $"""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: orders
        spec:
          selector:
            matchLabels:
              app: orders{selector}
          endpoints:
          - port: {port}

        """;

    [Fact]
    public void A_service_monitor_port_that_is_not_a_named_service_port_is_KSG2008()
    {
        var error = Assert.Single(Validate(Deployment + "---\n" + Service + "---\n" + Monitor("metrics")));
        Assert.Equal("KSG2008: workload 'orders': ServiceMonitor 'orders', spec.endpoints[0].port: 'metrics' is not a named port of the selected Service.", error.ToString());
    }

    [Theory]
    [InlineData("{ key: k8sgen.io/headless, operator: DoesNotExist }", true)]
    [InlineData("{ key: app, operator: In, values: [orders, users] }", true)]
    [InlineData("{ key: app, operator: NotIn, values: [users] }", true)]
    [InlineData("{ key: app, operator: Exists }", true)]
    [InlineData("{ key: tier, operator: Exists }", false)]
    [InlineData("{ key: app, operator: NotIn, values: [orders] }", false)]
    [InlineData("{ key: app, operator: In, values: [users] }", false)]
    [InlineData("{ key: app, operator: Equals, values: [orders] }", false)]
    public void A_service_monitors_match_expressions_count_when_it_selects_services(string expression, bool selects)
    {
        var errors = Validate(Deployment + "---\n" + Service + "---\n" + Monitor("http", "\n    matchExpressions:\n    - " + expression));
        if (selects)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal("KSG2008: workload 'orders': ServiceMonitor 'orders', spec.selector: selects no Service of this project.", Assert.Single(errors).ToString());
        }
    }

    [Fact]
    public void Services_autoscalers_and_budgets_find_the_pods_of_a_stateful_set()
    {
        var statefulSet = Deployment.Replace("kind: Deployment", "kind: StatefulSet");
        const string others = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: orders
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: StatefulSet
                name: orders
              maxReplicas: 3
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: orders
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: orders

            """;

        Assert.Empty(Validate(statefulSet + "---\n" + Service + "---\n" + others));
        // The kind is part of the target: a Deployment of that name is not the StatefulSet the autoscaler scales.
        var error = Assert.Single(Validate(Deployment + "---\n" + others));
        Assert.Equal("KSG2013", error.Code);
        Assert.Equal("workload 'orders': HorizontalPodAutoscaler 'orders', spec.scaleTargetRef: no StatefulSet 'orders' in this project.", error.Message);
    }

    [Fact]
    public void A_pod_volume_whose_claim_is_not_in_the_project_is_KSG2016()
    {
        const string volume = """
                  volumes:
                  - name: uploads
                    persistentVolumeClaim:
                      claimName: orders-uploads

            """;
        const string claim = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: orders-uploads
            spec:
              accessModes:
              - ReadWriteOnce
              resources:
                requests:
                  storage: 1Gi

            """;
        var withVolume = Deployment + volume;

        Assert.Empty(Validate(withVolume + "---\n" + claim));
        var error = Assert.Single(Validate(withVolume));
        Assert.Equal("KSG2016", error.Code);
        Assert.Equal("workload 'orders': orders, volume 'uploads': no PersistentVolumeClaim 'orders-uploads' in this project.", error.Message);
    }

    [Fact]
    public void An_account_or_role_that_is_not_in_the_project_is_KSG2017()
    {
        const string rbac = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: orders
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: orders
            rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [list]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: orders
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: orders
            subjects:
            - kind: ServiceAccount
              name: orders

            """;
        var withAccount = Deployment.Replace("      containers:", "      serviceAccountName: orders\n      containers:", StringComparison.Ordinal);

        Assert.Empty(Validate(withAccount + "---\n" + rbac));
        var errors = Validate(withAccount + "---\n" + rbac.Replace("kind: ServiceAccount\nmetadata:\n  name: orders", "kind: ServiceAccount\nmetadata:\n  name: other", StringComparison.Ordinal).Replace("  kind: Role\n  name: orders", "  kind: Role\n  name: reader", StringComparison.Ordinal));
        Assert.Equal(
            [
                "workload 'orders': orders, spec.serviceAccountName: no ServiceAccount 'orders' in this project.",
                "workload 'orders': RoleBinding 'orders', roleRef: no Role 'reader' in this project.",
                "workload 'orders': RoleBinding 'orders', subjects: no ServiceAccount 'orders' in this project.",
            ],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal("KSG2017", e.Code));
    }

    [Fact]
    public void An_autoscaler_or_disruption_budget_that_targets_nothing_is_KSG2013()
    {
        const string others = """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: orders
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: billing
              maxReplicas: 3
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: orders
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app: billing

            """;
        var errors = Validate(Deployment + "---\n" + others);

        Assert.Equal(
            [
                "KSG2013: workload 'orders': HorizontalPodAutoscaler 'orders', spec.scaleTargetRef: no Deployment 'billing' in this project.",
                "KSG2013: workload 'orders': PodDisruptionBudget 'orders', spec.selector: selects no pods of this project.",
            ],
            errors.Select(e => e.ToString()));
    }

    private static IReadOnlyList<ManifestError> Validate(string yaml) =>
        ManifestValidator.Validate([new WorkloadYaml("orders", yaml, "Orders.cs")], out _);
}
