using K8sGen;

namespace Shop.Reports;

/// <summary>The shop's nightly report, at 02:00 UTC; a run never overlaps the previous one.</summary>
[CronJob("0 2 * * *", Name = "reports", TimeZone = "Etc/UTC", ConcurrencyPolicy = ConcurrencyPolicy.Forbid, Args = new[] { "--since", "24h" })]
[Resources(CpuRequest = "100m", MemoryRequest = "128Mi", MemoryLimit = "256Mi")]
[Env("REPORT_TITLE", "Nightly sales")]
[Label("team", "finance")]
[Environment("staging", Namespace = "shop-staging")]
[Environment("production", Namespace = "shop-prod")]
public sealed class ReportsJob
{
}
