using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests;

/// <summary>
/// A project is more than one class: many workloads, some of them wrong, compiled together. The compiler
/// shows no analyzer diagnostic at all while the compilation has an error, so the generated code must
/// compile whatever the input, or one clash hides every other mistake of the project.
/// </summary>
public class ProjectWideTests
{
    [Fact]
    public void Every_mistake_of_a_project_is_located_even_beside_names_that_clash()
    {
        var (source, expected) = Markup.ParseMany("""
            using K8sGen;

            [Deployment(Name = "twin")] [Port(8080)] public sealed class TwinA { }
            [Deployment(Name = {|KSG1008:"twin"|})] [Port(8080)] public sealed class TwinB { }

            // The shapes random input found: a name equal to another class's derived name, two kinds with one
            // name, one name in two namespaces, names that differ only in a dash, a Job beside a CronJob.
            [Deployment] public sealed class DupBService { }
            [Deployment(Name = {|KSG1008:"dup-b"|})] public sealed class DupBOther { }
            [Deployment(Name = "dup-c")] public sealed class DupC1 { }
            [CronJob("0 3 * * *", Name = {|KSG1008:"dup-c"|})] public sealed class DupC2 { }
            [Deployment(Name = "dup-d", Namespace = "one")] public sealed class DupD1 { }
            [Deployment(Name = {|KSG1008:"dup-d"|}, Namespace = "two")] public sealed class DupD2 { }
            [Deployment(Name = "cc-1")] public sealed class Cc1 { }
            [Deployment(Name = {|KSG1008:"cc1"|})] public sealed class Cc2 { }
            [Job] public sealed class DupE { }
            [{|KSG1008:CronJob("0 3 * * *")|}] public sealed class DupEService { }

            [Deployment(Name = {|KSG1001:"Bad_Name"|})] public sealed class A01 { }
            [Deployment(Namespace = {|KSG1003:"Shop"|})] public sealed class A02 { }
            [Deployment(Replicas = {|KSG1004:-1|})] public sealed class A03 { }
            [Deployment(MaxSurge = {|KSG1005:"150x"|})] public sealed class A04 { }
            [Deployment(MaxSurge = {|KSG1006:"0"|})] public sealed class A05 { }
            [Deployment(Image = {|KSG1007:"shop/Users:1.0"|})] public sealed class A06 { }
            [Deployment] [Port({|KSG1010:70000|})] public sealed class A07 { }
            [Deployment] [Port(8080, Name = {|KSG1011:"Http_Port"|})] public sealed class A08 { }
            [Deployment] [Port(8080)] [Port({|KSG1012:8080|})] public sealed class A09 { }
            [Deployment] [Port(8080)] [Route("/v1", Port = {|KSG1013:"grpc"|})] public sealed class A10 { }
            [Deployment] [{|KSG1014:Route("/v1")|}] public sealed class A11 { }
            [Deployment] [Port(8080)] [Route({|KSG1020:"v1"|})] public sealed class A12 { }
            [Deployment] [Port(8080)] [Route("/v1", Host = {|KSG1021:"Bad_Host"|})] public sealed class A13 { }
            [Deployment] [Port(8080)] [Scrape(Path = {|KSG1030:"metrics"|})] public sealed class A14 { }
            [Deployment] [Port(8080)] [Scrape(Interval = {|KSG1031:"soon"|})] public sealed class A15 { }
            [Deployment] [Port(8080)] [Liveness({|KSG1040:"healthz"|})] public sealed class A16 { }
            [Deployment] [Resources(CpuRequest = {|KSG1050:"lots"|})] public sealed class A17 { }
            [Deployment] [Resources(CpuRequest = {|KSG1051:"2"|}, CpuLimit = "1")] public sealed class A18 { }
            [Deployment] [Env({|KSG1060:"1BAD"|}, "x")] public sealed class A19 { }
            [Deployment] [Label({|KSG1070:"bad key!"|}, "x")] public sealed class A20 { }
            [Deployment] [Label("team", {|KSG1071:"not a value"|})] public sealed class A21 { }
            [Deployment] [Autoscale(Min = 5, Max = {|KSG1100:2|}, CpuUtilization = 70)] [Resources(CpuRequest = "100m")] public sealed class A22 { }
            [CronJob({|KSG1142:"61 * * * *"|})] public sealed class A23 { }
            [Deployment] [Port(8080)] [{|KSG1120:HttpRoute("/v1")|}] public sealed class A24 { }
            """);

        var run = GeneratorHarness.Run(source);

        run.AssertNoCrash();
        // Not one error in the generated code (nor anywhere but in K8sGen's own diagnostics).
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var actual = run.K8sGenDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition))
            .OrderBy(d => d.StartLinePosition)
            .ToList();
        Assert.Equal(expected.OrderBy(e => e.Start).Select(e => $"{e.Id} at {e.Start}"), actual.Select(a => $"{a.Id} at {a.StartLinePosition}"));

        // The first of each clashing pair (the one KSG1008 names as having the name) keeps the member; the
        // valid workloads are generated as usual.
        Assert.Equal("TwinA", GeneratedFrom(run, "twin"));
        Assert.Equal("DupBService", GeneratedFrom(run, "dup-b"));
        Assert.Equal("DupE", GeneratedFrom(run, "dup-e"));
        Assert.Contains("name: twin", run.Manifest("Twin"));
    }

    /// <summary>The class whose manifests the generated code holds for a workload name (from the generated file's hint name).</summary>
    private static string GeneratedFrom(GeneratorRun run, string name)
    {
        var files = run.Result.Results.Single().GeneratedSources
            .Where(s => s.SourceText.ToString().Contains($"\"K8sGen.Manifest:{name}\"", StringComparison.Ordinal))
            .Select(s => s.HintName.Split('.')[1])
            .ToList();
        return Assert.Single(files);
    }
}

