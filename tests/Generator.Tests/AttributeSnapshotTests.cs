using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.Generator.Tests;

/// <summary>The YAML of each attribute, snapshotted in _snapshots/ and strictly re-parsed.</summary>
public class AttributeSnapshotTests
{
    [Fact]
    public void Deployment_with_defaults_only()
    {
        var yaml = Generate("""
            [Deployment]
            public sealed class OrdersService { }
            """);

        Snapshot.Match(yaml, "deployment-defaults");
        var deployment = Assert.IsType<V1Deployment>(Assert.Single(KubernetesParsing.LoadStrict(yaml)));
        Assert.Equal("orders", deployment.Metadata.Name);
        Assert.Equal(1, deployment.Spec.Replicas);
    }

    [Fact]
    public void Deployment_with_every_setting()
    {
        var yaml = Generate("""
            [Deployment(Name = "users-v1", Replicas = 3, Namespace = "shop", MaxSurge = "1", MaxUnavailable = "10%", Image = "registry.example:5000/shop/users:1.2.3")]
            public sealed class Anything { }
            """);

        Snapshot.Match(yaml, "deployment-all-settings");
        var deployment = Assert.IsType<V1Deployment>(Assert.Single(KubernetesParsing.LoadStrict(yaml)));
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.Equal("shop", deployment.Metadata.NamespaceProperty);
        Assert.Equal("1", deployment.Spec.Strategy.RollingUpdate.MaxSurge.Value);
        Assert.Equal("10%", deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("registry.example:5000/shop/users:1.2.3", deployment.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public void Ports_make_a_service()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Port(9090, Name = "metrics")]
            [Port(5000, ServicePort = 5001)]
            public sealed class UsersV1Service { }
            """);

        Snapshot.Match(yaml, "ports");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var service = Assert.IsType<V1Service>(objects[1]);
        Assert.Equal(["http:80->http", "metrics:9090->metrics", "port-5000:5001->port-5000"], service.Spec.Ports.Select(p => $"{p.Name}:{p.Port}->{p.TargetPort.Value}"));
        var container = Assert.IsType<V1Deployment>(objects[0]).Spec.Template.Spec.Containers[0];
        Assert.Equal(["http:8080", "metrics:9090", "port-5000:5000"], container.Ports.Select(p => $"{p.Name}:{p.ContainerPort}"));
    }

    [Fact]
    public void Routes_make_one_ingress_grouped_by_host()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Port(9000, Name = "admin")]
            [Route("/v1/users", Host = "api.shop.example", IngressClass = "nginx", TlsSecret = "api-tls")]
            [Route("/v1/users/search", Host = "api.shop.example", PathType = PathType.Exact)]
            [Route("/admin", Host = "admin.shop.example", Port = "admin")]
            [Route("/")]
            public sealed class UsersV1Service { }
            """);

        Snapshot.Match(yaml, "routes");
        var ingress = Assert.IsType<V1Ingress>(KubernetesParsing.LoadStrict(yaml)[2]);
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        Assert.Equal(["admin.shop.example", "api.shop.example", null], ingress.Spec.Rules.Select(r => r.Host));
        Assert.Equal(["api.shop.example"], ingress.Spec.Tls.Single().Hosts);
        Assert.Equal("admin", ingress.Spec.Rules[0].Http.Paths[0].Backend.Service.Port.Name);
    }

