using k8s.Models;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

public sealed class ManifestPipelineTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    private string Folder => Path.Combine(_directory, "k8s");

    [Fact]
    public void Writes_validated_manifests_with_the_sdk_image_for_project_images_only()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment] [Port(8080)] [Route("/orders")] public class OrdersService { }
            [Deployment(Image = "nginx:1.27")] public class Proxy { }
            """);

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, Folder, "localhost:5000/shop/orders:2.0.0"));
        Assert.Contains("image: \"localhost:5000/shop/orders:2.0.0\"\n        imagePullPolicy: IfNotPresent\n", File.ReadAllText(Path.Combine(Folder, "orders.yaml")));

        Assert.Empty(outcome.Errors);
        Assert.Equal([("orders", ["Deployment", "Service", "Ingress"]), ("proxy", ["Deployment"])], outcome.Workloads.Select(w => (w.Workload, w.Kinds.ToArray())).ToList().ConvertAll(w => (w.Workload, (IReadOnlyList<string>)w.Item2)), new WorkloadComparer());
        var orders = (V1Deployment)k8s.KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, "orders.yaml")), strict: true)[0];
        Assert.Equal("localhost:5000/shop/orders:2.0.0", orders.Spec.Template.Spec.Containers[0].Image);
        var proxy = (V1Deployment)k8s.KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, "proxy.yaml")), strict: true)[0];
        Assert.Equal("nginx:1.27", proxy.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public void An_invalid_project_image_is_KSG2007_and_writes_nothing()
    {
        var assembly = TestAssemblies.Build(_directory, "[Deployment] public class OrdersService { }");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, Folder, "Shop/Orders:1 0"));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("KSG2007: the project image 'Shop/Orders:1 0' is not a valid image reference: it does not follow the image reference grammar. Check ContainerRegistry, ContainerRepository and ContainerImageTag(s).", error.ToString());
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void An_assembly_the_generator_did_not_see_leaves_the_folder_alone_with_a_warning()
    {
        var withGenerator = TestAssemblies.Build(_directory, "[Deployment] public class OrdersService { }");
        Assert.Empty(ManifestPipeline.Run(new ManifestRequest(withGenerator, Folder, null)).Errors);
        var without = TestAssemblies.Build(Directory.CreateDirectory(Path.Combine(_directory, "plain")).FullName, "[Deployment] public class OrdersService { }", withGenerator: false);

        var outcome = ManifestPipeline.Run(new ManifestRequest(without, Folder, null));

        Assert.Empty(outcome.Errors);
        Assert.Equal("KSG2012", outcome.Warning?.Code);
        Assert.StartsWith("the K8sGen generator did not run for 'Shop.Orders.dll'", outcome.Warning?.Message);
        Assert.True(File.Exists(Path.Combine(Folder, "orders.yaml")));
    }

    [Fact]
    public void A_failed_write_is_KSG2009()
    {
        var assembly = TestAssemblies.Build(_directory, "[Deployment] public class OrdersService { }");
        File.WriteAllText(Folder, "a file where the folder should be");

        var outcome = ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null));

        Assert.Equal("KSG2009", Assert.Single(outcome.Errors).Code);
    }

    [Fact]
    public void A_publish_parses_each_workload_once_for_the_image_and_both_folders()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment] [Port(8080)] public class OrdersService { }
            [Deployment] [Port(8080)] public class UsersService { }
            """);
        var cache = new ParseCache();

        var settings = ContainerSettings.From(EmbeddedManifests.Read(assembly), [], cache);
        var build = ManifestPipeline.Run(new ManifestRequest(assembly, Path.Combine(_directory, "build-k8s"), null), cache);
        var publish = ManifestPipeline.Run(new ManifestRequest(assembly, Path.Combine(_directory, "publish-k8s"), "registry.example/shop/orders:2.0.0"), cache);

        Assert.Equal([8080], settings.Ports);
        Assert.Empty(build.Errors);
        Assert.Empty(publish.Errors);
        Assert.Equal(2, cache.Parses);
        Assert.Contains("image: \"registry.example/shop/orders:2.0.0\"", File.ReadAllText(Path.Combine(_directory, "publish-k8s", "orders.yaml")));
        Assert.DoesNotContain("registry.example", File.ReadAllText(Path.Combine(_directory, "build-k8s", "orders.yaml")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class WorkloadComparer : IEqualityComparer<(string, IReadOnlyList<string>)>
    {
        public bool Equals((string, IReadOnlyList<string>) x, (string, IReadOnlyList<string>) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((string, IReadOnlyList<string>) obj) => obj.Item1.GetHashCode();
    }

    private string Stamp => Path.Combine(_directory, "obj", "k8sgen.validated");

    /// <summary>
    /// Most builds recompile code without touching an attribute: the YAML is byte for byte what this task validated last
    /// time, so it is not parsed again, and the files and the summary are what a validating run gives.
    /// </summary>
    [Fact]
    public void Yaml_validated_by_the_last_run_is_not_parsed_again_and_gives_the_same_files()
    {
        var assembly = TestAssemblies.Build(_directory, """
            [Deployment(Replicas = 2)] [Port(9090)] [Route("/orders")] [Environment("production", Replicas = 3)] public class OrdersService { }
            [CronJob("*/5 * * * *")] public class Cleanup { }
            """);

        var first = ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp));
        Assert.Empty(first.Errors);
        Assert.True(first.Validated);
        var files = Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        Directory.Delete(Folder, recursive: true);

        var second = ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp));

        Assert.Empty(second.Errors);
        Assert.False(second.Validated);
        Assert.Equal(files, Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
        Assert.Equal(first.Workloads, second.Workloads, new WorkloadComparer());
        Assert.Contains(second.Workloads, w => w.Workload == "orders" && w.Kinds.SequenceEqual(["Deployment", "Service", "Ingress"]));

        // The kinds are not in the key: a record whose lines do not list exactly these workloads is not used.
        var lines = File.ReadAllLines(Stamp);
        File.WriteAllLines(Stamp, lines.Take(lines.Length - 1));
        Assert.True(ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp)).Validated);
        File.WriteAllLines(Stamp, File.ReadAllLines(Stamp).Select(l => l.Replace("orders\t", "users\t", StringComparison.Ordinal)));
        Assert.True(ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp)).Validated);
        Assert.False(ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp)).Validated);
        Assert.Equal([Path.GetFileName(Stamp)], Directory.GetFiles(Path.GetDirectoryName(Stamp)!).Select(Path.GetFileName)); // no temporary file left
    }

    [Fact]
    public void Any_change_of_a_workloads_yaml_its_name_or_its_source_is_validated_again()
    {
        var assembly = TestAssemblies.Build(_directory, "[Deployment] [Port(8080)] public class OrdersService { }");
        Assert.True(ManifestPipeline.Run(new ManifestRequest(assembly, Folder, null, Stamp)).Validated);
        var embedded = EmbeddedManifests.Read(assembly);
        var key = ValidationStamp.Key(embedded.Workloads);
        var workload = embedded.Workloads.Single();

        Assert.Equal(key, ValidationStamp.Key([workload with { }]));
        Assert.NotEqual(key, ValidationStamp.Key([workload with { Yaml = workload.Yaml.Replace("replicas: 1", "replicas: 2", StringComparison.Ordinal) }]));
        Assert.NotEqual(key, ValidationStamp.Key([workload with { Name = "orders2" }]));
        Assert.NotEqual(key, ValidationStamp.Key([workload with { SourceFile = "Other.cs" }]));
        Assert.NotEqual(key, ValidationStamp.Key([workload, workload]));
        // No two lists of texts give one key: the boundaries between them count.
        Assert.NotEqual(ValidationStamp.Key([new WorkloadYaml("ab", "c", null)]), ValidationStamp.Key([new WorkloadYaml("a", "bc", null)]));

        var changed = TestAssemblies.Build(Directory.CreateDirectory(Path.Combine(_directory, "changed")).FullName, "[Deployment(Replicas = 2)] [Port(8080)] public class OrdersService { }");
        var outcome = ManifestPipeline.Run(new ManifestRequest(changed, Folder, null, Stamp));
        Assert.True(outcome.Validated);
        Assert.Contains("replicas: 2", File.ReadAllText(Path.Combine(Folder, "orders.yaml")));
    }

    /// <summary>A stamp only ever records YAML that passed: other YAML is validated, and when it fails the stamp goes.</summary>
    [Fact]
    public void Invalid_yaml_after_a_valid_run_is_reported_and_removes_the_stamp_and_a_publish_with_a_project_image_always_parses()
    {
        var valid = TestAssemblies.Build(_directory, "[Deployment] [Port(8080)] public class OrdersService { }");
        Assert.True(ManifestPipeline.Run(new ManifestRequest(valid, Folder, null, Stamp)).Validated);
        Assert.False(ManifestPipeline.Run(new ManifestRequest(valid, Folder, null, Stamp)).Validated);
        Assert.True(ManifestPipeline.Run(new ManifestRequest(valid, Folder, "localhost:5000/shop/orders:2.0.0", Stamp)).Validated);

        // The same workload, its YAML broken by hand (an unknown field), in an assembly as the generator would mark it.
        var yaml = EmbeddedManifests.Read(valid).Workloads.Single().Yaml.Replace("  replicas: 1\n", "  replicas: 1\n  replicaz: 1\n", StringComparison.Ordinal);
        var broken = TestAssemblies.Build(Directory.CreateDirectory(Path.Combine(_directory, "broken")).FullName, $$"""
            [assembly: System.Reflection.AssemblyMetadata("{{K8sGen.Shared.Contract.Metadata.GeneratorKey}}", "1")]
            [assembly: System.Reflection.AssemblyMetadata("{{K8sGen.Shared.Contract.Metadata.ManifestPrefix}}orders", {{SymbolDisplay(yaml)}})]
            """, withGenerator: false);
        Assert.True(File.Exists(Stamp));

        var outcome = ManifestPipeline.Run(new ManifestRequest(broken, Folder, null, Stamp));

        Assert.Equal(ErrorCodes.InvalidDocument, Assert.Single(outcome.Errors).Code);
        Assert.Contains("replicaz", Assert.Single(outcome.Errors).Message);
        Assert.False(File.Exists(Stamp));
    }

    private static string SymbolDisplay(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}

