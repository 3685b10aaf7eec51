using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>
/// The defaults a platform engineer would write: a pre-stop drain with a grace period that covers it and ASP.NET
/// Core's shutdown, and replicas spread over zones and nodes. Each is read back through the strict parser.
/// </summary>
public class ProductionDefaultsTests
{
    private static V1Deployment Deployment(string attributes)
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n" + attributes + " public sealed class OrdersService { }", TestProperties.Default).SingleManifest();
        return Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]);
    }

    private static (long? Sleep, long? Grace) Shutdown(V1Deployment deployment)
    {
        var pod = deployment.Spec.Template.Spec;
        return (pod.Containers[0].Lifecycle?.PreStop?.Sleep?.Seconds, pod.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void A_served_deployment_drains_five_seconds_and_gets_the_drain_plus_the_hosts_shutdown_timeout()
    {
        var deployment = Deployment("[Deployment] [Port(8080)]");

        Assert.Equal((5L, 35L), Shutdown(deployment));
        Assert.Null(deployment.Spec.Template.Spec.Containers[0].Lifecycle.PreStop.Exec); // no shell in the .NET images
    }

    [Theory]
    [InlineData("[Deployment(DrainSeconds = 15)] [Port(8080)]", 15L, 45L)]
    [InlineData("[Deployment(TerminationGracePeriodSeconds = 90)] [Port(8080)]", 5L, 90L)]
    [InlineData("[Deployment(DrainSeconds = 10, TerminationGracePeriodSeconds = 10)] [Port(8080)]", 10L, 10L)]
    [InlineData("[Deployment(DrainSeconds = 0)] [Port(8080)]", null, null)]
    [InlineData("[Deployment(DrainSeconds = 0, TerminationGracePeriodSeconds = 20)] [Port(8080)]", null, 20L)]
    [InlineData("[Deployment(DrainSeconds = 3)]", 3L, 33L)] // asked for explicitly: applied without ports too
    [InlineData("[Deployment]", null, null)] // serves no traffic: Kubernetes' defaults
    [InlineData("[Deployment(TerminationGracePeriodSeconds = 0)]", null, 0L)]
    public void Drain_and_grace_period_follow_the_code(string attributes, long? sleep, long? grace)
    {
        Assert.Equal((sleep, grace), Shutdown(Deployment(attributes)));
    }

    [Fact]
    public void Batch_workloads_get_no_drain()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Job] public sealed class Migrate { }", TestProperties.Default).SingleManifest();

        var pod = Assert.IsType<V1Job>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec;
        Assert.Null(pod.Containers[0].Lifecycle);
        Assert.Null(pod.TerminationGracePeriodSeconds);
    }

    [Theory]
    [InlineData("[Deployment(DrainSeconds = [|-1|])] [Port(8080)]", "KSG1180", "DrainSeconds = -1 is invalid: it is a number of seconds, 0 or more")]
    [InlineData("[Deployment(TerminationGracePeriodSeconds = [|-5|])]", "KSG1180", "TerminationGracePeriodSeconds = -5 is invalid")]
    [InlineData("[Deployment(TerminationGracePeriodSeconds = [|3|])] [Port(8080)]", "KSG1181", "TerminationGracePeriodSeconds = 3 is shorter than the drain of 5 seconds")]
    [InlineData("[Deployment(DrainSeconds = 20, TerminationGracePeriodSeconds = [|19|])]", "KSG1181", "TerminationGracePeriodSeconds = 19 is shorter than the drain of 20 seconds: Kubernetes would kill the pod before it stops serving, and the API server rejects a pre-stop sleep longer than the grace period. Allow at least 20, better 50")]
    [InlineData("[Deployment] [Port(8080)] [Spread(MaxSkew = [|0|])]", "KSG1182", "[Spread] MaxSkew = 0 is invalid: it must be a whole number of 1 or more (e.g. MaxSkew = 1).")]
    [InlineData("[Deployment] [Spread(Nodes = [|(SpreadMode)7|])]", "KSG1182", "[Spread] Nodes = 7 is invalid: it must be SpreadMode.Preferred, Required or None")]
    [InlineData("[CronJob(\"0 3 * * *\")] [[|Spread|]]", "KSG1141", "")]
    public void Invalid_settings_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + attributes + " public sealed class OrdersService { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertOnlyError(expected, id, message);
    }

    private static IList<V1TopologySpreadConstraint>? Spread(V1Deployment deployment) => deployment.Spec.Template.Spec.TopologySpreadConstraints;

    [Theory]
    [InlineData("[Deployment(Replicas = 3)]")]
    [InlineData("[Deployment] [Autoscale(Min = 1, Max = 4, CpuUtilization = 70)] [Resources(CpuRequest = \"100m\")]")]
    [InlineData("[Deployment] [Environment(\"production\", Replicas = 3)]")] // the overlay changes only replicas
    [InlineData("[Deployment] [Spread]")] // asked for explicitly
    public void Several_pods_are_spread_over_zones_then_nodes_selecting_the_workloads_own_pods(string attributes)
    {
        var deployment = Deployment(attributes);

        var constraints = Spread(deployment);
        Assert.NotNull(constraints);
        Assert.Equal(["topology.kubernetes.io/zone", "kubernetes.io/hostname"], constraints.Select(c => c.TopologyKey));
        foreach (var constraint in constraints)
        {
            Assert.Equal(1, constraint.MaxSkew);
            Assert.Equal("ScheduleAnyway", constraint.WhenUnsatisfiable); // single-zone and one-node clusters still schedule
            Assert.Equal(deployment.Spec.Selector.MatchLabels, constraint.LabelSelector.MatchLabels); // version-free, as the Deployment's
            Assert.DoesNotContain("app.kubernetes.io/version", constraint.LabelSelector.MatchLabels.Keys);
        }
    }

    [Theory]
    [InlineData("[Deployment]")]
    [InlineData("[Deployment(Replicas = 1)] [Port(8080)]")]
    [InlineData("[Deployment] [Autoscale(Min = 1, Max = 1, CpuUtilization = 70)] [Resources(CpuRequest = \"100m\")]")]
    [InlineData("[Deployment(Replicas = 3)] [Spread(Zones = SpreadMode.None, Nodes = SpreadMode.None)]")]
    public void One_pod_or_spread_turned_off_gets_no_constraint(string attributes)
    {
        Assert.Null(Spread(Deployment(attributes)));
    }

    [Fact]
    public void Spread_settings_are_written_as_given()
    {
        var constraints = Spread(Deployment("[Deployment(Replicas = 4)] [Spread(Zones = SpreadMode.None, Nodes = SpreadMode.Required, MaxSkew = 2)]"));

        var node = Assert.Single(constraints!);
        Assert.Equal(("kubernetes.io/hostname", "DoNotSchedule", 2), (node.TopologyKey, node.WhenUnsatisfiable, node.MaxSkew));
    }
}