    [Fact]
    public void Tls_entries_are_one_per_secret_with_their_hosts_distinct_and_sorted_and_rules_keep_each_hosts_paths_in_declaration_order()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Route("/a", Host = "z.shop.example", TlsSecret = "b-tls")]
            [Route("/b", Host = "a.shop.example", TlsSecret = "b-tls")]
            [Route("/e", Host = "m.shop.example", TlsSecret = "a-tls")]
            [Route("/d", TlsSecret = "c-tls")]
            [Route("/c", Host = "a.shop.example", TlsSecret = "b-tls")]
            [Route("/f", Host = "q.shop.example")]
            [Route("/g", Host = "a.shop.example", PathType = PathType.Exact)]
            public sealed class ShopService { }
            """);

        var ingress = Assert.IsType<V1Ingress>(KubernetesParsing.LoadStrict(yaml)[2]);
        Assert.Equal(["a-tls: m.shop.example", "b-tls: a.shop.example z.shop.example", "c-tls: "], ingress.Spec.Tls.Select(t => t.SecretName + ": " + string.Join(" ", t.Hosts ?? [])));
        Assert.Null(ingress.Spec.Tls[2].Hosts); // a secret for any host lists no hosts, rather than an empty list
        Assert.Equal(
            ["a.shop.example: /b /c /g", "m.shop.example: /e", "q.shop.example: /f", "z.shop.example: /a", ": /d"],
            ingress.Spec.Rules.Select(r => r.Host + ": " + string.Join(" ", r.Http.Paths.Select(p => p.Path))));
    }

    [Fact]
    public void Scrape_adds_pod_annotations()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Scrape]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "scrape-annotations");
        var pod = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Metadata;
        Assert.Equal("true", pod.Annotations["prometheus.io/scrape"]);
        Assert.Equal("8080", pod.Annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", pod.Annotations["prometheus.io/path"]);
    }

    [Fact]
    public void Scrape_with_service_monitor()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Port(9100, Name = "metrics")]
            [Scrape(Port = "metrics", Path = "/prometheus", Interval = "15s", ServiceMonitor = true)]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "scrape-servicemonitor");
        var monitor = Assert.IsType<V1ServiceMonitor>(KubernetesParsing.LoadStrict(yaml)[2]);
        Assert.Equal("metrics", monitor.Spec.Endpoints.Single().Port);
        Assert.Equal("15s", monitor.Spec.Endpoints.Single().Interval);
    }

    [Fact]
    public void Probes()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Port(8081, Name = "health")]
            [Startup("/started", FailureThreshold = 30, PeriodSeconds = 2)]
            [Liveness("/healthz", Port = "health", InitialDelaySeconds = 5, TimeoutSeconds = 2)]
            [Readiness("/ready")]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "probes");
        var container = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec.Containers[0];
        Assert.Equal("health", container.LivenessProbe.HttpGet.Port.Value);
        Assert.Equal(30, container.StartupProbe.FailureThreshold);
        Assert.Equal("/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.Null(container.ReadinessProbe.PeriodSeconds);
    }

    [Fact]
    public void Resources()
    {
        var yaml = Generate("""
            [Deployment]
            [Resources(CpuRequest = "100m", MemoryRequest = "128Mi", CpuLimit = "0.5", MemoryLimit = "256Mi")]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "resources");
        var resources = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec.Containers[0].Resources;
        Assert.Equal("100m", resources.Requests["cpu"].ToString());
        Assert.Equal("256Mi", resources.Limits["memory"].ToString());
    }

    [Fact]
    public void Environment_variables_keep_declaration_order()
    {
        var yaml = Generate("""
            [Deployment]
            [Env("LOG_LEVEL", "info")]
            [EnvFromSecret("DB_PASSWORD", Secret = "db", Key = "password")]
            [EnvFromConfigMap("FEATURE_FLAGS", ConfigMap = "flags", Key = "all")]
            [Env("DEBUG", "no")]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "env");
        var env = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec.Containers[0].Env;
        Assert.Equal(["LOG_LEVEL", "DB_PASSWORD", "FEATURE_FLAGS", "DEBUG"], env.Select(e => e.Name));
        Assert.Equal("no", env[3].Value);
        Assert.Equal("password", env[1].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("flags", env[2].ValueFrom.ConfigMapKeyRef.Name);
    }

    [Fact]
    public void Labels_and_annotations_on_every_object_and_the_pods()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Label("team", "payments")]
            [Label("shop.example/tier", "backend")]
            [Annotation("owner", "payments@shop.example")]
            [Annotation("shop.example/notes", "yes: really # not a comment")]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "labels-annotations");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var deployment = Assert.IsType<V1Deployment>(objects[0]);
        var service = Assert.IsType<V1Service>(objects[1]);
        foreach (var metadata in new[] { deployment.Metadata, deployment.Spec.Template.Metadata, service.Metadata })
        {
            Assert.Equal("payments", metadata.Labels["team"]);
            Assert.Equal("yes: really # not a comment", metadata.Annotations["shop.example/notes"]);
        }

        Assert.DoesNotContain("team", deployment.Spec.Selector.MatchLabels.Keys);
    }

    private static string Generate(string body) =>
        GeneratorHarness.Run("using K8sGen;\n\n" + body, TestProperties.Default).SingleManifest();
}

/// <summary>Snapshots of the attributes for the rest of a service's life (issue 5).</summary>
public class LifecycleSnapshotTests
{
    [Fact]
    public void Autoscale_makes_an_hpa_and_drops_fixed_replicas()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Resources(CpuRequest = "100m", MemoryRequest = "128Mi")]
            [Autoscale(Min = 2, Max = 10, CpuUtilization = 70, MemoryUtilization = 80)]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "autoscale");
        var objects = KubernetesParsing.LoadStrict(yaml);
        Assert.Null(Assert.IsType<k8s.Models.V1Deployment>(objects[0]).Spec.Replicas);
        var hpa = Assert.IsType<k8s.Models.V2HorizontalPodAutoscaler>(objects[2]);
        Assert.Equal(("Deployment", "web", 2, 10), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name, hpa.Spec.MinReplicas, hpa.Spec.MaxReplicas));
        Assert.Equal([("cpu", 70), ("memory", 80)], hpa.Spec.Metrics.Select(m => (m.Resource.Name, m.Resource.Target.AverageUtilization ?? 0)));
    }

    [Fact]
    public void Disruption_budget_selects_the_pods()
    {
        var yaml = Generate("""
            [Deployment(Replicas = 3)]
            [DisruptionBudget(MinAvailable = "50%")]
            public sealed class UsersV1Service { }
            """);

        Snapshot.Match(yaml, "disruption-budget");
        var pdb = Assert.IsType<k8s.Models.V1PodDisruptionBudget>(KubernetesParsing.LoadStrict(yaml)[1]);
        Assert.Equal("50%", pdb.Spec.MinAvailable.Value);
        Assert.Equal("users-v1", pdb.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void Autoscale_and_disruption_budget_together()
    {
        var yaml = Generate("""
            [Deployment]
            [Resources(CpuRequest = "100m")]
            [Autoscale(Min = 3, Max = 6, CpuUtilization = 60)]
            [DisruptionBudget(MaxUnavailable = "1")]
            public sealed class WebService { }
            """);

        Assert.Equal(["Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget"], KubernetesParsing.LoadStrict(yaml).Cast<k8s.IKubernetesObject>().Select(o => o.Kind));
        Assert.Contains("  maxUnavailable: 1\n", yaml);
    }

    [Fact]
    public void Http_routes_group_by_gateway_and_hostname()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [Port(9000, Name = "admin", ServicePort = 9000)]
            [HttpRoute("/v1/users", Gateway = "shop-gateway", GatewayNamespace = "infra", Hostname = "api.shop.example")]
            [HttpRoute("/v1/users/search", Gateway = "shop-gateway", GatewayNamespace = "infra", Hostname = "api.shop.example", PathType = PathType.Exact)]
            [HttpRoute("/admin", Gateway = "internal", Port = "admin")]
            public sealed class UsersV1Service { }
            """);

        Snapshot.Match(yaml, "http-routes");
        var routes = KubernetesParsing.LoadStrict(yaml).OfType<V1HttpRoute>().ToList();
        Assert.Equal(["users-v1", "users-v1-2"], routes.Select(r => r.Metadata.Name));
        Assert.Equal(("internal", null), (routes[0].Spec.ParentRefs[0].Name, routes[0].Spec.Hostnames));
        Assert.Equal(9000, routes[0].Spec.Rules[0].BackendRefs[0].Port);
        Assert.Equal(["PathPrefix", "Exact"], routes[1].Spec.Rules.Select(r => r.Matches[0].Path!.Type));
        Assert.Equal(80, routes[1].Spec.Rules[0].BackendRefs[0].Port);
    }

    [Fact]
    public void Sidecars_and_init_containers_are_secure_init_containers_in_declaration_order()
    {
        var yaml = Generate("""
            [Deployment]
            [Port(8080)]
            [InitContainer("migrate", "shop/migrator:1.0", Args = new[] { "--apply", "yes" }, MemoryLimit = "64Mi")]
            [Sidecar("envoy", "envoyproxy/envoy:v1.31.0", Ports = new[] { 9901, 10000 }, CpuRequest = "50m", CpuLimit = "200m")]
            public sealed class WebService { }
            """);

        Snapshot.Match(yaml, "sidecar-init-container");
        var pod = Assert.IsType<k8s.Models.V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec;
        Assert.Equal(["migrate", "envoy"], pod.InitContainers.Select(c => c.Name));
        Assert.Null(pod.InitContainers[0].RestartPolicy);
        Assert.Equal("Always", pod.InitContainers[1].RestartPolicy);
        Assert.Equal(["--apply", "yes"], pod.InitContainers[0].Args);
        Assert.Equal([9901, 10000], pod.InitContainers[1].Ports.Select(p => p.ContainerPort));
        Assert.All(pod.InitContainers, c =>
        {
            Assert.True(c.SecurityContext.ReadOnlyRootFilesystem);
            Assert.Equal(["ALL"], c.SecurityContext.Capabilities.Drop);
            Assert.Equal("/tmp", c.VolumeMounts.Single().MountPath);
        });
    }

    [Fact]
    public void CronJob_runs_the_project_image_on_a_schedule()
    {
        var yaml = Generate("""
            [CronJob("0 3 * * *", TimeZone = "Europe/Berlin", ConcurrencyPolicy = ConcurrencyPolicy.Forbid, SuccessfulJobsHistoryLimit = 5, Args = new[] { "--nightly" })]
            [Resources(CpuRequest = "200m", MemoryLimit = "512Mi")]
            [Env("REPORT_BUCKET", "reports")]
            public sealed class ReportsJob { }
            """);

        Snapshot.Match(yaml, "cronjob");
        var cronJob = Assert.IsType<k8s.Models.V1CronJob>(Assert.Single(KubernetesParsing.LoadStrict(yaml)));
        Assert.Equal(("reports-job", "0 3 * * *", "Europe/Berlin", "Forbid", 5), (cronJob.Metadata.Name, cronJob.Spec.Schedule, cronJob.Spec.TimeZone, cronJob.Spec.ConcurrencyPolicy, cronJob.Spec.SuccessfulJobsHistoryLimit ?? 0));
        var pod = cronJob.Spec.JobTemplate.Spec.Template.Spec;
        Assert.Equal("OnFailure", pod.RestartPolicy);
        Assert.Equal(["--nightly"], pod.Containers[0].Args);
        Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void Job_runs_to_completion()
    {
        var yaml = Generate("""
            [Job(BackoffLimit = 2, ActiveDeadlineSeconds = 600, TtlSecondsAfterFinished = 3600)]
            [InitContainer("wait", "busybox:1.36", Args = new[] { "sleep", "1" })]
            public sealed class Reindex { }
            """);

        Snapshot.Match(yaml, "job");
        var job = Assert.IsType<k8s.Models.V1Job>(Assert.Single(KubernetesParsing.LoadStrict(yaml)));
        Assert.Equal((2, 600L, 3600), (job.Spec.BackoffLimit ?? 0, job.Spec.ActiveDeadlineSeconds ?? 0, job.Spec.TtlSecondsAfterFinished ?? 0));
        Assert.Equal("wait", job.Spec.Template.Spec.InitContainers.Single().Name);
        Assert.Null(job.Spec.Selector);
    }

    [Fact]
    public void Dependencies_get_urls_and_network_policies()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Namespace = "shop")]
            [Port(8080)]
            [Route("/", Host = "shop.example")]
            [Scrape]
            [NetworkPolicy]
            [DependsOn(typeof(UsersV1Service))]
            [DependsOn("orders", Namespace = "billing", Port = 8080)]
            public sealed class WebService { }

            [Deployment(Namespace = "shop")]
            [Port(8080, ServicePort = 8081)]
            public sealed class UsersV1Service { }
            """, TestProperties.Default);

        run.AssertClean();
        var yaml = run.Manifest("Web")!;
        Snapshot.Match(yaml, "depends-on");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var env = Assert.IsType<k8s.Models.V1Deployment>(objects[0]).Spec.Template.Spec.Containers[0].Env;
        Assert.Equal([("USERS_V1_URL", "http://users-v1:8081"), ("ORDERS_URL", "http://orders.billing:8080")], env.Select(e => (e.Name, e.Value)));
        var policies = objects.OfType<k8s.Models.V1NetworkPolicy>().ToList();
        Assert.Equal([("web", "shop"), ("users-v1-from-web", "shop"), ("orders-from-web", "billing")], policies.Select(p => (p.Metadata.Name, p.Metadata.NamespaceProperty)));
        Assert.Equal("web", policies[2].Spec.Ingress[0].FromProperty[0].PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal("shop", policies[2].Spec.Ingress[0].FromProperty[0].NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        Assert.Null(run.Manifest("UsersV1")!.Contains("NetworkPolicy", StringComparison.Ordinal) ? "policy" : null);
    }

    [Fact]
    public void Network_policies_follow_the_msbuild_property()
    {
        var properties = new Dictionary<string, string>(TestProperties.Default) { ["K8sGenNetworkPolicy"] = "true" };
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment] public sealed class Api { }
            [Deployment] [NetworkPolicy(false)] public sealed class Open { }
            """, properties);

        run.AssertClean();
        Assert.Contains("kind: NetworkPolicy", run.Manifest("Api"));
        Assert.DoesNotContain("kind: NetworkPolicy", run.Manifest("Open"));
    }

    private static string Generate(string body) =>
        GeneratorHarness.Run("using K8sGen;\n\n" + body, TestProperties.Default).SingleManifest();
}
