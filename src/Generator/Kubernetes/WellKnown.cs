namespace K8sGen.Generator.Kubernetes;

/// <summary>Names K8sGen gives to things in the manifests, and the keys it owns.</summary>
internal static class WellKnown
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string InstanceLabel = "app.kubernetes.io/instance";
    public const string VersionLabel = "app.kubernetes.io/version";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedBy = "K8sGen";

    /// <summary>On a StatefulSet's headless Service, so that a ServiceMonitor (which selects Services) can leave it out.</summary>
    public const string HeadlessLabel = "k8sgen.io/headless";

    public const string PrometheusScrape = "prometheus.io/scrape";
    public const string PrometheusPort = "prometheus.io/port";
    public const string PrometheusPath = "prometheus.io/path";

    /// <summary>The .NET images' non-root <c>app</c> user (and group), which the pod runs as.</summary>
    public const int AppUserId = Shared.Contract.AppUserId;

    public const string TmpVolume = "tmp";

    public static bool IsManagedLabel(string key) =>
        key is NameLabel or InstanceLabel or VersionLabel or PartOfLabel or ManagedByLabel or HeadlessLabel;

    public static bool IsPrometheusAnnotation(string key) =>
        key is PrometheusScrape or PrometheusPort or PrometheusPath;
}