/// <summary>
/// A failure of K8sGen itself, in the step the analyzer never runs (building the objects and the YAML with the
/// project's real settings). These tests swap a decorator, so they run alone (the decorator list is static).
/// </summary>
[Collection(GeneratorFailureTests.Collection)]
public class GeneratorFailureTests
{
    public const string Collection = "decorators swapped";

    [Fact]
    public void A_decorator_that_fails_only_with_the_projects_settings_is_a_located_error_of_the_generator()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [[|Deployment|]] [Port(8080)] public sealed class OrdersService { }
            [Deployment] [Port(8080)] [NetworkPolicy(false)] public sealed class UsersService { }
            """);
        var properties = new Dictionary<string, string>(TestProperties.Default) { ["K8sGenNetworkPolicy"] = "true", ["K8sGenNamespace"] = "shop" };

        var run = WithFailingNetworkPolicies(() => GeneratorHarness.Run(source, properties));

        run.AssertNoCrash();
        var failure = Assert.Single(run.Errors);
        Assert.Equal("KSG1000", failure.Id);
        Assert.Equal(expected, failure.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(GeneratorHarness.TestFile, failure.Location.GetLineSpan().Path);
        Assert.Equal(
            "K8sGen failed on 'OrdersService' (InvalidOperationException: network policies broke); no manifests were generated for it and the build stops before any file is written or removed. Please report this with the attribute code.",
            failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // Reported by the generator itself (the analyzer never builds the objects), and the build fails on it.
        Assert.Contains(run.Result.Diagnostics, d => d.Id == "KSG1000");
        Assert.Null(run.Manifest("Orders"));
        Assert.Contains("name: users", run.Manifest("Users"));
    }

    [Fact]
    public void The_same_decorator_without_the_setting_that_breaks_it_is_no_error()
    {
        var run = WithFailingNetworkPolicies(() => GeneratorHarness.Run("using K8sGen;\n[Deployment] [Port(8080)] public sealed class OrdersService { }", TestProperties.Default));

        run.AssertClean();
        Assert.NotNull(run.Manifest("Orders"));
    }

    /// <summary>Network policies throw whenever they are on: a builder bug that only real options reach.</summary>
    private static GeneratorRun WithFailingNetworkPolicies(Func<GeneratorRun> run)
    {
        var decorators = K8sGen.Generator.Kubernetes.ManifestBuilder.Decorators;
        var index = Array.IndexOf(decorators, (Action<K8sGen.Generator.Kubernetes.ManifestContext>)AddNetworkPolicies.Apply);
        Assert.True(index >= 0);
        var original = decorators[index];
        decorators[index] = context =>
        {
            if (context.Model.NetworkPolicy.Value ?? context.Options.NetworkPolicy)
            {
                throw new InvalidOperationException("network policies broke");
            }

            original(context);
        };
        try
        {
            return run();
        }
        finally
        {
            decorators[index] = original;
        }
    }
}

[CollectionDefinition(GeneratorFailureTests.Collection, DisableParallelization = true)]
public sealed class GeneratorFailureCollection
{
}

public class HttpRouteLimitTests
{
    [Fact]
    public void An_HTTPRoute_takes_at_most_16_rules_and_the_17th_is_an_error_at_its_attribute()
    {
        var routes = string.Concat(Enumerable.Range(1, 16).Select(i => $"[HttpRoute(\"/r{i}\", Gateway = \"gw\")] "));
        var (source, expected) = Markup.Parse($$"""
            using K8sGen;
            [Deployment] [Port(8080)] {{routes}}
            [[|HttpRoute("/r17", Gateway = "gw")|]] [HttpRoute("/r18", Gateway = "gw")]
            [HttpRoute("/other", Gateway = "gw", Hostname = "other.example")]
            public class A { }
            """);

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).K8sGenDiagnostics);

        Assert.Equal("KSG1122", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "[HttpRoute(\"/r17\")] would be the 17th rule of the HTTPRoute for Gateway 'gw' and hostname '*'; the Gateway API allows at most 16 rules in one HTTPRoute. Route a common prefix instead of each path, or put some paths on another Hostname or Gateway.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Sixteen_rules_are_one_valid_HTTPRoute()
    {
        var routes = string.Concat(Enumerable.Range(1, 16).Select(i => $"[HttpRoute(\"/r{i}\", Gateway = \"gw\")] "));

        var yaml = GeneratorHarness.Run($"using K8sGen;\n[Deployment] [Port(8080)] {routes} public class A {{ }}").SingleManifest();

        var route = KubernetesParsing.LoadStrict(yaml).OfType<K8sGen.MSBuild.Manifests.V1HttpRoute>().Single();
        Assert.Equal(16, route.Spec.Rules.Count);
    }
}

/// <summary>Characters at the edge of what YAML and kustomize take: what K8sGen writes, kustomize renders unchanged.</summary>
public class UnusualTextTests
{
    [Fact]
    public void Every_character_K8sGen_accepts_survives_kubectl_kustomize()
    {
        // C0 controls, NBSP, BOM, a private-use and an astral character (a surrogate pair), the replacement character.
        const string value = "a\u0000\u0001\u001b\t\n\u00a0\ufeff\ue000\ud83d\ude00\ufffd\udbff\udfff z";
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
        var yaml = GeneratorHarness.Run($"using K8sGen;\n[Deployment] [Annotation(\"note\", {literal})] public class A {{ }}").SingleManifest();
        var directory = Path.Combine(Path.GetTempPath(), "k8sgen-text-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.yaml"), yaml);
            File.WriteAllText(Path.Combine(directory, "kustomization.yaml"), "resources:\n- a.yaml\n");

            var rendered = Kustomize(directory);

            var deployment = KubernetesParsing.LoadStrict(rendered).OfType<k8s.Models.V1Deployment>().Single();
            Assert.Equal(value, deployment.Metadata.Annotations["note"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Kustomize(string directory)
    {
        var start = new System.Diagnostics.ProcessStartInfo("kubectl", ["kustomize", directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Result;
    }
}

/// <summary>Names K8sGen makes up for a workload's objects never collide unseen with another workload's.</summary>
public class DerivedNameTests
{
    [Fact]
    public void A_second_HTTPRoute_named_like_another_workload_is_an_error_at_its_attribute()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [Deployment(Name = "hr")] [Port(8080)] [HttpRoute("/a", Gateway = "gw1")] [[|HttpRoute("/b", Gateway = "gw2")|]] public class Hr { }
            [Deployment(Name = "hr-2")] [Port(8080)] [HttpRoute("/c", Gateway = "gw1")] public class Hr2 { }
            """);

        var run = GeneratorHarness.Run(source);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1016", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "HTTPRoute 'hr-2', which K8sGen writes for [HttpRoute(\"/b\")] (Gateway 'gw2') of workload 'hr', is also the name of a HTTPRoute of workload 'hr-2'; names are unique per kind and namespace, so one would replace the other. Give one of the workloads another Name.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_dependency_policy_named_like_another_workload_is_an_error_at_the_dependency()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [Deployment(Name = "c", Namespace = "shop")] [NetworkPolicy] [[|DependsOn("b")|]] public class C { }
            [Deployment(Name = "b-from-c", Namespace = "shop")] [NetworkPolicy] public class BFromC { }
            """);

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).K8sGenDiagnostics);

        Assert.Equal("KSG1016", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains("NetworkPolicy 'b-from-c', which K8sGen writes for [DependsOn(\"b\")] of workload 'c', is also the name of a NetworkPolicy of workload 'b-from-c' in namespace 'shop'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Two_derived_policies_with_one_name_clash_too()
    {
        // x-from-a-from-b twice: [DependsOn("x")] on "a-from-b", and [DependsOn("x-from-a")] on "b".
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Name = "a-from-b", Namespace = "s")] [NetworkPolicy] [DependsOn("x")] public class One { }
            [Deployment(Name = "b", Namespace = "s")] [NetworkPolicy] [DependsOn("x-from-a")] public class Two { }
            """);

        Assert.Equal(["KSG1016"], run.K8sGenDiagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("""[Deployment(Name = "hr-2", Namespace = "other")] [Port(8080)] [HttpRoute("/c", Gateway = "gw1")] public class Hr2 { }""")] // another namespace
    [InlineData("""[Deployment(Name = "hr-2")] [Port(8080)] public class Hr2 { }""")] // no HTTPRoute of its own
    public void Names_that_do_not_meet_are_no_error(string other)
    {
        var run = GeneratorHarness.Run("using K8sGen;\n[Deployment(Name = \"hr\")] [Port(8080)] [HttpRoute(\"/a\", Gateway = \"gw1\")] [HttpRoute(\"/b\", Gateway = \"gw2\")] public class Hr { }\n" + other);

        run.AssertClean();
    }

    [Theory]
    [InlineData(
        """[[|StatefulSet(Name = "ledger")|]] [Port(9000)] public class Ledger { }""",
        """[Deployment(Name = "ledger-headless")] [Port(8080)] public class Other { }""",
        "Service 'ledger-headless', which K8sGen writes for [StatefulSet] (its headless Service) of workload 'ledger', is also the name of a Service of workload 'ledger-headless'")]
    [InlineData(
        """[Deployment(Name = "a")] [PersistentVolume("b-c", "/data")] public class A { }""",
        """[Deployment(Name = "a-b")] [[|PersistentVolume("c", "/data")|]] public class AB { }""",
        "PersistentVolumeClaim 'a-b-c', which K8sGen writes for [PersistentVolume(\"c\")] of workload 'a-b', is also the name of a PersistentVolumeClaim of workload 'a'")]
    [InlineData(
        """[Deployment(Name = "a")] [ServiceAccount(Name = [|"b"|])] public class A { }""",
        """[Deployment(Name = "b")] [Rbac("pods", "get")] public class B { }""",
        "ServiceAccount 'b', which K8sGen writes for [ServiceAccount(Name = \"b\")] of workload 'a', is also the name of a ServiceAccount of workload 'b'")]
    [InlineData(
        """[Deployment(Name = "a")] [ServiceAccount(Name = "shared")] public class A { }""",
        """[Deployment(Name = "b")] [ServiceAccount(Name = [|"shared"|])] public class B { }""",
        "ServiceAccount 'shared', which K8sGen writes for [ServiceAccount(Name = \"shared\")] of workload 'b', is also the name of a ServiceAccount of workload 'a'")]
    [InlineData(
        """[Deployment(Name = "b-c", Namespace = "a")] [Rbac("nodes", "get", ClusterWide = true)] public class One { }""",
        """[Deployment(Name = "c", Namespace = "a-b")] [[|Rbac("nodes", "get", ClusterWide = true)|]] public class Two { }""",
        "ClusterRole 'a-b-c', which K8sGen writes for [Rbac(\"nodes\", ClusterWide = true)] of workload 'c', is also the name of a ClusterRole of workload 'b-c'; names are unique")]
    [InlineData(
        """[Deployment(Name = "c", Namespace = "a-b")] [Rbac("nodes", "get", ClusterWide = true)] public class Two { }""",
        """[Deployment(Name = "b-c", Namespace = "x")] [[|Rbac("nodes", "get", ClusterWide = true)|]] [Environment("prod", Namespace = "a")] public class One { }""",
        "ClusterRole 'a-b-c', which K8sGen writes for [Rbac(\"nodes\", ClusterWide = true)] in environment 'prod' of workload 'b-c', is also the name of a ClusterRole of workload 'c'")]
    public void Names_of_stateful_sets_claims_accounts_and_cluster_roles_that_meet_are_an_error_at_the_attribute(string first, string second, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + first + "\n" + second);

        var run = GeneratorHarness.Run(source, TestProperties.Default);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1016", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[StatefulSet(Name = "ledger")] [Port(9000)] public class Ledger { }""", """[Deployment(Name = "ledger-headless")] public class Other { }""")] // no Service of its own
    [InlineData("""[Deployment(Name = "a")] [PersistentVolume("b-c", "/data")] public class A { }""", """[Deployment(Name = "a-b", Namespace = "other")] [PersistentVolume("c", "/data")] public class AB { }""")] // another namespace
    [InlineData("""[Deployment(Name = "a")] [ServiceAccount(Name = "b")] public class A { }""", """[Deployment(Name = "b")] public class B { }""")] // b writes no account
    [InlineData("""[Deployment(Name = "op", Namespace = "shop")] [Rbac("nodes", "get", ClusterWide = true)] [Environment("dev", Namespace = "shop")] [Environment("prod", Namespace = "shop-prod")] public class Op { }""", """[Deployment(Name = "op2", Namespace = "shop-prod")] public class Op2 { }""")] // an environment in the base's namespace is the base's name
    public void Made_up_names_that_do_not_meet_are_no_error(string first, string second)
    {
        var run = GeneratorHarness.Run("using K8sGen;\n" + first + "\n" + second, TestProperties.Default);

        run.AssertClean();
    }
}
