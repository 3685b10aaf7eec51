using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace K8sGen.Generator.Tests;

/// <summary>
/// The platform team's policy (KSG3xxx) as analyzers: each check at the attribute it is about, silent on a workload
/// that complies, its level from K8sGenPolicy, its severity from .editorconfig, and never a change to the YAML.
/// </summary>
public class PolicyTests
{
    /// <summary>A workload that satisfies every check: what each case below takes one thing away from.</summary>
    private const string Compliant = """
        [Deployment(Replicas = 2)] [Port(8080)] [Route("/orders", Host = "api.shop.example")]
        [Readiness("/ready")] [Liveness("/healthz")]
        [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
        [DisruptionBudget(MaxUnavailable = "1")]
        [Env("LOG_LEVEL", "info")] [EnvFromSecret("DB_PASSWORD", Secret = "orders", Key = "db-password")]
        """;

    private static GeneratorRun Run(string attributes, IReadOnlyDictionary<string, string>? properties = null, string? editorConfig = null)
    {
        var compilation = GeneratorHarness.Compile("using K8sGen;\n" + attributes + "\npublic sealed class OrdersService { }");
        if (editorConfig is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(editorConfig)));
        }

        var run = GeneratorHarness.Run(compilation, properties ?? TestProperties.Default);
        run.AssertNoCrash();
        return run;
    }

    private static Dictionary<string, string> With(params (string Key, string Value)[] properties)
    {
        var all = new Dictionary<string, string>(TestProperties.Default);
        foreach (var (key, value) in properties)
        {
            all[key] = value;
        }

        return all;
    }

    [Fact]
    public void A_compliant_workload_has_no_policy_diagnostic()
    {
        var run = Run(Compliant, With(("K8sGenAllowedDomains", "shop.example")));

        Assert.Empty(run.PolicyDiagnostics);
        Assert.Empty(run.K8sGenDiagnostics);
    }

    [Theory]
    [InlineData("[[|Deployment|]] [Port(8080)]", "KSG3001", "Workload 'orders' requests no CPU or memory: the scheduler places it as if it needed nothing, and it is the first evicted when the node runs short. Add [Resources(CpuRequest = \"100m\", MemoryRequest = \"256Mi\", MemoryLimit = \"256Mi\")] (a starting point; measure and adjust).")]
    [InlineData("[Deployment] [[|Resources(CpuLimit = \"1\", MemoryLimit = \"512Mi\")|]]", "KSG3001", "Workload 'orders' requests no CPU or memory: the scheduler places it as if it needed nothing, and it is the first evicted when the node runs short. Add CpuRequest = \"100m\", MemoryRequest = \"512Mi\" to [Resources]")]
    [InlineData("[Deployment] [[|Resources(CpuRequest = \"100m\", MemoryLimit = \"512Mi\")|]]", "KSG3001", "Workload 'orders' requests no memory:")]
    [InlineData("[Deployment] [[|Resources(CpuRequest = \"100m\", MemoryRequest = \"300Mi\")|]]", "KSG3002", "Workload 'orders' has no memory limit: a leak grows until the node runs out of memory and the kernel kills whatever it picks. Add MemoryLimit = \"300Mi\" to [Resources].")]
    [InlineData("[Deployment] [Resources(CpuRequest = \"1m\", MemoryRequest = \"1Mi\", MemoryLimit = \"1Mi\")] [[|Sidecar(\"envoy\", \"envoyproxy/envoy:v1.31.0\")|]]", "KSG3001", "Sidecar 'envoy' requests no CPU or memory")]
    [InlineData("[Job] [Resources(CpuRequest = \"1m\", MemoryRequest = \"1Mi\", MemoryLimit = \"1Mi\")] [[|InitContainer(\"migrate\", \"shop/migrate:1.0\", CpuRequest = \"10m\", MemoryRequest = \"64Mi\")|]]", "KSG3002", "Init container 'migrate' has no memory limit")]
    public void Containers_without_requests_or_a_memory_limit(string attributes, string id, string message) =>
        AssertSingle(attributes, id, message);

    [Theory]
    [InlineData("[[|Deployment(Replicas = 2)|]] [Port(8080)] [Liveness(\"/healthz\")]", "KSG3003", "Workload 'orders' serves traffic but declares no readiness probe: Kubernetes sends requests to each pod as soon as its process starts, before the app can answer. Add one on a path the app maps, e.g. [Readiness(\"/healthz\")].")]
    [InlineData("[[|Deployment(Replicas = 2)|]] [Port(8080)] [Readiness(\"/ready\")]", "KSG3004", "Workload 'orders' serves traffic but declares no liveness probe: a pod whose app hangs is never restarted. Add one on a path the app maps, e.g. [Liveness(\"/ready\")]")]
    public void A_served_workload_without_a_probe(string attributes, string id, string message) =>
        AssertSingle(Resourced(attributes), id, message);

    [Fact]
    public void Workloads_that_serve_no_traffic_need_no_probe()
    {
        Assert.Empty(Run(Resourced("[Deployment]")).PolicyDiagnostics);
        Assert.Empty(Run(Resourced("[CronJob(\"0 3 * * *\")]")).PolicyDiagnostics);
    }

    [Theory]
    [InlineData("[Deployment(Image = [|\"nginx\"|])]", "KSG3005", "Image 'nginx' has no tag, so Kubernetes pulls 'latest': every pull may bring another image, so pods of one Deployment can run different code and a rollback restores nothing. Use a version tag or a digest (e.g. 'nginx:1.0.0').")]
    [InlineData("[Deployment(Image = [|\"localhost:5000/shop/web:latest\"|])]", "KSG3005", "Image 'localhost:5000/shop/web:latest' has the tag 'latest'")]
    [InlineData("[Deployment(Image = [|\"localhost:5000/web\"|])]", "KSG3005", "Image 'localhost:5000/web' has no tag")] // a registry's port is no tag
    [InlineData("[Deployment] [Sidecar(\"envoy\", [|\"envoyproxy/envoy:latest\"|], CpuRequest = \"1m\", MemoryRequest = \"1Mi\", MemoryLimit = \"1Mi\")]", "KSG3005", "Sidecar 'envoy': image 'envoyproxy/envoy:latest' has the tag 'latest'")]
    public void Images_without_a_fixed_tag(string attributes, string id, string message) =>
        AssertSingle(Resourced(attributes), id, message);

    [Theory]
    [InlineData("[Deployment(Image = \"localhost:5000/shop/web:1.2.3\")]")]
    [InlineData("[Deployment(Image = \"shop/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\")]")]
    public void Pinned_images_pass(string attributes)
    {
        Assert.Empty(Run(Resourced(attributes)).PolicyDiagnostics);
    }

    [Theory]
    [InlineData("", null, "has the tag 'latest', the SDK's default since .NET 8 (set <ContainerImageTag>$(Version)</ContainerImageTag>, or K8sGenPinDigest=true to name it by digest)")]
    [InlineData("latest", null, "has the tag 'latest' (ContainerImageTag; or K8sGenPinDigest=true to name it by digest)")]
    [InlineData("", "true", null)] // publish names it by digest
    [InlineData("1.0.0", null, null)]
    public void The_projects_own_image_is_judged_by_the_tag_the_SDK_gives_it(string tag, string? pinDigest, string? detail)
    {
        var properties = pinDigest is null ? With(("ContainerImageTag", tag)) : With(("ContainerImageTag", tag), ("K8sGenPinDigest", pinDigest));

        var diagnostics = Run(Resourced("[Deployment]"), properties).PolicyDiagnostics.ToList();

        if (detail is null)
        {
            Assert.Empty(diagnostics);
            return;
        }

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("KSG3005", diagnostic.Id);
        Assert.StartsWith("The project's image 'shop/app:latest' " + detail + ": every pull", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("(e.g. 'shop/app:1.0.0').", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[[|Deployment|]] [Port(8080)] [Route(\"/orders\")]", "KSG3006", "Workload 'orders' receives routed traffic but runs 1 replica: every node drain, eviction or crash is an outage. Run at least 2 (e.g. [Deployment(Replicas = 2)]).")]
    [InlineData("[Deployment(Replicas = [|1|])] [Port(8080)] [HttpRoute(\"/orders\", Gateway = \"shop\")]", "KSG3006", "Workload 'orders' receives routed traffic but runs 1 replica")]
    [InlineData("[Deployment(Replicas = 2)] [Port(8080)] [Route(\"/orders\")] [Environment(\"staging\", Replicas = [|1|])] [Environment(\"production\", Replicas = 3)]", "KSG3006", "Workload 'orders' receives routed traffic but runs 1 replica in environment 'staging'")]
    [InlineData("[Deployment] [Port(8080)] [Route(\"/orders\")] [[|Autoscale(Max = 4, CpuUtilization = 70)|]]", "KSG3006", "Workload 'orders' receives routed traffic but runs an autoscaler with Min = 1")]
    public void A_routed_workload_with_a_single_pod(string attributes, string id, string message) =>
        AssertSingle(Probed(Resourced(attributes)), id, message);

    [Fact]
    public void A_single_replica_base_is_fine_when_every_environment_sets_its_own()
    {
        var run = Run(Probed(Resourced("[Deployment] [Port(8080)] [Route(\"/orders\")] [Environment(\"staging\", Replicas = 2)] [Environment(\"production\", Replicas = 3)] [DisruptionBudget(MaxUnavailable = \"1\")]")));

        Assert.Empty(run.PolicyDiagnostics);
    }

    [Theory]
    [InlineData("[[|Deployment(Replicas = 3)|]]")]
    [InlineData("[[|Deployment|]] [Autoscale(Max = 3, CpuUtilization = 70)]")]
    [InlineData("[[|Deployment|]] [Environment(\"production\", Replicas = 3)]")]
    public void Several_pods_without_a_disruption_budget(string attributes) =>
        AssertSingle(Resourced(attributes), "KSG3007", "Workload 'orders' runs several pods but has no disruption budget: a node drain may evict all of them at once. Add [DisruptionBudget(MaxUnavailable = \"1\")].");

    [Theory]
    [InlineData("DB_PASSWORD", "db-password")]
    [InlineData("ApiKey", "api-key")]
    [InlineData("Stripe__ApiKey", "stripe-api-key")]
    [InlineData("AZURE_CLIENT_SECRET", "azure-client-secret")]
    [InlineData("GITHUB_TOKEN", "github-token")]
    [InlineData("ConnectionStrings__Shop", "connection-strings-shop")]
    [InlineData("JWT_SIGNING_KEY", "jwt-signing-key")]
    public void Secret_looking_variables_written_as_literals(string name, string key)
    {
        var diagnostic = AssertSingle(Resourced($"[Deployment] [Env(\"{name}\", [|\"hunter2\"|])]"), "KSG3008", $"Environment variable '{name}' looks like a secret, and its value is written in the code: it ends up in the assembly, the image's manifests and every copy of the YAML. Take it from a Secret: [EnvFromSecret(\"{name}\", Secret = \"orders-secrets\", Key = \"{key}\")].");
        Assert.Equal(("orders-secrets", key), (diagnostic.Properties["secret"], diagnostic.Properties["key"]));
    }

    [Fact]
    public void A_connection_string_with_a_password_is_a_secret_whatever_its_name() =>
        AssertSingle(Resourced("[Deployment] [Env(\"DB\", [|\"Host=db;Username=shop;Password=hunter2\"|])]"), "KSG3008", "Environment variable 'DB' looks like a secret");

    [Theory]
    [InlineData("TOKENIZER_MODE")] // words, not substrings
    [InlineData("PASSWORD_FILE")] // where the secret is
    [InlineData("TOKEN_URL")]
    [InlineData("SECRET_NAME")]
    [InlineData("PWD")] // the shell's working directory
    [InlineData("KEY_PREFIX")]
    public void Names_that_only_look_alike_pass(string name)
    {
        Assert.Empty(Run(Resourced($"[Deployment] [Env(\"{name}\", \"x\")]")).PolicyDiagnostics);
    }

    [Fact]
    public void An_empty_value_or_a_value_from_a_secret_passes()
    {
        Assert.Empty(Run(Resourced("[Deployment] [Env(\"DB_PASSWORD\", \"\")] [EnvFromSecret(\"API_TOKEN\", Secret = \"s\", Key = \"k\")]")).PolicyDiagnostics);
    }

    [Theory]
    [InlineData("[Deployment(Replicas = 2)] [Port(8080)] [Route(\"/\", Host = [|\"shop.other.example\"|])]", "[Route] host 'shop.other.example' is not in the domains this project may use (shop.example, shop.test, from K8sGenAllowedDomains). Use a host under one of them, or ask the platform team to allow it.")]
    [InlineData("[Deployment(Replicas = 2)] [Port(8080)] [HttpRoute(\"/\", Gateway = \"g\", Hostname = [|\"*.evil.example\"|])]", "[HttpRoute] hostname '*.evil.example' is not in the domains")]
    [InlineData("[Deployment(Replicas = 2)] [Port(8080)] [Route(\"/\", Host = \"shop.example\")] [Environment(\"staging\", Host = [|\"staging.example\"|])]", "Host of environment 'staging' 'staging.example' is not in the domains")]
    public void Hosts_outside_the_allowed_domains(string attributes, string message) =>
        AssertSingle(Probed(Resourced(attributes + " [DisruptionBudget(MaxUnavailable = \"1\")]")), "KSG3009", message, With(("K8sGenAllowedDomains", "shop.example; .shop.test")));

    [Theory]
    [InlineData("shop.example")]
    [InlineData("api.shop.example")]
    [InlineData("*.shop.test")]
    [InlineData("SHOP.EXAMPLE")]
    public void Hosts_in_or_under_an_allowed_domain_pass(string host)
    {
        var run = Run(Probed(Resourced($"[Deployment(Replicas = 2)] [Port(8080)] [Route(\"/\", Host = \"{host}\")] [DisruptionBudget(MaxUnavailable = \"1\")]")), With(("K8sGenAllowedDomains", "shop.example;shop.test")));

        Assert.Empty(run.PolicyDiagnostics);
    }

    [Fact]
    public void Without_allowed_domains_any_host_passes()
    {
        Assert.Empty(Run(Probed(Resourced("[Deployment(Replicas = 2)] [Port(8080)] [Route(\"/\", Host = \"anything.example\")] [DisruptionBudget(MaxUnavailable = \"1\")]"))).PolicyDiagnostics);
    }

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)]
    [InlineData("recommended", DiagnosticSeverity.Warning)]
    [InlineData("Strict", DiagnosticSeverity.Error)]
    public void The_policy_level_sets_the_severity_of_every_warning(string? level, DiagnosticSeverity expected)
    {
        var properties = level is null ? TestProperties.Default : With(("K8sGenPolicy", level));

        var run = Run("[Deployment] [Port(8080)]", properties);

        Assert.Equal(["KSG3001", "KSG3002", "KSG3003", "KSG3004"], run.PolicyDiagnostics.Select(d => d.Id).Order());
        Assert.All(run.PolicyDiagnostics, d => Assert.Equal(expected, d.Severity));
    }

    [Fact]
    public void Policy_none_reports_nothing_and_an_unknown_level_is_KSG1080()
    {
        Assert.Empty(Run("[Deployment] [Port(8080)]", With(("K8sGenPolicy", "none"))).PolicyDiagnostics);

        var run = Run("[Deployment] [Port(8080)]", With(("K8sGenPolicy", "paranoid")));
        var invalid = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1080", invalid.Id);
        Assert.Equal("MSBuild property K8sGenPolicy = 'paranoid' is invalid: it must be recommended, strict or none. Fix it in the project file or on the command line (e.g. <K8sGenPolicy>strict</K8sGenPolicy>).", invalid.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(run.PolicyDiagnostics); // the default level, as if unset
    }

    /// <summary>Switched off, K8sGen writes no manifest for the policy to judge: nothing, even under strict; the attributes' own errors stay.</summary>
    [Fact]
    public void K8sGen_switched_off_reports_no_policy_but_still_the_attributes_errors()
    {
        var off = With(("K8sGenPolicy", "strict"), ("K8sGenEnabled", "false"));

        Assert.Empty(Run("[Deployment] [Port(8080)]", off).PolicyDiagnostics);
        Assert.Equal("KSG1010", Assert.Single(Run("[Deployment] [Port(70000)]", off).K8sGenDiagnostics).Id);
    }

    [Fact]
    public void Editorconfig_sets_a_checks_severity_over_the_level()
    {
        var run = Run("[Deployment] [Port(8080)]", With(("K8sGenPolicy", "strict")), editorConfig: """
            root = true

            [*.cs]
            dotnet_diagnostic.KSG3001.severity = none
            dotnet_diagnostic.KSG3004.severity = suggestion
            """);

        Assert.Equal([("KSG3002", DiagnosticSeverity.Error), ("KSG3003", DiagnosticSeverity.Error), ("KSG3004", DiagnosticSeverity.Info)], run.PolicyDiagnostics.Select(d => (d.Id, d.Severity)).Order());
    }

    [Fact]
    public void The_policy_never_changes_the_yaml_and_never_stops_it()
    {
        var yaml = new[] { "none", "recommended", "strict" }
            .Select(level => Run("[Deployment] [Port(8080)] [Env(\"DB_PASSWORD\", \"hunter2\")]", With(("K8sGenPolicy", level))).All)
            .ToList();

        Assert.NotNull(yaml[0]);
        Assert.All(yaml, y => Assert.Equal(yaml[0], y));
    }

    [Fact]
    public void A_workload_with_errors_gets_no_policy_diagnostic()
    {
        var run = Run("[Deployment(Replicas = -1)] [Port(8080)]");

        Assert.Equal("KSG1004", Assert.Single(run.K8sGenDiagnostics).Id);
        Assert.Empty(run.PolicyDiagnostics);
    }

    /// <summary>Adds resources that satisfy KSG3001/KSG3002, so a case sees only the check it is about.</summary>
    private static string Resourced(string attributes) => attributes + " [Resources(CpuRequest = \"100m\", MemoryRequest = \"256Mi\", MemoryLimit = \"256Mi\")]";

    private static string Probed(string attributes) => attributes + " [Readiness(\"/ready\")] [Liveness(\"/healthz\")]";

    private static Diagnostic AssertSingle(string attributes, string id, string message, IReadOnlyDictionary<string, string>? properties = null)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + attributes + "\npublic sealed class OrdersService { }");
        var compilation = GeneratorHarness.Compile(source);
        var run = GeneratorHarness.Run(compilation, properties ?? TestProperties.Default);

        run.AssertNoCrash();
        Assert.Empty(run.K8sGenDiagnostics);
        // Exactly one of this check; the cases leave others (a workload without a port has no probe check …) to their own tests.
        var policy = run.PolicyDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(policy.Count == 1, string.Join("\n", run.Diagnostics));
        var diagnostic = policy[0];
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.StartsWith(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(run.All); // a policy warning never stops the YAML
        return diagnostic;
    }
}
