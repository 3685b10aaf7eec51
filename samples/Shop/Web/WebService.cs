using K8sGen;

namespace Shop.Web;

/// <summary>The shop's web front end at shop.example/.</summary>
[Deployment]
[Autoscale(Min = 2, Max = 6, CpuUtilization = 70)]
[DisruptionBudget(MaxUnavailable = "1")]
[Port(8080)]
[Route("/", Host = "shop.example", IngressClass = "nginx")]
[Scrape]
[Liveness("/healthz")]
[Readiness("/ready")]
[Resources(CpuRequest = "50m", MemoryRequest = "96Mi", CpuLimit = "250m", MemoryLimit = "192Mi")]
[Env("WEB_GREETING", "Welcome to the shop")]
[ConfigMap("web-settings")]
[ConfigMapEntry("web-settings", "Shop__Banner", "Free delivery this week")]
[Label("team", "storefront")]
[Environment("staging", Namespace = "shop-staging", Host = "staging.shop.example")]
[Environment("production", Namespace = "shop-prod")]
[DependsOn("users-v1")]
[DependsOn("users-v2")]
public sealed class WebService
{
}
