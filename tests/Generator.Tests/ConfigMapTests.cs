using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>[ConfigMap] and [ConfigMapEntry]: content-hashed ConfigMaps, mounted where ASP.NET Core reads them or as environment variables.</summary>
public class ConfigMapTests
{
    private const string Settings = "{\n  \"Shop\": { \"Greeting\": \"Hello from production\" }\n}\n";

    private const string Source = """
        using K8sGen;

        [Deployment] [Port(8080)]
        [ConfigMap("shop-settings", FromFile = "appsettings.Production.json")]
        [ConfigMap("shop-flags")]
        [ConfigMapEntry("shop-flags", "Features__Checkout", "true")]
        [ConfigMapEntry("shop-flags", "Features__Banner", "Winter sale")]
        public sealed class WebService { }
        """;

    private static GeneratorRun Run(string settings = Settings, string source = Source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(source), TestProperties.Default, new Dictionary<string, string> { ["appsettings.Production.json"] = settings });

    [Fact]
    public void A_file_is_mounted_where_aspnet_core_reads_it_and_entries_become_environment_variables()
    {
        var yaml = Run().AssertClean().SingleManifest();

        Snapshot.Match(yaml, "configmaps");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var maps = objects.OfType<V1ConfigMap>().ToList();
        Assert.Equal(2, maps.Count);
        Assert.Matches("^shop-settings-[0-9a-f]{10}$", maps[0].Metadata.Name);
        Assert.Equal(Settings, maps[0].Data["appsettings.Production.json"]);
        Assert.True(maps[0].Immutable);
        Assert.Equal(["Features__Checkout", "Features__Banner"], maps[1].Data.Keys);
        var pod = Assert.IsType<V1Deployment>(objects[0]).Spec.Template.Spec;
        var mount = pod.Containers[0].VolumeMounts.Single(m => m.Name == "shop-settings");
        Assert.Equal(("/app/appsettings.Production.json", "appsettings.Production.json", true), (mount.MountPath, mount.SubPath, mount.ReadOnlyProperty));
        Assert.Equal(maps[0].Metadata.Name, pod.Volumes.Single(v => v.Name == "shop-settings").ConfigMap.Name);
        Assert.Equal(maps[1].Metadata.Name, Assert.Single(pod.Containers[0].EnvFrom).ConfigMapRef.Name);
        Assert.True(pod.Containers[0].SecurityContext.ReadOnlyRootFilesystem);
    }

    [Fact]
    public void A_change_of_content_is_a_new_name_so_the_pods_roll_and_the_same_content_the_same_name()
    {
        static string NameOf(string yaml) => KubernetesParsing.LoadStrict(yaml).OfType<V1ConfigMap>().First().Metadata.Name;
        var first = Run().SingleManifest();
        var again = Run().SingleManifest();
        var changed = Run(Settings.Replace("production", "staging", StringComparison.Ordinal)).SingleManifest();

        Assert.Equal(NameOf(first), NameOf(again));
        Assert.NotEqual(NameOf(first), NameOf(changed));
        var pod = KubernetesParsing.LoadStrict(changed).OfType<V1Deployment>().Single().Spec.Template.Spec;
        Assert.Equal(NameOf(changed), pod.Volumes.Single(v => v.Name == "shop-settings").ConfigMap.Name);
    }

