using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.Generator.Tests;

/// <summary>[StatefulSet] with [VolumeClaim], [DaemonSet], [Toleration]: the YAML, strictly parsed, and each rule located.</summary>
public class StatefulAndDaemonTests
{
    [Fact]
    public void A_stateful_set_has_stable_names_a_headless_service_and_a_claim_per_pod()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;

            [StatefulSet(Replicas = 3, PodManagementPolicy = PodManagementPolicy.Parallel, Partition = 2)]
            [Port(9000, Name = "grpc", ServicePort = 90)]
            [VolumeClaim("data", "/var/lib/ledger", Size = "10Gi", StorageClass = "fast-ssd")]
            [VolumeClaim("wal", "/var/lib/ledger-wal", AccessMode = AccessMode.ReadWriteOncePod)]
            [Readiness("/ready")]
            [DisruptionBudget(MaxUnavailable = "1")]
            public sealed class OrderLedger { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        Snapshot.Match(yaml, "statefulset");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var set = Assert.IsType<V1StatefulSet>(objects[0]);
        Assert.Equal(3, set.Spec.Replicas);
        Assert.Equal("order-ledger-headless", set.Spec.ServiceName);
        Assert.Equal("Parallel", set.Spec.PodManagementPolicy);
        Assert.Equal(2, set.Spec.UpdateStrategy.RollingUpdate.Partition);
        Assert.Equal(["data", "wal"], set.Spec.VolumeClaimTemplates.Select(t => t.Metadata.Name));
        Assert.Equal("10Gi", set.Spec.VolumeClaimTemplates[0].Spec.Resources.Requests["storage"].ToString());
        Assert.Equal("fast-ssd", set.Spec.VolumeClaimTemplates[0].Spec.StorageClassName);
        Assert.Equal(["ReadWriteOncePod"], set.Spec.VolumeClaimTemplates[1].Spec.AccessModes);
        Assert.Equal("1Gi", set.Spec.VolumeClaimTemplates[1].Spec.Resources.Requests["storage"].ToString());
        var container = set.Spec.Template.Spec.Containers[0];
        Assert.Equal(["tmp:/tmp", "data:/var/lib/ledger", "wal:/var/lib/ledger-wal"], container.VolumeMounts.Select(m => m.Name + ":" + m.MountPath));
        Assert.Equal(["tmp"], set.Spec.Template.Spec.Volumes.Select(v => v.Name)); // the claims are the templates', not the pod's
        Assert.Equal(1654, set.Spec.Template.Spec.SecurityContext.FsGroup);
        Assert.Equal(set.Spec.Selector.MatchLabels, set.Spec.Template.Metadata.Labels.Where(l => set.Spec.Selector.MatchLabels.ContainsKey(l.Key)).ToDictionary());
        Assert.DoesNotContain("app.kubernetes.io/version", set.Spec.Selector.MatchLabels.Keys);

        var services = objects.OfType<V1Service>().ToList();
        Assert.Equal(["order-ledger", "order-ledger-headless"], services.Select(s => s.Metadata.Name));
        var headless = services[1];
        Assert.Equal("None", headless.Spec.ClusterIP);
        Assert.True(headless.Spec.PublishNotReadyAddresses);
        Assert.Equal(set.Spec.Selector.MatchLabels, headless.Spec.Selector);
        Assert.Equal(9000, Assert.Single(headless.Spec.Ports).Port); // pods are reached directly, on their own port
        Assert.Equal("true", headless.Metadata.Labels["k8sgen.io/headless"]);
        Assert.Equal(headless.Metadata.Labels.Keys.Order(StringComparer.Ordinal), headless.Metadata.Labels.Keys); // merged with the common labels, sorted
        Assert.Equal("order-ledger", headless.Metadata.Labels["app.kubernetes.io/name"]);
        Assert.DoesNotContain("k8sgen.io/headless", services[0].Metadata.Labels.Keys);
        Assert.Equal(90, Assert.Single(services[0].Spec.Ports).Port);
        Assert.Single(objects.OfType<V1PodDisruptionBudget>());
    }

