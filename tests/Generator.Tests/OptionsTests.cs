using k8s.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>How MSBuild properties reach the manifests and the generated class.</summary>
public class OptionsTests
{
    private const string Source = "using K8sGen;\n[Deployment] public class OrdersService { }";

    [Fact]
    public void Image_follows_the_sdk_container_properties()
    {
        var yaml = Run(new() { ["ContainerRegistry"] = "localhost:5000", ["ContainerRepository"] = "shop/orders", ["ContainerImageTag"] = "2.1.0" });
        Assert.Equal("localhost:5000/shop/orders:2.1.0", Container(yaml).Image);
        Assert.Equal("IfNotPresent", Container(yaml).ImagePullPolicy);
    }

    [Fact]
    public void Repository_defaults_to_the_lowercased_assembly_name_and_tag_to_latest_like_the_sdk()
    {
        var yaml = GeneratorHarness.Run(Source, new Dictionary<string, string> { ["AssemblyName"] = "Shop.Orders Api" }).SingleManifest();
        Assert.Equal("shop-orders-api:latest", Container(yaml).Image);
        Assert.Equal("Always", Container(yaml).ImagePullPolicy);
    }

    [Theory]
    [InlineData("shop.v1/users", "shop.v1/users")]
    [InlineData("Shop.V1/Users", "shop-v1/users")]
    [InlineData("My_App Thing", "my_app-thing")]
    public void Repository_is_normalized_like_the_sdk(string repository, string expected)
    {
        var yaml = Run(new() { ["ContainerRepository"] = repository, ["ContainerImageTag"] = "1" });
        Assert.Equal(expected + ":1", Container(yaml).Image);
    }

    [Fact]
    public void First_of_ContainerImageTags_is_used()
    {
        var yaml = Run(new() { ["ContainerRepository"] = "orders", ["ContainerImageTags"] = "1.2.3;latest" });
        Assert.Equal("orders:1.2.3", Container(yaml).Image);
    }

    [Fact]
    public void Image_argument_overrides_the_project_image()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Deployment(Image = \"nginx:1.27\")] public class OrdersService { }", new Dictionary<string, string> { ["ContainerRepository"] = "orders" }).SingleManifest();
        Assert.Equal("nginx:1.27", Container(yaml).Image);
    }

    [Fact]
    public void Default_namespace_applies_unless_the_workload_sets_one()
    {
        var yaml = Run(new() { ["K8sGenNamespace"] = "shop" });
        Assert.Equal("shop", Deployment(yaml).Metadata.NamespaceProperty);

        var own = GeneratorHarness.Run("using K8sGen;\n[Deployment(Namespace = \"own\")] public class A { }", new Dictionary<string, string> { ["K8sGenNamespace"] = "shop" }).SingleManifest();
        Assert.Equal("own", Deployment(own).Metadata.NamespaceProperty);
    }

    [Fact]
    public void Labels_carry_version_and_part_of()
    {
        var labels = Deployment(Run(new() { ["Version"] = "1.2.3+sha.abc", ["K8sGenPartOf"] = "shop" })).Metadata.Labels;
        Assert.Equal("1.2.3-sha.abc", labels["app.kubernetes.io/version"]);
        Assert.Equal("shop", labels["app.kubernetes.io/part-of"]);
        Assert.Equal("K8sGen", labels["app.kubernetes.io/managed-by"]);
    }

    [Fact]
    public void Part_of_falls_back_to_the_solution_name_made_valid()
    {
        var labels = Deployment(Run(new() { ["SolutionName"] = "My Shop" })).Metadata.Labels;
        Assert.Equal("my-shop", labels["app.kubernetes.io/part-of"]);
    }

    [Fact]
    public void K8sGenEnabled_false_generates_nothing()
    {
        var run = GeneratorHarness.Run(Source, new Dictionary<string, string> { ["K8sGenEnabled"] = "false" });
        Assert.Null(run.All);
        Assert.Empty(run.Result.GeneratedTrees);
    }

    [Fact]
    public void Generated_class_lives_in_the_root_namespace_and_embeds_the_yaml()
    {
        var run = GeneratorHarness.Run(
            "using K8sGen;\n[Deployment] public class OrdersService { }\n[Deployment] public class Billing { }",
            new Dictionary<string, string> { ["RootNamespace"] = "Shop.Orders" });

        run.AssertClean();
        var type = run.Output.GetTypeByMetadataName("Shop.Orders.K8sManifests");
        Assert.NotNull(type);
        Assert.Equal(run.Manifest("Billing") + "---\n" + run.Manifest("Orders"), run.All);

        // The YAML is also in the assembly's metadata, where the build task reads it without loading the assembly.
        using var stream = new MemoryStream();
        Assert.True(run.Output.Emit(stream).Success);
        var metadata = System.Reflection.Assembly.Load(stream.ToArray()).GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("K8sGen.Manifest:", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(run.Manifest("Orders"), metadata["K8sGen.Manifest:orders"]);
        Assert.Equal(run.Manifest("Billing"), metadata["K8sGen.Manifest:billing"]);
    }

    [Fact]
    public void Metadata_values_read_back_exactly_with_quotes_line_breaks_and_characters_outside_ascii()
    {
        // The source path and the overlays are written as C# literals in place (plain ASCII as it is, YAML of several
        // lines as a verbatim literal, anything else escaped): what the build task reads must be the text itself.
        var compilation = CSharpCompilation.Create(
            "Tests",
            [CSharpSyntaxTree.ParseText(
                "using K8sGen;\n[Deployment] [Port(8080)] [Route(\"/\", Host = \"shop.example\")] [Environment(\"production\", Host = \"*.shop.example\")] public class WebService { }",
                path: "/project/Sérvices/Öl \"x\".cs")],
            GeneratorHarness.Compile(string.Empty).References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = GeneratorHarness.Run(compilation, new Dictionary<string, string> { ["MSBuildProjectDirectory"] = "/project" });

        run.AssertClean();
        using var stream = new MemoryStream();
        Assert.True(run.Output.Emit(stream).Success);
        var metadata = System.Reflection.Assembly.Load(stream.ToArray()).GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Value).ToList());
        Assert.Equal(["Sérvices/Öl \"x\".cs"], metadata["K8sGen.Source:web"]);
        Assert.Equal([string.Empty], metadata["K8sGen.Overlay:production:web:declared"]);
        var host = Assert.Single(metadata["K8sGen.Overlay:production:web:patches"], p => p!.Contains("kind: Ingress", StringComparison.Ordinal));
        Assert.Equal("- target:\n    kind: Ingress\n    name: web\n  patch: |-\n    - op: add\n      path: /spec/rules/0/host\n      value: \"*.shop.example\"\n", host);
    }

    private static string Run(Dictionary<string, string> properties) => GeneratorHarness.Run(Source, properties).SingleManifest();

    private static V1Deployment Deployment(string yaml) => Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]);

    private static V1Container Container(string yaml) => Deployment(yaml).Spec.Template.Spec.Containers[0];
}
