using System.Globalization;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>The same sources give byte-identical YAML in any culture.</summary>
public class DeterminismTests
{
    // Culture traps: Turkish dotted/dotless i in names, German decimal comma in quantities, Arabic digits and calendar.
    private const string Source = """
        using K8sGen;
        [Deployment(Replicas = 12, MaxUnavailable = "10%")]
        [Port(8080)] [Port(9090, Name = "metrics")]
        [Route("/v1/info", Host = "info.shop.example")]
        [Scrape(Port = "metrics", Interval = "1m30s", ServiceMonitor = true)]
        [Liveness("/healthz", PeriodSeconds = 15)]
        [Resources(CpuRequest = "0.25", CpuLimit = "1.5", MemoryRequest = "1.5Gi", MemoryLimit = "2Gi")]
        [Env("TITLE", "İIıi")] [Label("tier", "INFO")] [Annotation("z-last", "1.5")] [Annotation("a-first", "x")]
        public sealed class InfoIndexService { }
        """;

    [Fact]
    public void Yaml_is_byte_identical_under_every_culture()
    {
        var invariant = Generate(CultureInfo.InvariantCulture);
        Assert.Contains("name: info-index", invariant);
        Assert.Contains("cpu: \"1.5\"", invariant);

        foreach (var name in new[] { "tr-TR", "de-DE", "ar-SA" })
        {
            Assert.Equal(invariant, Generate(new CultureInfo(name)));
        }
    }

    [Fact]
    public void A_workload_generates_the_same_yaml_alone_as_after_other_workloads()
    {
        // The generator recycles each workload's object tree for the next one (YamlArena): nothing may leak across.
        const string Big = """
            [Deployment(Namespace = "shop")] [Port(8080)] [Port(9090, Name = "metrics")]
            [Route("/a", Host = "a.shop.example", TlsSecret = "tls")] [Scrape(Port = "metrics", ServiceMonitor = true)]
            [Liveness("/healthz")] [Resources(CpuRequest = "100m")] [Env("A", "1")] [Label("team", "a")] [Annotation("owner", "a")]
            [Autoscale(Min = 2, Max = 4, CpuUtilization = 70)] [DisruptionBudget(MaxUnavailable = "1")]
            [Sidecar("proxy", "envoyproxy/envoy:v1.31.0", Ports = new[] { 9901 })] [HttpRoute("/a", Gateway = "gw")]
            [DependsOn("orders")] [NetworkPolicy] [Environment("production", Host = "a.example")]
            public sealed class AService { }
            """;
        const string Small = "[Deployment] public sealed class BService { }";
        const string Batch = "[CronJob(\"0 3 * * *\")] [Env(\"B\", \"2\")] public sealed class CReport { }";

        var together = GeneratorHarness.Run("using K8sGen;\n" + Big + "\n" + Small + "\n" + Batch).AssertClean();

        foreach (var (source, member) in new[] { (Big, "A"), (Small, "B"), (Batch, "CReport") })
        {
            var alone = GeneratorHarness.Run("using K8sGen;\n" + source).AssertClean().Manifest(member);
            Assert.NotNull(alone);
            Assert.Equal(alone, together.Manifest(member));
        }
    }

    [Fact]
    public void Attribute_order_does_not_change_labels_or_annotations()
    {
        var reordered = Source.Replace("""[Annotation("z-last", "1.5")] [Annotation("a-first", "x")]""", """[Annotation("a-first", "x")] [Annotation("z-last", "1.5")]""");
        Assert.Equal(Generate(CultureInfo.InvariantCulture), Generate(CultureInfo.InvariantCulture, reordered));
    }

    private static string Generate(CultureInfo culture, string source = Source)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return GeneratorHarness.Run(source, TestProperties.Default).SingleManifest();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
