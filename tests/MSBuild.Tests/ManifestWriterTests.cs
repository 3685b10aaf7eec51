using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

public sealed class ManifestWriterTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    private string Folder => Path.Combine(_directory, "k8s");

    [Fact]
    public void Writes_a_file_per_workload_and_a_kustomization()
    {
        var result = ManifestWriter.Write(Folder, [Workload("web", "a"), Workload("api", "b")], "Shop");

        Assert.Equal(["api.yaml", "kustomization.yaml", "web.yaml"], result.Written);
        Assert.Equal("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- api.yaml\n- web.yaml\n", File.ReadAllText(Path.Combine(Folder, "kustomization.yaml")));
        Assert.Equal("kind: b\n", File.ReadAllText(Path.Combine(Folder, "api.yaml")));
    }

    [Fact]
    public void Unchanged_content_is_not_rewritten()
    {
        ManifestWriter.Write(Folder, [Workload("web", "a"), Workload("api", "b")], "Shop");
        var before = Directory.GetFiles(Folder).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(20);

        var result = ManifestWriter.Write(Folder, [Workload("web", "a2"), Workload("api", "b")], "Shop");

        Assert.Equal(["web.yaml"], result.Written);
        Assert.Equal(["api.yaml", "kustomization.yaml"], result.Unchanged);
        Assert.Equal(before[Path.Combine(Folder, "api.yaml")], File.GetLastWriteTimeUtc(Path.Combine(Folder, "api.yaml")));
        Assert.Equal(before[Path.Combine(Folder, ManifestWriter.OwnershipFile)], File.GetLastWriteTimeUtc(Path.Combine(Folder, ManifestWriter.OwnershipFile)));
        Assert.NotEqual(before[Path.Combine(Folder, "web.yaml")], File.GetLastWriteTimeUtc(Path.Combine(Folder, "web.yaml")));
    }

    [Fact]
    public void Files_of_removed_workloads_go_but_user_files_stay()
    {
        ManifestWriter.Write(Folder, [Workload("web", "a"), Workload("api", "b")], "Shop");
        File.WriteAllText(Path.Combine(Folder, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(Folder, "extra.yaml"), "mine too");

        var result = ManifestWriter.Write(Folder, [Workload("web", "a")], "Shop");

        Assert.Equal(["api.yaml"], result.Deleted);
        Assert.False(File.Exists(Path.Combine(Folder, "api.yaml")));
        Assert.True(File.Exists(Path.Combine(Folder, "notes.txt")));
        Assert.True(File.Exists(Path.Combine(Folder, "extra.yaml")));
        Assert.Equal("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- web.yaml\n", File.ReadAllText(Path.Combine(Folder, "kustomization.yaml")));
    }

    [Fact]
    public void No_workloads_left_removes_everything_K8sGen_wrote()
    {
        ManifestWriter.Write(Folder, [Workload("web", "a")], "Shop");
        var result = ManifestWriter.Write(Folder, [], "Shop");
        Assert.Equal(["kustomization.yaml", "web.yaml"], result.Deleted);
        Assert.Equal([ManifestWriter.OwnershipFile], Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void No_workloads_and_no_folder_creates_nothing()
    {
        ManifestWriter.Write(Folder, [], "Shop");
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public void A_file_K8sGen_did_not_write_is_never_overwritten()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "kustomization.yaml"), "the user's own");

        var exception = Assert.Throws<ManifestWriteException>(() => ManifestWriter.Write(Folder, [Workload("web", "a")], "Shop"));

        Assert.Contains("exists and was not written by K8sGen", exception.Message);
        Assert.Equal("the user's own", File.ReadAllText(Path.Combine(Folder, "kustomization.yaml")));
        Assert.False(File.Exists(Path.Combine(Folder, "web.yaml")));
    }

    [Fact]
    public void Changed_files_are_replaced_by_rename_and_leave_no_temporary_file()
    {
        ManifestWriter.Write(Folder, [Workload("web", "a")], "Shop");
        var path = Path.Combine(Folder, "web.yaml");
        using (var reader = File.OpenRead(path))
        {
            // A reader holding the old file keeps reading the old content: the new one arrived by rename, not by overwriting in place.
            ManifestWriter.Write(Folder, [Workload("web", "changed")], "Shop");
            Assert.Equal("kind: a\n", new StreamReader(reader).ReadToEnd());
        }

        Assert.Equal("kind: changed\n", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static WorkloadYaml Workload(string name, string kind) => new(name, $"kind: {kind}\n", null);
}

public sealed class ManifestWriterOwnershipTests : IDisposable
{
    private readonly string _directory = TestAssemblies.TempDirectory();

    [Fact]
    public void A_folder_another_project_writes_to_is_refused()
    {
        ManifestWriter.Write(_directory, [new WorkloadYaml("web", "kind: a\n", null)], "Shop.Web");

        var exception = Assert.Throws<ManifestWriteException>(() => ManifestWriter.Write(_directory, [new WorkloadYaml("api", "kind: b\n", null)], "Shop.Api"));

        Assert.Contains("holds the manifests of Shop.Web, not Shop.Api", exception.Message);
        Assert.True(File.Exists(Path.Combine(_directory, "web.yaml")));
        Assert.False(File.Exists(Path.Combine(_directory, "api.yaml")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