    [Fact]
    public void Two_workloads_declaring_the_same_config_map_each_own_a_copy_under_its_own_name()
    {
        var run = Run(source: """
            using K8sGen;
            [Deployment] [ConfigMap("shop-settings", FromFile = "appsettings.Production.json")] [ConfigMap("flags")] [ConfigMapEntry("flags", "Mode", "on")] public sealed class Orders { }
            [Deployment] [ConfigMap("shop-settings", FromFile = "appsettings.Production.json")] [ConfigMap("flags")] [ConfigMapEntry("flags", "Mode", "on")] public sealed class Users { }
            """).AssertClean();

        var orders = KubernetesParsing.LoadStrict(run.Manifest("Orders")!).OfType<V1ConfigMap>().ToList();
        var users = KubernetesParsing.LoadStrict(run.Manifest("Users")!).OfType<V1ConfigMap>().ToList();
        Assert.Equal(orders.Select(m => m.Data), users.Select(m => m.Data)); // the same content …
        Assert.All(orders.Zip(users), pair => Assert.NotEqual(pair.First.Metadata.Name, pair.Second.Metadata.Name)); // … under two names
        Assert.All(orders.Concat(users), m => Assert.Matches("^(shop-settings|flags)-[0-9a-f]{10}$", m.Metadata.Name));
        Assert.Equal("orders", orders[0].Metadata.Labels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void An_edit_of_the_file_reaches_the_generator_incrementally()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var text = new InMemoryAdditionalText("/project/appsettings.Production.json", Settings);
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default).AddAdditionalTexts([text]).RunGenerators(compilation);
        var before = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).Single(t => t.Contains("shop-settings-", StringComparison.Ordinal));

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, Settings.Replace("production", "canary", StringComparison.Ordinal))).RunGenerators(compilation);

        var after = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).Single(t => t.Contains("shop-settings-", StringComparison.Ordinal));
        Assert.Contains("canary", after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
    }

    /// <summary>Each keystroke in an appsettings file the IDE has open changes the AdditionalFiles: workloads that read none build nothing.</summary>
    [Fact]
    public void An_edit_of_a_file_no_ConfigMap_reads_builds_no_manifest_again()
    {
        var compilation = GeneratorHarness.Compile("""
            using K8sGen;
            [Deployment] [Port(8080)] public class OrdersService { }
            [Deployment] [Port(8080)] [ConfigMap("flags")] [ConfigMapEntry("flags", "A", "1")] public class UsersService { }
            """);
        var text = new InMemoryAdditionalText("/project/appsettings.json", "{}");
        var driver = GeneratorHarness.CreateDriver(TestProperties.Default, trackSteps: true).AddAdditionalTexts([text]).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(text, new InMemoryAdditionalText(text.Path, "{ \"Logging\": {} }")).RunGenerators(compilation);

        var manifests = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Manifests].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(2, manifests.Count);
        Assert.All(manifests, o => Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, o.Reason));
    }

    [Theory]
    [InlineData("""[ConfigMap("shop-settings", FromFile = [|"appsettings.Missing.json"|])]""", "KSG1199", "FromFile = \"appsettings.Missing.json\" cannot be read into the ConfigMap: it is not one of the project's AdditionalFiles (K8sGen adds appsettings*.json; add others with <AdditionalFiles Include=\"appsettings.Missing.json\" />).")]
    [InlineData("""[ConfigMap([|"Shop_Settings"|])]""", "KSG1022", "ConfigMap 'Shop_Settings' is invalid")]
    [InlineData("""[ConfigMap("a")] [[|ConfigMap("a")|]]""", "KSG1073", "ConfigMap 'a' is declared twice")]
    [InlineData("""[ConfigMapEntry([|"flags"|], "A", "1")]""", "KSG1200", "[ConfigMapEntry] names ConfigMap 'flags', which 'OrdersService' does not declare.")]
    [InlineData("""[ConfigMap("flags")] [ConfigMapEntry("flags", [|"Shop:Greeting"|], "hi")]""", "KSG1060", "Environment variable name 'Shop:Greeting' is invalid: ':' is not allowed")]
    [InlineData("""[ConfigMap("flags")] [ConfigMapEntry("flags", "A", "1")] [[|ConfigMapEntry("flags", "A", "2")|]]""", "KSG1073", "ConfigMap key 'A' is declared twice")]
    [InlineData("""[ConfigMap("s", FromFile = "appsettings.Production.json")] [[|ConfigMapEntry("s", "A", "1")|]]""", "KSG1191", "[ConfigMapEntry] does not apply to ConfigMap 's', which is made from a file")]
    [InlineData("""[ConfigMap("s", MountPath = [|"/etc/x"|])]""", "KSG1191", "MountPath does not apply to a ConfigMap without FromFile")]
    [InlineData("""[ConfigMap("s", FromFile = "appsettings.Production.json", MountPath = [|"/app/"|])]""", "KSG1194", "Mount path '/app/' is invalid: it must be the absolute path of the file")]
    [InlineData("""[ConfigMap([|"tmp"|], FromFile = "appsettings.Production.json")]""", "KSG1193", "Volume name 'tmp' is invalid: another volume of this workload (or the /tmp volume every pod gets) has that name")]
    [InlineData("""[Volume("data", "/data")] [ConfigMap([|"data"|], FromFile = "appsettings.Production.json")]""", "KSG1193", "Volume name 'data' is invalid: another volume")]
    [InlineData("""[ConfigMap("a", FromFile = "appsettings.Production.json")] [ConfigMap("b", FromFile = [|"./appsettings.Production.json"|])]""", "KSG1194", "Mount path '/app/appsettings.Production.json' is invalid: another volume of this workload is mounted there.")]
    public void Invalid_config_maps_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n[Deployment] " + attributes + " public sealed class OrdersService { }");

        var run = Run(source: source);

        run.AssertOnlyError(expected, id, message);
    }
}
