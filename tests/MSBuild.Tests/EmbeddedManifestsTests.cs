using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

public sealed class EmbeddedManifestsTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    [Fact]
    public void Reads_every_workload_with_its_source_and_the_default_image_without_loading_the_assembly()
    {
        var path = TestAssemblies.Build(_directory, """
            [Deployment] [Port(8080)] public class OrdersService { }
            [Deployment(Replicas = 2)] public class Billing { }
            """);

        var embedded = EmbeddedManifests.Read(path);

        Assert.Equal(["billing", "orders"], embedded.Workloads.Select(w => w.Name));
        Assert.Equal("app:latest", embedded.DefaultImage); // no MSBuild properties here: the generator's fallback
        Assert.All(embedded.Workloads, w => Assert.Equal("Orders.cs", w.SourceFile));
        Assert.Contains("replicas: 2", embedded.Workloads[0].Yaml);
        Assert.Contains("kind: Service", embedded.Workloads[1].Yaml);

        // Not loaded: the file can be replaced right away (a loaded assembly would stay mapped).
        File.Delete(path);
    }

    [Fact]
    public void An_assembly_without_workloads_has_none()
    {
        var path = TestAssemblies.Build(_directory, "public class Plain { }");
        var embedded = EmbeddedManifests.Read(path);
        Assert.Empty(embedded.Workloads);
        Assert.Null(embedded.DefaultImage);
    }

    [Fact]
    public void A_file_that_is_no_assembly_is_KSG2001()
    {
        var path = Path.Combine(_directory, "broken.dll");
        File.WriteAllText(path, "not a PE file");

        var outcome = ManifestPipeline.Run(new ManifestRequest(path, Path.Combine(_directory, "k8s"), null));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal("KSG2001", error.Code);
        Assert.StartsWith($"cannot read the manifests from '{path}':", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_directory, "k8s")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
