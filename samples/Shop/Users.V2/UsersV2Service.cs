using K8sGen;

namespace Shop.Users.V2;

/// <summary>Version 2 of the users API behind api.shop.example/v2/users, scraped through a ServiceMonitor.</summary>
[Deployment(Replicas = 2)]
[DisruptionBudget(MaxUnavailable = "1")]
[Port(8080)]
[Route("/v2/users", Host = "api.shop.example", IngressClass = "nginx", TlsSecret = "api-shop-example-tls")]
[Scrape(ServiceMonitor = true, Interval = "30s")]
[Startup("/healthz", PeriodSeconds = 2, FailureThreshold = 30)]
[Liveness("/healthz")]
[Readiness("/ready")]
[Resources(CpuRequest = "100m", MemoryRequest = "128Mi", CpuLimit = "500m", MemoryLimit = "256Mi")]
[Env("USERS_GREETING", "hello from users-v2")]
[Label("team", "identity")]
[Environment("staging", Namespace = "shop-staging", Host = "api.staging.shop.example")]
[Environment("production", Namespace = "shop-prod", Replicas = 3)]
public sealed class UsersV2Service
{
}
