namespace K8sGen.CodeFixes.Tests;

/// <summary>Each code fix, before and after, on the diagnostics K8sGen's analyzer really reports.</summary>
public class CodeFixTests
{
    [Fact]
    public Task A_workload_without_resources_gets_a_starting_point() =>
        Verify<AddResourcesFix>.Fix(
            """
            using K8sGen;

            [{|KSG3001:{|KSG3002:Deployment|}|}]
            public sealed class WorkerService { }
            """,
            """
            using K8sGen;

            [Deployment]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            public sealed class WorkerService { }
            """);

    [Fact]
    public Task Missing_settings_are_added_to_the_attribute_that_has_the_others() =>
        Verify<AddResourcesFix>.Fix(
            """
            using K8sGen;

            [Deployment]
            [{|KSG3002:Resources(CpuRequest = "250m", MemoryRequest = "512Mi")|}]
            public sealed class WorkerService { }
            """,
            """
            using K8sGen;

            [Deployment]
            [Resources(CpuRequest = "250m", MemoryRequest = "512Mi", MemoryLimit = "512Mi")]
            public sealed class WorkerService { }
            """);

    [Fact]
    public Task A_sidecar_without_requests_gets_them_in_its_own_attribute() =>
        Verify<AddResourcesFix>.Fix(
            """
            using K8sGen;

            [Deployment] [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [{|KSG3001:Sidecar("envoy", "envoyproxy/envoy:v1.31.0", MemoryLimit = "128Mi")|}]
            public sealed class WorkerService { }
            """,
            """
            using K8sGen;

            [Deployment] [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [Sidecar("envoy", "envoyproxy/envoy:v1.31.0", MemoryLimit = "128Mi", CpuRequest = "100m", MemoryRequest = "128Mi")]
            public sealed class WorkerService { }
            """);

    [Fact]
    public Task A_missing_readiness_probe_goes_on_the_apps_health_endpoint() =>
        Verify<AddProbeFix>.Fix(
            """
            using K8sGen;

            public static class Endpoints
            {
                public static void Map(Routes app) => app.MapHealthChecks("/health/live");
            }

            [{|KSG3003:Deployment|}] [Port(8080)] [Liveness("/healthz")]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            public sealed class OrdersService { }
            """ + Routes,
            """
            using K8sGen;

            public static class Endpoints
            {
                public static void Map(Routes app) => app.MapHealthChecks("/health/live");
            }

            [Deployment] [Port(8080)] [Liveness("/healthz")]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [Readiness("/health/live")]
            public sealed class OrdersService { }
            """ + Routes);

    [Fact]
    public Task Without_a_health_endpoint_the_other_probes_path_is_taken() =>
        Verify<AddProbeFix>.Fix(
            """
            using K8sGen;

            [{|KSG3004:Deployment|}] [Port(8080)] [Readiness("/ready")]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            public sealed class OrdersService { }
            """,
            """
            using K8sGen;

            [Deployment] [Port(8080)] [Readiness("/ready")]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [Liveness("/ready")]
            public sealed class OrdersService { }
            """);

    [Fact]
    public Task A_latest_image_gets_the_projects_version() =>
        Verify<PinImageTagFix>.Fix(
            """
            using K8sGen;

            [Deployment(Image = {|KSG3005:"registry.example/orders:latest"|})]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            public sealed class OrdersService { }
            """,
            """
            using K8sGen;

            [Deployment(Image = "registry.example/orders:1.4.0")]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            public sealed class OrdersService { }
            """);

    [Fact]
    public Task A_secret_literal_moves_to_a_secret_reference() =>
        Verify<MoveSecretFix>.Fix(
            """
            using K8sGen;

            [Deployment]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [Env("LOG_LEVEL", "info")]
            [K8sGen.Env("ConnectionStrings__Shop", {|KSG3008:"Host=db;Password=hunter2"|})]
            public sealed class OrdersService { }
            """,
            """
            using K8sGen;

            [Deployment]
            [Resources(CpuRequest = "100m", MemoryRequest = "256Mi", MemoryLimit = "256Mi")]
            [Env("LOG_LEVEL", "info")]
            [K8sGen.EnvFromSecret("ConnectionStrings__Shop", Secret = "orders-secrets", Key = "connection-strings-shop")]
            public sealed class OrdersService { }
            """);

    [Theory]
    [InlineData("Users_V1", "users-v1")]
    [InlineData("UsersAPI", "users-api")]
    [InlineData("Users.V1", "users-v1")]
    [InlineData("1st_run", "w-1st-run")] // valid for a Service too, which must start with a letter
    [InlineData("--", "app")]
    public Task An_invalid_name_becomes_the_closest_valid_one(string name, string valid) =>
        Verify<ValidNameFix>.Fix(
            $$"""
            using K8sGen;

            [Deployment(Name = {|KSG1001:"{{name}}"|})]
            public sealed class OrdersService { }
            """,
            $$"""
            using K8sGen;

            [Deployment(Name = "{{valid}}")]
            public sealed class OrdersService { }
            """,
            "KSG3001", "KSG3002");

    [Fact]
    public Task A_derived_name_that_is_invalid_is_written_out_valid() =>
        Verify<ValidNameFix>.Fix(
            """
            using K8sGen;

            [{|KSG1001:Deployment|}]
            public sealed class Über { }
            """,
            """
            using K8sGen;

            [Deployment(Name = "ber")]
            public sealed class Über { }
            """,
            "KSG3001", "KSG3002");

    /// <summary>A stand-in for ASP.NET Core's endpoint builder: the fix reads the call's syntax, not its symbols.</summary>
    private const string Routes = """

        public sealed class Routes
        {
            public Routes MapHealthChecks(string path) => this;
        }
        """;
}
