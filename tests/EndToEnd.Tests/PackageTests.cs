using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using K8sGen.MSBuild.Manifests;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// The K8sGen package as a user meets it: one PackageReference, attributes, <c>dotnet publish</c>,
/// and manifests on disk that <c>kubectl kustomize</c> renders and strict parsing accepts.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests(PackageFeed feed)
{
    private const string Program = """
        var app = WebApplication.Create(args);
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public void Publish_writes_validated_manifests_rewrites_nothing_when_unchanged_and_removes_deleted_workloads()
    {
        var project = feed.WriteProject(feed.NewDirectory("publish"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment(Replicas = 2)] [Port(8080)] [Route("/orders", Host = "shop.example")] [Scrape(ServiceMonitor = true)]
            [Liveness("/healthz")] [Resources(CpuRequest = "100m", MemoryLimit = "256Mi")]
            public sealed class OrdersService { }
            """);
        File.WriteAllText(Path.Combine(project, "Worker.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment(Name = "orders-worker")]
            public sealed class Worker { }
            """);

        var (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", BaseImage);

        Assert.True(exitCode == 0, output);
        var k8s = Path.Combine(project, "bin/Release/net10.0/publish/k8s");
        Assert.Contains("K8sGen: orders → Deployment, Service, Ingress, ServiceMonitor; orders-worker → Deployment → bin/Release/net10.0/publish/k8s/", output);
        Assert.Equal([".k8sgen-files", "kustomization.yaml", "orders-worker.yaml", "orders.yaml", "topology.md"], Directory.GetFiles(k8s).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var rendered = Kubectl.Kustomize(k8s);
        var objects = KubernetesYaml.LoadAllFromString(rendered, new Dictionary<string, Type>(ManifestValidator.CustomTypes), strict: true);
        Assert.Equal(["Deployment", "Deployment", "Ingress", "Service", "ServiceMonitor"], objects.Cast<IKubernetesObject>().Select(o => o.Kind).Order(StringComparer.Ordinal));
        Assert.Equal("orders-api:latest", objects.OfType<V1Deployment>().First().Spec.Template.Spec.Containers[0].Image);
        Assert.True(File.Exists(Path.Combine(project, "bin/Release/net10.0/k8s/kustomization.yaml")), "dotnet build output has its own k8s folder");

        // No change: neither a build nor a publish rewrites any manifest, and the build skips the target.
        var before = Timestamps(project);
        Thread.Sleep(1100);
        (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release", "-v:n");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Skipping target \"K8sGenWriteManifests\" because all output files are up-to-date", output);
        (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", BaseImage);
        Assert.True(exitCode == 0, output);
        Assert.Equal(before, Timestamps(project));

        // A workload class deleted: its manifest goes, a user's file in the folder stays.
        File.WriteAllText(Path.Combine(k8s, "README.txt"), "my notes");
        File.Delete(Path.Combine(project, "Worker.cs"));
        (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", BaseImage);
        Assert.True(exitCode == 0, output);
        Assert.Equal([".k8sgen-files", "README.txt", "kustomization.yaml", "orders.yaml", "topology.md"], Directory.GetFiles(k8s).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("orders-worker", Kubectl.Kustomize(k8s));

        // dotnet clean removes what K8sGen wrote to the build folder, and nothing else.
        var buildK8s = Path.Combine(project, "bin/Release/net10.0/k8s");
        File.WriteAllText(Path.Combine(buildK8s, "mine.txt"), "keep");
        (exitCode, output) = Dotnet.Run(project, "clean", "-c", "Release");
        Assert.True(exitCode == 0, output);
        Assert.Equal(["mine.txt"], Directory.GetFiles(buildK8s).Select(Path.GetFileName));
    }

    [Fact]
    public void Each_project_of_a_solution_gets_its_own_folder_and_net8_consumers_work()
    {
        var solution = feed.NewDirectory("solution");
        var api = feed.WriteProject(solution, "Api");
        File.WriteAllText(Path.Combine(api, "Program.cs"), Program + "\n[K8sGen.Deployment, K8sGen.Port(8080)] public partial class Program { }\n");
        var jobs = feed.WriteProject(solution, "Jobs", targetFramework: "net8.0", sdk: "Microsoft.NET.Sdk", extraProperties: "<OutputType>Exe</OutputType>");
        var shared = feed.WriteProject(solution, "Shared", sdk: "Microsoft.NET.Sdk");
        File.WriteAllText(Path.Combine(shared, "Money.cs"), "namespace Shared; public record Money(decimal Amount);\n");
        File.WriteAllText(Path.Combine(jobs, "Program.cs"), "System.Console.WriteLine(Jobs.K8sManifests.All);\n[K8sGen.Deployment(Name = \"nightly\")] class Nightly { }\n");
        Assert.Equal(0, Dotnet.Run(solution, "new", "sln", "-n", "Shop", "--format", "sln").ExitCode);
        Assert.Equal(0, Dotnet.Run(solution, "sln", "add", "Api/Api.csproj", "Jobs/Jobs.csproj", "Shared/Shared.csproj").ExitCode);

        var (exitCode, output) = Dotnet.Run(solution, "build", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Equal(["kustomization.yaml", "program.yaml"], Manifests(Path.Combine(api, "bin/Release/net10.0/k8s")));
        Assert.Equal(["kustomization.yaml", "nightly.yaml"], Manifests(Path.Combine(jobs, "bin/Release/net8.0/k8s")));
        Assert.Contains("name: nightly", Kubectl.Kustomize(Path.Combine(jobs, "bin/Release/net8.0/k8s")));
        Assert.Contains("app.kubernetes.io/part-of: shop", File.ReadAllText(Path.Combine(api, "bin/Release/net10.0/k8s/program.yaml")));
        Assert.False(Directory.Exists(Path.Combine(shared, "bin/Release/net10.0/k8s")), "a project without workloads gets no folder");

        // A no-change build skips K8sGen in every project, the one without workloads included.
        (exitCode, output) = Dotnet.Run(solution, "build", "-c", "Release", "-v:n");
        Assert.True(exitCode == 0, output);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(output, "Skipping target \"K8sGenWriteManifests\" because all output files are up-to-date"));
    }

    [Theory]
    [InlineData("-p:K8sGenNamespace=Shop_Prod", "", "error KSG1080: MSBuild property K8sGenNamespace = 'Shop_Prod' is invalid")]
    [InlineData("-p:ContainerImageTag=1.0 beta", "", "error KSG1081: The image this project builds, 'orders-api:1.0 beta', is not a valid image reference")]
    [InlineData("-p:Nothing=1", "Image = \"Shop/Orders:1\"", "Workloads.cs(2,21): error KSG1007: Image 'Shop/Orders:1' is not a valid image reference")]
    public void Invalid_settings_fail_with_a_KSG_error_and_write_no_files(string property, string deploymentArguments, string expected)
    {
        var project = feed.WriteProject(feed.NewDirectory("invalid"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), $"using K8sGen;\n[Deployment({deploymentArguments})] public sealed class OrdersService {{ }}\n");

        var (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", BaseImage, property);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, output);
        Assert.False(Directory.Exists(Path.Combine(project, "bin/Release/net10.0/k8s")));
        Assert.False(Directory.Exists(Path.Combine(project, "bin/Release/net10.0/publish/k8s")));
    }

    [Fact]
    public void Two_workloads_with_one_name_still_show_every_other_mistake_of_the_project()
    {
        // The compiler shows no analyzer diagnostic while the compilation has an error: the generated code must compile.
        var project = feed.WriteProject(feed.NewDirectory("twins"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment(Name = "twin")] [Port(8080)] public sealed class TwinA { }
            [Deployment(Name = "twin")] [Port(8080)] public sealed class TwinB { }
            [Deployment(Replicas = -1)] [Port(70000)] public sealed class BrokenService { }
            """);

        var (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Workloads.cs(4,20): error KSG1008: Workload name 'twin' of 'Orders.Api.TwinB' clashes with workload 'Orders.Api.TwinA'", output);
        Assert.Contains("Workloads.cs(5,24): error KSG1004", output);
        Assert.Contains("Workloads.cs(5,35): error KSG1010", output);
        Assert.DoesNotContain("error CS", output);
    }

    [Fact]
    public void A_real_build_reports_where_the_manifests_disagree_with_the_app_and_editorconfig_sets_the_severities()
    {
        var project = feed.WriteProject(feed.NewDirectory("app-checks"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapHealthChecks("/healthz");
            app.MapControllers();
            var db = builder.Configuration["Db:Host"];
            var shop = builder.Configuration.GetConnectionString("shop");
            app.Run();
            """);
        File.WriteAllText(Path.Combine(project, "OrdersController.cs"), """
            using Microsoft.AspNetCore.Mvc;
            namespace Orders.Api;
            [ApiController]
            [Route("api/[controller]")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet("{id:int}")] public string Get(int id) => "order";
            }
            """);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment] [Port(8080)] [Route("/api/orders")] [Route("/v1/orders")]
            [Liveness("/healthz")] [Readiness("/ready")] [Scrape]
            public sealed class OrdersService { }
            """);
        File.WriteAllText(Path.Combine(project, "appsettings.json"), """{ "Db": { "Host": "db" } }""");
        File.WriteAllText(Path.Combine(project, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.KSG1172.severity = none
            dotnet_diagnostic.KSG1174.severity = warning
            """);

        var (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release");

        Assert.True(exitCode == 0 && output.Contains("KSG1171", StringComparison.Ordinal), output);
        Assert.Contains("Workloads.cs(3,57): warning KSG1171: [Route] path '/v1/orders' (Prefix) reaches no endpoint of the app", output);
        Assert.Contains("Workloads.cs(4,35): warning KSG1170: [Readiness] path '/ready' reaches no GET endpoint of the app, so the pod would never receive traffic. The app maps /healthz, GET /api/Orders/{id:int} (closest first).", output);
        Assert.Contains("Program.cs(8,12): warning KSG1174: Connection string 'shop' is read here, but nothing sets it in workload 'orders'", output);
        Assert.DoesNotContain("KSG1172", output); // turned off
        Assert.DoesNotContain("'Db:Host'", output); // in appsettings.json, which the package passes to the analyzer
        Assert.DoesNotContain("/api/orders'", output);
    }

    [Fact]
    public void The_policy_warns_in_a_real_build_strict_fails_it_and_editorconfig_sets_a_whole_category()
    {
        var project = feed.WriteProject(feed.NewDirectory("policy"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment] [Port(8080)] [Env("DB_PASSWORD", "hunter2")]
            public sealed class OrdersService { }
            """);

        var (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Workloads.cs(3,2): warning KSG3001: Workload 'orders' requests no CPU or memory", output);
        Assert.Contains("Workloads.cs(3,47): warning KSG3008: Environment variable 'DB_PASSWORD' looks like a secret", output);
        Assert.True(File.Exists(Path.Combine(project, "bin/Release/net10.0/k8s/orders.yaml")), output); // warnings never stop the manifests

        (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release", "--no-incremental", "-p:K8sGenPolicy=strict");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Workloads.cs(3,2): error KSG3004: Workload 'orders' serves traffic but declares no liveness probe", output);

        File.WriteAllText(Path.Combine(project, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_analyzer_diagnostic.category-K8sGen.Policy.severity = none
            dotnet_diagnostic.KSG3008.severity = error
            """);
        (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release", "--no-incremental");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Workloads.cs(3,47): error KSG3008", output);
        Assert.DoesNotContain("KSG3001", output);
    }

    /// <summary>The task and its dependencies ship as ReadyToRun images (native code for linux-x64 beside the IL): a build's MSBuild process is short-lived.</summary>
    [Fact]
    public void The_package_ships_the_build_task_precompiled()
    {
        foreach (var name in new[] { "K8sGen.MSBuild.dll", "KubernetesClient.dll", "YamlDotNet.dll" })
        {
            using var pe = PackagedAssembly("tasks/net10.0/" + name);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, name + " is not a ReadyToRun image");
        }
    }

    /// <summary>
    /// The generator ships twice: IL in analyzers/ for every host, and the same assembly with native code for linux-x64, which
    /// command-line builds there load (a compiler without its server JIT-compiles the generator afresh on every run). Both
    /// write the same manifests; the IDE (a design-time build) and K8sGenReadyToRunGenerator=false keep the IL.
    /// </summary>
    [Fact]
    public void Command_line_builds_on_linux_x64_load_the_precompiled_generator_and_it_writes_what_the_IL_writes()
    {
        using (var il = PackagedAssembly("analyzers/dotnet/cs/K8sGen.Generator.dll"))
        using (var native = PackagedAssembly("generator/linux-x64/K8sGen.Generator.dll"))
        {
            Assert.Equal(0, il.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
            Assert.True(native.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "generator/linux-x64/K8sGen.Generator.dll is not a ReadyToRun image");
            Guid Mvid(System.Reflection.PortableExecutable.PEReader pe)
            {
                var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
                return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
            }

            Assert.Equal(Mvid(il), Mvid(native)); // the same compilation of the generator, not another build of it
        }

        var project = feed.WriteProject(feed.NewDirectory("r2r-generator"), "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using K8sGen;
            namespace Orders.Api;
            [Deployment(Replicas = 2)] [Port(9090)] [Route("/orders")] [Env("MODE", "fast")] public sealed class OrdersService { }
            [CronJob("*/5 * * * *")] public sealed class Cleanup { }
            """);
        Assert.Equal(0, Dotnet.Run(project, "restore").ExitCode);
        string Generator(params string[] properties)
        {
            var (exitCode, output) = Dotnet.Run(project, ["msbuild", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", .. properties]);
            Assert.True(exitCode == 0, output);
            return Assert.Single(Regex.Matches(output, "\"Identity\": \"([^\"]*K8sGen\\.Generator\\.dll)\"").Select(m => m.Groups[1].Value));
        }

        Assert.EndsWith("/generator/linux-x64/K8sGen.Generator.dll", Generator());
        Assert.EndsWith("/analyzers/dotnet/cs/K8sGen.Generator.dll", Generator("-p:K8sGenReadyToRunGenerator=false"));
        Assert.EndsWith("/analyzers/dotnet/cs/K8sGen.Generator.dll", Generator("-p:DesignTimeBuild=true"));

        (Dictionary<string, string> Files, string Output) Manifests(params string[] properties)
        {
            // Not a rebuild: that cleans obj/, and with it the record of the last validation.
            var (exitCode, output) = Dotnet.Run(project, ["build", "-c", "Release", .. properties]);
            Assert.True(exitCode == 0, output);
            var folder = Path.Combine(project, "bin/Release/net10.0/k8s");
            return (Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText), output);
        }

        var precompiled = Manifests();
        Assert.Contains("orders.yaml", precompiled.Files.Keys);
        Assert.Contains("containerPort: 9090", precompiled.Files["orders.yaml"]);
        Assert.DoesNotContain("as validated last time", precompiled.Output);
        File.AppendAllText(Path.Combine(project, "Program.cs"), "// an edit of code, not of an attribute\n"); // so that csc runs again
        var fromIL = Manifests("-p:K8sGenReadyToRunGenerator=false");
        Assert.Equal(fromIL.Files, precompiled.Files);

        // Compiled again, the same YAML byte for byte: the task did not validate it again (ValidationStamp).
        Assert.Contains("YAML as validated last time", fromIL.Output);
    }

    /// <summary>
    /// Versions from git tags (MinVer, as the README recommends): <c>git tag v1.4.0</c> gives the manifests version 1.4.0
    /// and the image tag 1.4.0 with no edit; a commit after it is a pre-release that sorts below the next version.
    /// </summary>
    [Fact]
    public void A_git_tag_sets_the_version_label_and_the_image_tag_through_MinVer()
    {
        var repository = feed.NewDirectory("minver");
        var project = feed.WriteProject(repository, "Orders.Api");
        File.WriteAllText(Path.Combine(project, "Orders.Api.csproj"), File.ReadAllText(Path.Combine(project, "Orders.Api.csproj"))
            .Replace("</ItemGroup>", "  <PackageReference Include=\"MinVer\" Version=\"8.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>", StringComparison.Ordinal)
            .Replace("</PropertyGroup>", "  <MinVerTagPrefix>v</MinVerTagPrefix>\n  </PropertyGroup>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), ReadmeImageTagTarget());
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), "using K8sGen;\n[Deployment] [Port(8080)] public sealed class OrdersService { }\n");
        void Git(params string[] arguments) => Tool.Succeed("git", ["-C", repository, "-c", "user.name=K8sGen", "-c", "user.email=k8sgen@example.invalid", .. arguments]);
        Git("init", "-q");
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
        Git("add", ".");
        Git("commit", "-q", "-m", "orders");
        Git("tag", "v1.4.0");

        // The image tag is the SDK's (its default: the Version), which publish puts in the manifests.
        var (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", "-p:K8sGenContainer=false", BaseImage);
        Assert.True(exitCode == 0, output);
        var yaml = File.ReadAllText(Path.Combine(project, "bin/Release/net10.0/publish/k8s/orders.yaml"));
        Assert.Contains("app.kubernetes.io/version: \"1.4.0\"", yaml);
        Assert.Contains("image: \"orders-api:1.4.0\"", yaml);
        Assert.DoesNotContain("KSG3005", output);

        // Switched off, K8sGen writes no manifest and judges no image (the SDK's targets keep their order, so the tag MinVer
        // sets is not known to the analyzer then: a check would see the SDK's default "latest").
        (exitCode, output) = Dotnet.Run(project, "build", "-c", "Release", "-p:K8sGenEnabled=false");
        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("KSG3005", output);

        File.AppendAllText(Path.Combine(project, "Workloads.cs"), "// a change after the release\n");
        Git("commit", "-q", "-am", "after the release");
        (exitCode, output) = Dotnet.Run(project, "publish", "-c", "Release", "-p:K8sGenContainer=false", BaseImage);
        Assert.True(exitCode == 0, output);
        yaml = File.ReadAllText(Path.Combine(project, "bin/Release/net10.0/publish/k8s/orders.yaml"));
        Assert.Contains("app.kubernetes.io/version: \"1.4.1-alpha.0.1\"", yaml);
        Assert.Contains("image: \"orders-api:1.4.1-alpha.0.1\"", yaml);
    }

    /// <summary>The README's target that tags the image with the version MinVer computes (tested as the README gives it).</summary>
    private static string ReadmeImageTagTarget()
    {
        var readme = File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot, "README.md"));
        var target = Regex.Match(readme, "```xml\n(<Project>\n  <Target Name=\"ContainerImageTagFromVersion\"[\\s\\S]*?</Project>)\n```").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(target), "the README shows the ContainerImageTagFromVersion target");
        return target;
    }

    /// <summary>The code fixes ship beside the generator, in their own assembly: the compiler loads the generator, which must not need Workspaces.</summary>
    [Fact]
    public void The_package_ships_the_code_fixes_in_their_own_assembly_beside_the_generator()
    {
        string[] References(string name)
        {
            using var pe = PackagedAssembly("analyzers/dotnet/cs/" + name);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            return [.. metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name))];
        }

        Assert.DoesNotContain(References("K8sGen.Generator.dll"), r => r.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal) || r.StartsWith("Microsoft.CodeAnalysis.CSharp.Workspaces", StringComparison.Ordinal));
        Assert.Contains("Microsoft.CodeAnalysis.Workspaces", References("K8sGen.CodeFixes.dll"));
        Assert.Contains("K8sGen.Generator", References("K8sGen.CodeFixes.dll"));
    }

    /// <summary>An assembly of the packed package, read from the .nupkg as NuGet would extract it.</summary>
    private System.Reflection.PortableExecutable.PEReader PackagedAssembly(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Directory.GetFiles(Path.Combine(feed.Root, "feed"), "K8sGen.*.nupkg").Single());
        var entry = zip.GetEntry(path) ?? throw new InvalidOperationException(path + " is not in the package");
        var stream = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(stream);
        }

        stream.Position = 0;
        return new System.Reflection.PortableExecutable.PEReader(stream);
    }

    // Publishing builds the image too; offline, its base comes from the local registry.
    private static string BaseImage => $"-p:ContainerBaseImage={ContainerEnvironment.BaseImage}";

    private static Dictionary<string, DateTime> Timestamps(string project) =>
        Directory.GetFiles(Path.Combine(project, "bin/Release/net10.0"), "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("/k8s/", StringComparison.Ordinal))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static IEnumerable<string?> Manifests(string directory) =>
        Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
}
