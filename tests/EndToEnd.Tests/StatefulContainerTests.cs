using k8s;
using k8s.Models;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// A [StatefulSet] with a [VolumeClaim], a ConfigMap made from appsettings.Production.json and one of entries, published
/// as a user would and run under podman from its own manifests: the app reads its setting from the mounted file, its
/// mode from the environment, and keeps what it writes on the claim across a restart of its pod.
/// </summary>
/// <remarks>
/// Podman runs no StatefulSet (4.3: "no supported kube kind"), so the test does what the StatefulSet controller does
/// for pod 0: the template as Pod <c>ledger-0</c>, each claim template as PersistentVolumeClaim <c>data-ledger-0</c>
/// (a podman named volume), and the kubelet's fsGroup as the volume's owner (podman's <c>volume.podman.io/uid|gid</c>).
/// Podman 4.3 also ignores <c>subPath</c> on a ConfigMap volume (it mounts the folder on the file's path), so a
/// subPath mount is done as the kubelet does it, a bind mount of the one file: the generated ConfigMap's data written
/// to a file and mounted with <c>hostPath</c>. Everything else (the secure defaults, the mount path, envFrom, the
/// hashed names) is the generated YAML as is.
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed class StatefulContainerTests(PackageFeed feed)
{
    private const int HostPort = 18095;

    [Fact]
    public async Task A_stateful_set_reads_its_config_map_and_keeps_its_claims_data_across_a_restart()
    {
        var project = feed.WriteProject(feed.NewDirectory("stateful"), "Ledger.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            var app = WebApplication.Create(args);
            var store = Path.Combine(app.Configuration["Ledger:Data"] ?? "/var/lib/ledger", "visits.txt");
            app.MapGet("/visit", () =>
            {
                var visits = (File.Exists(store) ? int.Parse(File.ReadAllText(store)) : 0) + 1;
                File.WriteAllText(store, visits.ToString());
                return $"{app.Configuration["Ledger:Greeting"]}|{app.Configuration["Ledger:Mode"]}|{app.Environment.EnvironmentName}|{visits}";
            });
            app.MapGet("/ready", () => "ready");
            app.Run();
            """);
        File.WriteAllText(Path.Combine(project, "appsettings.Production.json"), """{ "Ledger": { "Greeting": "Hello from the ConfigMap" } }""");
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Ledger.Api;
            [StatefulSet] [Port(5000)] [Readiness("/ready")]
            [VolumeClaim("data", "/var/lib/ledger", Size = "1Gi")]
            [ConfigMap("ledger-settings", FromFile = "appsettings.Production.json")]
            [ConfigMap("ledger-flags")] [ConfigMapEntry("ledger-flags", "Ledger__Mode", "audit")]
            [Env("ASPNETCORE_ENVIRONMENT", "Production")]
            public sealed class Ledger { }
            """);

        var (exitCode, output) = Dotnet.Run(
            project, "publish", "-c", "Release", $"-p:ContainerRegistry={ContainerEnvironment.Registry}", "-p:ContainerRepository=e2e/ledger",
            $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}", "-p:K8sGenPinDigest=true");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("warning KSG1", output);

        var k8s = Path.Combine(project, "bin/Release/net10.0/publish/k8s");
        var objects = KubernetesYaml.LoadAllFromString(Kubectl.Kustomize(k8s));
        var statefulSet = Assert.Single(objects.OfType<V1StatefulSet>());
        Assert.Equal(["ledger", "ledger-headless"], objects.OfType<V1Service>().Select(s => s.Metadata.Name));
        var maps = objects.OfType<V1ConfigMap>().ToList();
        Assert.Equal(2, maps.Count);
        var image = statefulSet.Spec.Template.Spec.Containers[0].Image;
        Assert.Matches("@sha256:[0-9a-f]{64}$", image);

        var scratch = Dotnet.ScratchDirectory("stateful-run");
        var rendered = Path.Combine(scratch, "ledger-0.yaml");
        var standIn = StandInForPodZero(statefulSet, maps, scratch).ToList();
        File.WriteAllText(rendered, string.Join("\n---\n", [.. maps.Select(KubernetesYaml.Serialize), .. standIn.Select(KubernetesYaml.Serialize)]));
        // Podman refuses a claim whose volume exists: the pod comes back on its own, as it does under the controller.
        var restart = Path.Combine(scratch, "ledger-0-again.yaml");
        File.WriteAllText(restart, string.Join("\n---\n", [.. maps.Select(KubernetesYaml.Serialize), .. standIn.OfType<V1Pod>().Select(KubernetesYaml.Serialize)]));
        try
        {
            Tool.Succeed("podman", "kube", "play", "--tls-verify=false", rendered);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            Assert.Equal("Hello from the ConfigMap|audit|Production|1", await Get(http, "/visit"));
            Assert.Equal("Hello from the ConfigMap|audit|Production|2", await Get(http, "/visit"));

            // The pod goes and comes back (a node drain, a rollout): its claim, and what it wrote there, stay.
            Tool.Succeed("podman", "kube", "down", rendered);
            Assert.Contains("data-ledger-0", Tool.Succeed("podman", "volume", "ls", "--format", "{{.Name}}"));
            Tool.Succeed("podman", "kube", "play", "--tls-verify=false", restart);
            Assert.Equal("Hello from the ConfigMap|audit|Production|3", await Get(http, "/visit"));
        }
        finally
        {
            Tool.Run("podman", "kube", "down", "--force", rendered);
            Tool.Run("podman", "pod", "rm", "--force", "ledger-0"); // also when play failed half-way
            foreach (var volume in maps.Select(m => m.Metadata.Name).Append("data-ledger-0"))
            {
                Tool.Run("podman", "volume", "rm", "--force", volume); // podman keeps a ConfigMap as a volume when play fails half-way
            }
            Tool.Run("podman", "rmi", "--force", image);
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>What the StatefulSet controller creates for ordinal 0, in the kinds podman runs (see the remarks).</summary>
    private static IEnumerable<object> StandInForPodZero(V1StatefulSet statefulSet, IReadOnlyList<V1ConfigMap> maps, string scratch)
    {
        var name = statefulSet.Metadata.Name + "-0";
        var spec = statefulSet.Spec.Template.Spec;
        foreach (var mount in spec.Containers[0].VolumeMounts.Where(m => m.SubPath is not null))
        {
            var volume = spec.Volumes.Single(v => v.Name == mount.Name);
            var file = Path.Combine(scratch, volume.ConfigMap.Name, mount.SubPath!);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, maps.Single(m => m.Metadata.Name == volume.ConfigMap.Name).Data[mount.SubPath!]);
            volume.ConfigMap = null;
            volume.HostPath = new V1HostPathVolumeSource { Path = file, Type = "File" };
            mount.SubPath = null;
        }

        var fsGroup = spec.SecurityContext.FsGroup!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var template in statefulSet.Spec.VolumeClaimTemplates)
        {
            var claim = $"{template.Metadata.Name}-{name}";
            yield return new V1PersistentVolumeClaim
            {
                ApiVersion = "v1",
                Kind = "PersistentVolumeClaim",
                Metadata = new V1ObjectMeta { Name = claim, Annotations = new Dictionary<string, string> { ["volume.podman.io/uid"] = fsGroup, ["volume.podman.io/gid"] = fsGroup } },
                Spec = template.Spec,
            };
            spec.Volumes.Add(new V1Volume { Name = template.Metadata.Name, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } });
        }

        // Test only: the port on 127.0.0.1 (podman would otherwise publish it on 0.0.0.0).
        var port = spec.Containers[0].Ports[0];
        port.HostPort = HostPort;
        port.HostIP = "127.0.0.1";
        yield return new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = new V1ObjectMeta { Name = name, Labels = statefulSet.Spec.Template.Metadata.Labels }, Spec = spec };
    }

    private static Task<string> Get(HttpClient http, string path) => Http.GetWhenUp(http, $"http://127.0.0.1:{HostPort}{path}", seconds: 15);
}
