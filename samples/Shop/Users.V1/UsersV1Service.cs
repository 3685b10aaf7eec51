using K8sGen;

namespace Shop.Users.V1;

/// <summary>Version 1 of the users API: three replicas behind api.shop.example/v1/users.</summary>
[Deployment(Replicas = 3)]
[DisruptionBudget(MinAvailable = "2")]
[Port(8080)]
[Route("/v1/users", Host = "api.shop.example", IngressClass = "nginx", TlsSecret = "api-shop-example-tls")]
[Scrape]
[Liveness("/healthz")]
[Readiness("/ready")]
[Resources(CpuRequest = "100m", MemoryRequest = "128Mi", CpuLimit = "500m", MemoryLimit = "256Mi")]
[Env("USERS_GREETING", "hello from users-v1")]
[Label("team", "identity")]
[Environment("staging", Namespace = "shop-staging", Host = "api.staging.shop.example")]
[Environment("production", Namespace = "shop-prod", Replicas = 5)]
public sealed class UsersV1Service
{
}
