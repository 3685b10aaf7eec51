using System.Reflection;
using k8s;
using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;

namespace Shop.Tests;

/// <summary>
/// How a user's CI tests K8sGen output: snapshot each service's manifests through the generated
/// K8sManifests class (no build step, no cluster), and check what matters in them.
/// </summary>
public class ManifestTests
{
    public static TheoryData<string, string> Services => new()
    {
        { "users-v1", Shop.Users.V1.K8sManifests.UsersV1 },
        { "users-v2", Shop.Users.V2.K8sManifests.UsersV2 },
        { "web", Shop.Web.K8sManifests.Web },
    };

    /// <summary>
    /// The version MinVer gave the build (from the nearest <c>v*</c> git tag, or a pre-release of the commit height): the
    /// assembly's informational version without the commit id the SDK appends.
    /// </summary>
    private static readonly string Version = typeof(Shop.Web.K8sManifests).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    [Fact]
    public void Reports_manifests_match_the_reviewed_snapshot() => Snapshot.Match(Scrubbed(Shop.Reports.K8sManifests.Reports), "reports");

    [Fact]
    public void Reports_run_nightly_without_overlapping()
    {
        var cronJob = Load(Shop.Reports.K8sManifests.Reports).OfType<V1CronJob>().Single();
        Assert.Equal(("0 2 * * *", "Etc/UTC", "Forbid"), (cronJob.Spec.Schedule, cronJob.Spec.TimeZone, cronJob.Spec.ConcurrencyPolicy));
        Assert.Equal($"shop/reports:{Version}", cronJob.Spec.JobTemplate.Spec.Template.Spec.Containers.Single().Image);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Manifests_match_the_reviewed_snapshot(string name, string yaml) => Snapshot.Match(Scrubbed(yaml), name);

    [Theory]
    [MemberData(nameof(Services))]
    public void The_version_label_and_the_image_tag_are_the_version_of_the_git_tag(string name, string yaml)
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", Version);
        var objects = Load(yaml);
        Assert.All(objects.OfType<IMetadata<V1ObjectMeta>>(), o => Assert.Equal(Version, o.Metadata.Labels["app.kubernetes.io/version"]));
        Assert.Equal($"shop/{name}:{Version}", objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single().Image);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_service_is_probed_scraped_limited_and_secure(string name, string yaml)
    {
        var objects = Load(yaml);
        var deployment = objects.OfType<V1Deployment>().Single();
        var container = deployment.Spec.Template.Spec.Containers.Single();

        Assert.Equal(name, deployment.Metadata.Name);
        Assert.Equal(name == "web", objects.OfType<V2HorizontalPodAutoscaler>().Any());
        Assert.NotNull(container.LivenessProbe);
        Assert.NotNull(container.ReadinessProbe);
        Assert.NotNull(container.Resources.Limits["memory"]);
        Assert.Equal("true", deployment.Spec.Template.Metadata.Annotations["prometheus.io/scrape"]);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(1654, deployment.Spec.Template.Spec.SecurityContext.RunAsUser);
        Assert.Single(objects.OfType<V1Service>());
        Assert.Single(objects.OfType<V1Ingress>());
    }

    [Fact]
    public void Web_reaches_the_users_services_and_only_web_may_call_them()
    {
        var objects = Load(Shop.Web.K8sManifests.Web);
        var env = objects.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single().Env;
        Assert.Contains(env, e => e is { Name: "USERS_V1_URL", Value: "http://users-v1:80" });
        Assert.Contains(env, e => e is { Name: "USERS_V2_URL", Value: "http://users-v2:80" });
        var admissions = objects.OfType<V1NetworkPolicy>().Where(p => p.Metadata.Name.EndsWith("-from-web", StringComparison.Ordinal)).ToList();
        Assert.Equal(["users-v1", "users-v2"], admissions.Select(p => p.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]));

        // users-v1's own policy admits only the ingress controller and Prometheus: everything else comes through admissions like web's.
        var own = Load(Shop.Users.V1.K8sManifests.UsersV1).OfType<V1NetworkPolicy>().Single();
        Assert.Equal(["ingress-nginx", "monitoring"], own.Spec.Ingress.Select(r => r.FromProperty.Single().NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]));
    }

    [Fact]
    public void Users_v1_runs_three_replicas_behind_the_api_host()
    {
        var objects = Load(Shop.Users.V1.K8sManifests.UsersV1);
        Assert.Equal(3, objects.OfType<V1Deployment>().Single().Spec.Replicas);
        Assert.Equal("2", objects.OfType<V1PodDisruptionBudget>().Single().Spec.MinAvailable.Value);
        var rule = objects.OfType<V1Ingress>().Single().Spec.Rules.Single();
        Assert.Equal("api.shop.example", rule.Host);
        Assert.Equal("/v1/users", rule.Http.Paths.Single().Path);
    }

    [Fact]
    public void The_image_is_the_one_the_sdk_builds_for_the_project()
    {
        var deployment = Load(Shop.Web.K8sManifests.Web).OfType<V1Deployment>().Single();
        Assert.Equal($"shop/web:{Version}", deployment.Spec.Template.Spec.Containers.Single().Image);
    }

    /// <summary>
    /// The snapshots hold <c>{version}</c> where the manifests carry the build's version (it changes with every commit);
    /// the test above checks those places hold exactly the version.
    /// </summary>
    private static string Scrubbed(string yaml) => yaml
        .Replace($"app.kubernetes.io/version: \"{Version}\"", "app.kubernetes.io/version: \"{version}\"", StringComparison.Ordinal)
        .Replace($":{Version}\"", ":{version}\"", StringComparison.Ordinal);

    // ServiceMonitor is a CRD without a KubernetesClient model: read it as a plain map; everything else strictly.
    private static List<object> Load(string yaml) =>
        KubernetesYaml.LoadAllFromString(yaml, new Dictionary<string, Type> { ["monitoring.coreos.com/v1/ServiceMonitor"] = typeof(Dictionary<string, object>) }, strict: true);
}
