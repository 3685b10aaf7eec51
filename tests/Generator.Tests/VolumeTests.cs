using k8s.Models;
using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>[PersistentVolume], [Volume], [ConfigMapMount], [SecretMount] (and [VolumeClaim]'s place): the YAML, and each rule located.</summary>
public class VolumeTests
{
    [Fact]
    public void Declared_volumes_are_the_only_writable_paths_besides_tmp_and_mounts_are_read_only()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;

            [Deployment] [Port(8080)]
            [PersistentVolume("uploads", "/var/lib/uploads", Size = "5Gi", StorageClass = "standard")]
            [Volume("cache", "/var/cache/images", SizeLimit = "2Gi")]
            [ConfigMapMount("feature-flags", "/etc/flags", Optional = true)]
            [SecretMount("orders.tls", "/etc/tls", VolumeName = "tls")]
            public sealed class OrdersService { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        Snapshot.Match(yaml, "volumes");
        var objects = KubernetesParsing.LoadStrict(yaml);
        var deployment = Assert.IsType<V1Deployment>(objects[0]);
        Assert.Equal("Recreate", deployment.Spec.Strategy.Type); // a ReadWriteOnce claim cannot be mounted by a surge pod elsewhere
        Assert.Null(deployment.Spec.Strategy.RollingUpdate);
        var pod = deployment.Spec.Template.Spec;
        Assert.Equal(1654, pod.SecurityContext.FsGroup);
        var mounts = pod.Containers[0].VolumeMounts.ToDictionary(m => m.Name);
        Assert.Equal(["tmp", "uploads", "cache", "feature-flags", "tls"], mounts.Keys);
        Assert.Equal([null, null, null, true, true], mounts.Values.Select(m => m.ReadOnlyProperty));
        var volumes = pod.Volumes.ToDictionary(v => v.Name);
        Assert.Equal("orders-uploads", volumes["uploads"].PersistentVolumeClaim.ClaimName);
        Assert.Equal("2Gi", volumes["cache"].EmptyDir.SizeLimit.ToString());
        Assert.Null(volumes["cache"].EmptyDir.Medium);
        Assert.Equal(("feature-flags", true), (volumes["feature-flags"].ConfigMap.Name, volumes["feature-flags"].ConfigMap.Optional));
        Assert.Equal("orders.tls", volumes["tls"].Secret.SecretName);
        var claim = Assert.Single(objects.OfType<V1PersistentVolumeClaim>());
        Assert.Equal("orders-uploads", claim.Metadata.Name);
        Assert.Equal("orders", claim.Metadata.Labels["app.kubernetes.io/name"]);
        Assert.Equal(("standard", "5Gi", "ReadWriteOnce"), (claim.Spec.StorageClassName, claim.Spec.Resources.Requests["storage"].ToString(), Assert.Single(claim.Spec.AccessModes)));
    }

    [Fact]
    public void A_volume_many_nodes_can_mount_keeps_the_rolling_update_and_the_replicas()
    {
        var yaml = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Replicas = 3)] [DisruptionBudget(MaxUnavailable = "1")] [PersistentVolume("shared", "/srv/shared", AccessMode = AccessMode.ReadWriteMany)]
            public sealed class OrdersService { }
            """, TestProperties.Default).AssertClean().SingleManifest();

        var deployment = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]);
        Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
        Assert.Equal(3, deployment.Spec.Replicas);
    }

    [Fact]
    public void Without_volumes_the_pod_has_only_tmp_and_no_fs_group()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Deployment] [Volume(\"scratch\", \"/scratch\")] public sealed class OrdersService { }", TestProperties.Default).SingleManifest();

        var pod = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(yaml)[0]).Spec.Template.Spec;
        Assert.Null(pod.SecurityContext.FsGroup); // an emptyDir is writable by the pod's user already
        Assert.Equal(["tmp", "scratch"], pod.Volumes.Select(v => v.Name));
    }

    [Theory]
    [InlineData("""[Deployment] [[|VolumeClaim("data", "/data")|]]""", "KSG1191", "[VolumeClaim] does not apply to a Deployment: a claim template gives each pod of a StatefulSet a volume of its own.")]
    [InlineData("""[StatefulSet] [[|PersistentVolume("data", "/data")|]]""", "KSG1191", "[PersistentVolume] does not apply to a StatefulSet: its pods each keep their own volume, which [VolumeClaim] declares. Use [VolumeClaim(\"data\", \"/data\")]")]
    [InlineData("""[Deployment] [Volume([|"Cache"|], "/cache")]""", "KSG1193", "Volume name 'Cache' is invalid")]
    [InlineData("""[Deployment] [Volume([|"tmp"|], "/scratch")]""", "KSG1193", "Volume name 'tmp' is invalid: it is the name of the /tmp volume every pod gets.")]
    [InlineData("""[Deployment] [ConfigMapMount([|"flags.v1"|], "/etc/flags")]""", "KSG1193", "Volume name 'flags.v1' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit (the volume takes the ConfigMap's name; set VolumeName)")]
    [InlineData("""[Deployment] [Volume("a", "/a")] [[|Volume("a", "/b")|]]""", "KSG1073", "Volume 'a' is declared twice")]
    [InlineData("""[Deployment] [Volume("a", [|"data"|])]""", "KSG1194", "Mount path 'data' is invalid: it must be an absolute path.")]
    [InlineData("""[Deployment] [Volume("a", [|"/tmp/"|])]""", "KSG1194", "Mount path '/tmp/' is invalid: every pod already has a writable volume at /tmp.")]
    [InlineData("""[Deployment] [Volume("a", [|"/app"|])]""", "KSG1194", "Mount path '/app' is invalid: a volume there would hide the app itself")]
    [InlineData("""[Deployment] [Volume("a", [|"/x/../etc"|])]""", "KSG1194", "Mount path '/x/../etc' is invalid: it must not contain '..'")]
    [InlineData("""[Deployment] [Volume("a", "/data")] [Volume("b", [|"/data/"|])]""", "KSG1194", "Mount path '/data/' is invalid: another volume of this workload is mounted there.")]
    [InlineData("""[Deployment] [PersistentVolume("a", "/a", Size = [|"ten gigs"|])]""", "KSG1050", "Size = \"ten gigs\" is not a valid quantity")]
    [InlineData("""[Deployment] [PersistentVolume("a", "/a", Size = [|"0Gi"|])]""", "KSG1050", "Size = \"0Gi\" is not a valid quantity: a volume's size must be more than 0.")]
    [InlineData("""[Deployment] [Volume("a", "/a", SizeLimit = [|"-1Gi"|])]""", "KSG1050", "SizeLimit = \"-1Gi\" is not a valid quantity")]
    [InlineData("""[Deployment] [PersistentVolume("a", "/a", StorageClass = [|"Fast_SSD"|])]""", "KSG1022", "StorageClass 'Fast_SSD' is invalid")]
    [InlineData("""[Deployment] [PersistentVolume("a", "/a", AccessMode = [|(AccessMode)8|])]""", "KSG1192", "AccessMode = 8 is invalid")]
    [InlineData("""[Deployment] [SecretMount([|"Bad_Secret"|], "/s", VolumeName = "s")]""", "KSG1022", "Secret 'Bad_Secret' is invalid")]
    [InlineData("""[Deployment(Replicas = [|2|])] [PersistentVolume("uploads", "/u")]""", "KSG1195", "Workload 'orders' shares volume 'uploads' (ReadWriteOnce: one node can mount it) but runs 2 replicas")]
    [InlineData("""[[|DaemonSet|]] [PersistentVolume("uploads", "/u")]""", "KSG1195", "Workload 'orders' shares volume 'uploads' (ReadWriteOnce: one node can mount it) but runs one pod on every node")]
    [InlineData("""[Deployment] [Resources(CpuRequest = "100m")] [[|Autoscale(Max = 4, CpuUtilization = 70)|]] [PersistentVolume("uploads", "/u", AccessMode = AccessMode.ReadWriteOncePod)]""", "KSG1195", "Workload 'orders' shares volume 'uploads' (ReadWriteOncePod: one node can mount it) but runs an autoscaled number of pods")]
    [InlineData("""[Deployment] [Environment("production", Replicas = [|3|])] [PersistentVolume("uploads", "/u")]""", "KSG1195", "Workload 'orders' shares volume 'uploads' (ReadWriteOnce: one node can mount it) but runs 3 replicas in environment 'production'")]
    [InlineData("""[Deployment(MaxSurge = [|"1"|])] [PersistentVolume("uploads", "/u")]""", "KSG1191", "MaxSurge does not apply to a Deployment with a ReadWriteOnce volume: its pod is replaced by stopping it first (strategy Recreate)")]
    public void Invalid_volumes_are_located_errors_and_produce_no_yaml(string attributes, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + attributes + " public sealed class OrdersService { }");

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertOnlyError(expected, id, message);
    }
}
