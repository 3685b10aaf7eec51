using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>What the image must carry, from the manifests of the workloads that run it.</summary>
public sealed class ContainerSettingsTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    [Fact]
    public void The_image_listens_where_its_workloads_agree_it_does()
    {
        var settings = Settings("""
            [Deployment] [Port(5000)] [Env("ASPNETCORE_HTTP_PORTS", "5000")] public class Api { }
            [Deployment] [Port(5000)] [Env("ASPNETCORE_HTTP_PORTS", "5000")] public class Admin { }
            [Deployment(Image = "redis:7.2")] [Port(6379)] [Env("ASPNETCORE_HTTP_PORTS", "6379")] public class Redis { }
            """);

        Assert.Equal([new KeyValuePair<string, string>("ASPNETCORE_HTTP_PORTS", "5000")], settings.Environment);
        Assert.Equal([5000], settings.Ports);
    }

    [Fact]
    public void Workloads_of_one_image_that_disagree_leave_the_image_alone()
    {
        var settings = Settings("""
            [Deployment] [Port(5000)] [Env("ASPNETCORE_HTTP_PORTS", "5000")] public class Api { }
            [Deployment] [Port(6000)] [Env("ASPNETCORE_HTTP_PORTS", "6000")] public class Admin { }
            """);

        // Each pod still gets its own value from its manifest; the image cannot hold both.
        Assert.Empty(settings.Environment);
    }

    [Fact]
    public void Without_the_variable_the_image_gets_none()
    {
        Assert.Empty(Settings("[Deployment] [Port(8080)] public class Api { }").Environment);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ContainerSettings Settings(string source)
    {
        var errors = new List<ManifestError>();
        var settings = ContainerSettings.From(EmbeddedManifests.Read(TestAssemblies.Build(_directory, source)), errors);
        Assert.Empty(errors);
        return settings;
    }
}