public class ImageStampTests
{
    private const string Yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: a
          annotations:
            shop.example/image: "a:latest"
            shop.example/note: "emoji 😀 and ümlaut before the image"
        spec:
          selector:
            matchLabels:
              app: a
          template:
            metadata:
              labels:
                app: a
            spec:
              containers:
              - imagePullPolicy: Always
                name: a
                image: "a:latest"
              initContainers:
              - name: proxy
                image: "envoy:1"
                imagePullPolicy: IfNotPresent

        """;

    [Fact]
    public void Replaces_the_default_image_and_its_pull_policy_where_the_parse_found_them_whatever_the_key_order()
    {
        var parsed = StrictYaml.LoadAll(Yaml, out var sites);

        var stamped = ImageStamp.Apply(Yaml, sites, "a:latest", "localhost:5000/a:1.2.3");

        Assert.Equal(
            Yaml.Replace("- imagePullPolicy: Always", "- imagePullPolicy: IfNotPresent").Replace("    image: \"a:latest\"", "    image: \"localhost:5000/a:1.2.3\""),
            stamped);
        Assert.Contains("shop.example/image: \"a:latest\"", stamped); // an annotation that happens to hold the image stays
        Assert.Contains("image: \"envoy:1\"\n    imagePullPolicy: IfNotPresent", stamped.Replace("        ", "    "));
        var deployment = Assert.IsType<k8s.Models.V1Deployment>(Assert.Single(StrictYaml.LoadAll(stamped)));
        Assert.Equal("localhost:5000/a:1.2.3", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("IfNotPresent", deployment.Spec.Template.Spec.Containers[0].ImagePullPolicy);
        Assert.Single(parsed);
    }

    [Fact]
    public void Only_containers_are_stamped_not_a_mapping_that_happens_to_have_an_image_key()
    {
        var yaml = Yaml.Replace("    shop.example/image: \"a:latest\"\n", "    image: \"a:latest\"\n    imagePullPolicy: Always\n");
        Assert.NotEqual(Yaml, yaml);
        var parsed = new ParsedWorkload(new WorkloadYaml("a", yaml, null), StrictYaml.LoadAll(yaml, out var sites), sites);

        var stamped = ImageStamp.Apply(parsed, "a:latest", "b:1");

        Assert.Contains("  annotations:\n    image: \"a:latest\"\n    imagePullPolicy: Always\n", stamped);
        Assert.Equal(2, sites.Count); // the two containers
        Assert.Contains("image: \"b:1\"", stamped);
    }

    [Fact]
    public void An_image_the_text_does_not_show_where_the_parse_found_it_is_a_failure()
    {
        // An alias: the parsed container runs the image, but there is no scalar to put the project image into.
        var yaml = Yaml.Replace("image: \"a:latest\"\n      initContainers:", "image: *img\n      initContainers:")
            .Replace("shop.example/image: \"a:latest\"", "shop.example/image: &img \"a:latest\"");
        var parsed = new ParsedWorkload(new WorkloadYaml("a", yaml, null), StrictYaml.LoadAll(yaml, out var sites), sites);

        var exception = Assert.Throws<InvalidOperationException>(() => ImageStamp.Apply(parsed, "a:latest", "b:1"));

        Assert.Equal("1 containers run 'a:latest' but 0 of their image values were found in the text", exception.Message);
    }

    [Fact]
    public void A_site_that_does_not_hold_the_default_image_is_a_failure_not_a_wrong_file()
    {
        StrictYaml.LoadAll(Yaml, out var sites);

        Assert.Throws<InvalidOperationException>(() => ImageStamp.Apply(Yaml.Replace("app: a\n  template", "app: aa\n  template"), sites, "a:latest", "b:1"));
    }
}