    [Fact]
    public void A_stateful_set_without_ports_still_gets_its_headless_service_and_on_delete_writes_no_partition()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [StatefulSet(UpdateStrategy = StatefulSetUpdateStrategy.OnDelete)] public sealed class Quorum { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        var objects = KubernetesParsing.LoadStrict(yaml);
        var set = Assert.IsType<V1StatefulSet>(objects[0]);
        Assert.Equal("OnDelete", set.Spec.UpdateStrategy.Type);
        Assert.Null(set.Spec.UpdateStrategy.RollingUpdate);
        Assert.Equal("OrderedReady", set.Spec.PodManagementPolicy);
        Assert.Null(set.Spec.Template.Spec.SecurityContext.FsGroup); // no persistent storage, nothing to own
        var headless = Assert.Single(objects.OfType<V1Service>());
        Assert.Equal("quorum-headless", headless.Metadata.Name);
        Assert.Null(headless.Spec.Ports);
        Assert.Null(set.Spec.Template.Spec.TerminationGracePeriodSeconds); // no ports: no drain
    }

    [Fact]
    public void With_network_policies_the_members_of_a_stateful_set_reach_each_other_and_an_api_client_the_api_server()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [StatefulSet(Replicas = 3)] [Port(7000)] [NetworkPolicy] [DisruptionBudget(MaxUnavailable = "1")] [Rbac("leases", "get", "update", ApiGroup = "coordination.k8s.io")]
            public sealed class Quorum { }
            [Deployment] [Port(8080)] [NetworkPolicy] public sealed class Plain { }
            """, TestProperties.Default).AssertClean();

        var quorum = Assert.Single(KubernetesParsing.LoadStrict(yaml.Manifest("Quorum")!).OfType<V1NetworkPolicy>()).Spec;
        var own = quorum.PodSelector.MatchLabels;
        Assert.Contains(quorum.Ingress, rule => rule.FromProperty?.Single().PodSelector?.MatchLabels is { } from && from.SequenceEqual(own));
        Assert.Contains(quorum.Egress, rule => rule.To?.Single().PodSelector?.MatchLabels is { } to && to.SequenceEqual(own));
        Assert.Contains(quorum.Egress, rule => rule.To is null && rule.Ports.Select(p => p.Port.Value).SequenceEqual(["443", "6443"]));
        var plain = Assert.Single(KubernetesParsing.LoadStrict(yaml.Manifest("Plain")!).OfType<V1NetworkPolicy>()).Spec;
        Assert.Null(plain.Ingress); // a Deployment's pods get neither rule: it serves nothing routed and uses no API
        Assert.Single(plain.Egress); // DNS only
    }

    [Fact]
    public void A_stateful_sets_service_monitor_selects_its_service_and_not_the_headless_one_so_each_pod_is_scraped_once()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [StatefulSet(Replicas = 3)] [Port(8080)] [Scrape(ServiceMonitor = true)] public sealed class Ledger { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        var objects = KubernetesParsing.LoadStrict(yaml);
        var selector = Assert.Single(objects.OfType<V1ServiceMonitor>()).Spec.Selector;
        var selected = objects.OfType<V1Service>().Where(s => Selects(selector, s.Metadata.Labels)).Select(s => s.Metadata.Name);
        Assert.Equal(["ledger"], selected);
    }

    [Fact]
    public void A_deployments_service_monitor_has_no_match_expressions()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment] [Port(8080)] [Scrape(ServiceMonitor = true)] public sealed class Plain { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        Assert.Null(Assert.Single(KubernetesParsing.LoadStrict(yaml).OfType<V1ServiceMonitor>()).Spec.Selector.MatchExpressions);
    }

    /// <summary>The API server's label selector semantics (matchLabels and the four operators), written here independently of the code under test.</summary>
    private static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
        && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
        {
            "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
            "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
            "Exists" => labels.ContainsKey(e.Key),
            "DoesNotExist" => !labels.ContainsKey(e.Key),
            _ => throw new InvalidOperationException(e.OperatorProperty),
        });

    [Fact]
    public void An_autoscaled_stateful_set_is_the_autoscalers_target_and_has_no_fixed_replicas()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [StatefulSet] [Port(8080)] [Resources(CpuRequest = "100m")] [Autoscale(Min = 2, Max = 5, CpuUtilization = 70)] public sealed class Cache { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        var objects = KubernetesParsing.LoadStrict(yaml);
        Assert.Null(Assert.IsType<V1StatefulSet>(objects[0]).Spec.Replicas);
        var target = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>()).Spec.ScaleTargetRef;
        Assert.Equal(("apps/v1", "StatefulSet", "cache"), (target.ApiVersion, target.Kind, target.Name));
    }

    [Fact]
    public void A_daemon_set_runs_one_pod_per_node_and_tolerates_what_it_declares()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;

            [DaemonSet(MaxUnavailable = "10%")]
            [Port(9100, Name = "metrics")] [Scrape(Port = "metrics")]
            [NodeSelector("kubernetes.io/os", "linux")]
            [Toleration("node-role.kubernetes.io/control-plane", Effect = TaintEffect.NoSchedule)]
            [Toleration("dedicated", Value = "gpu")]
            [Toleration("node.kubernetes.io/unreachable", Effect = TaintEffect.NoExecute, TolerationSeconds = 60)]
            [Volume("buffer", "/var/buffer", SizeLimit = "256Mi", InMemory = true)]
            public sealed class NodeExporter { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        Snapshot.Match(yaml, "daemonset");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var set = Assert.IsType<V1DaemonSet>(objects[0]);
        Assert.Equal("RollingUpdate", set.Spec.UpdateStrategy.Type);
        Assert.Equal("10%", set.Spec.UpdateStrategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("0", set.Spec.UpdateStrategy.RollingUpdate.MaxSurge.Value);
        var tolerations = set.Spec.Template.Spec.Tolerations;
        Assert.Equal(
            ["node-role.kubernetes.io/control-plane Exists  NoSchedule ", "dedicated Equal gpu  ", "node.kubernetes.io/unreachable Exists  NoExecute 60"],
            tolerations.Select(t => $"{t.Key} {t.OperatorProperty} {t.Value} {t.Effect} {t.TolerationSeconds}"));
        var buffer = set.Spec.Template.Spec.Volumes.Single(v => v.Name == "buffer").EmptyDir;
        Assert.Equal(("Memory", "256Mi"), (buffer.Medium, buffer.SizeLimit.ToString()));
        Assert.Single(objects.OfType<V1Service>());
        Assert.DoesNotContain(objects, o => o is V1PodDisruptionBudget or V2HorizontalPodAutoscaler);
    }

    [Fact]
    public void A_toleration_without_a_key_tolerates_every_taint_on_any_kind()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [CronJob("0 3 * * *")] [Toleration] public sealed class Nightly { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        var pod = Assert.IsType<V1CronJob>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.JobTemplate.Spec.Template.Spec;
        var toleration = Assert.Single(pod.Tolerations);
        Assert.Equal((null, "Exists", null, null), (toleration.Key, toleration.OperatorProperty, toleration.Value, toleration.Effect));
    }

    [Fact]
    public void The_readmes_stateful_example_is_clean_and_writes_every_object_it_promises()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("[StatefulSet(Replicas = 3)] [Port(5000)]", StringComparison.Ordinal);
        var code = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var run = GeneratorHarness.Run(GeneratorHarness.Compile("using K8sGen;\n" + code), TestProperties.Default, new Dictionary<string, string> { ["appsettings.Production.json"] = "{}" });

        var objects = KubernetesParsing.LoadStrict(run.AssertClean().SingleManifest());
        Assert.Equal(["StatefulSet", "Service", "Service", "ServiceAccount", "Role", "RoleBinding", "ConfigMap", "ConfigMap"], objects.Select(o => (string)((dynamic)o).Kind));
        var set = Assert.IsType<V1StatefulSet>(objects[0]);
        Assert.Equal("ledger-headless", set.Spec.ServiceName);
        Assert.Equal("data", Assert.Single(set.Spec.VolumeClaimTemplates).Metadata.Name);
        Assert.Equal("/app/appsettings.Production.json", set.Spec.Template.Spec.Containers[0].VolumeMounts.Single(m => m.Name == "ledger-settings").MountPath);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "../.."));

    [Theory]
    [InlineData("""[StatefulSet(Name = [|"ledger-0123456789-0123456789-0123456789-0123456789xyz"|])]""", "KSG1190", "StatefulSet name 'ledger-0123456789-0123456789-0123456789-0123456789xyz' has 53 characters; at most 52")]
    [InlineData("""[StatefulSet(Name = [|"1ledger"|])]""", "KSG1002", "Workload name '1ledger' cannot name its Service")]
    [InlineData("""[StatefulSet(Partition = [|-1|])]""", "KSG1192", "Partition = -1 is invalid: it must be 0 or more")]
    [InlineData("""[StatefulSet(UpdateStrategy = StatefulSetUpdateStrategy.OnDelete, Partition = [|1|])]""", "KSG1191", "Partition does not apply to UpdateStrategy = OnDelete")]
    [InlineData("""[StatefulSet(PodManagementPolicy = [|(PodManagementPolicy)7|])]""", "KSG1192", "PodManagementPolicy = 7 is invalid")]
    [InlineData("""[DaemonSet] [Resources(CpuRequest = "100m")] [[|Autoscale(Max = 3, CpuUtilization = 70)|]]""", "KSG1191", "[Autoscale] does not apply to a DaemonSet")]
    [InlineData("""[DaemonSet] [[|DisruptionBudget(MaxUnavailable = "1")|]]""", "KSG1191", "[DisruptionBudget] does not apply to a DaemonSet")]
    [InlineData("""[DaemonSet] [[|Spread|]]""", "KSG1191", "[Spread] does not apply to a DaemonSet")]
    [InlineData("""[DaemonSet(MaxUnavailable = "0", MaxSurge = [|"0"|])]""", "KSG1006", "MaxSurge and MaxUnavailable are both 0")]
    [InlineData("""[DaemonSet(MaxUnavailable = [|"150%"|])]""", "KSG1005", "MaxUnavailable = \"150%\" is invalid")]
    [InlineData("""[DaemonSet(MaxSurge = [|"1"|])]""", "KSG1005", "MaxSurge = \"1\" is invalid: a DaemonSet replaces a node's pod either by starting the new one first")]
    [InlineData("""[DaemonSet(MaxUnavailable = "0", MaxSurge = [|"150%"|])]""", "KSG1005", "MaxSurge = \"150%\" is invalid")]
    [InlineData("""[Deployment] [[|DaemonSet|]]""", "KSG1140", "'OrdersService' already is a Deployment")]
    [InlineData("""[Deployment] [Toleration([|"bad key"|])]""", "KSG1070", "Toleration key 'bad key' is invalid")]
    [InlineData("""[Deployment] [Toleration("dedicated", Value = [|"g pu"|])]""", "KSG1071", "Label value 'g pu' is invalid")]
    [InlineData("""[Deployment] [Toleration(Value = [|"x"|])]""", "KSG1191", "Value does not apply to a toleration without a key")]
    [InlineData("""[Deployment] [Toleration("dedicated", TolerationSeconds = [|30|])]""", "KSG1191", "TolerationSeconds does not apply to a toleration without Effect = TaintEffect.NoExecute")]
    [InlineData("""[Deployment] [Toleration("dedicated", Effect = TaintEffect.NoExecute, TolerationSeconds = [|-5|])]""", "KSG1192", "TolerationSeconds = -5 is invalid")]
    [InlineData("""[Deployment] [Toleration("dedicated", Effect = [|(TaintEffect)9|])]""", "KSG1192", "Effect = 9 is invalid")]
    [InlineData("""[Deployment] [Toleration("dedicated")] [[|Toleration("dedicated")|]]""", "KSG1073", "Toleration 'dedicated' is declared twice")]
    public void Invalid_settings_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + attributes + " public sealed class OrdersService { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertOnlyError(expected, id, message);
    }
}
