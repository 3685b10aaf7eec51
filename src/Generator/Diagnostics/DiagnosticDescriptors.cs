using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic of the generator and analyzer. IDs are stable: KSG1xxx for code analysis, KSG3xxx for the
/// platform team's policy (valid manifests that are not production-grade; K8sGenPolicy sets their level; KSG2xxx
/// belongs to the MSBuild task). Each has a page in docs/diagnostics/ and a line in
/// AnalyzerReleases.*.md. Messages say what was given, what is allowed, and an example.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "K8sGen";
    public const string PolicyCategory = "K8sGen.Policy";
    private const string HelpLinkBase = "https://github.com/k8sgen/k8sgen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor InternalError = Error(
        "KSG1000", "K8sGen failed on a workload",
        "K8sGen failed on '{0}' ({1}); no manifests were generated for it and the build stops before any file is written or removed. Please report this with the attribute code.");

    public static readonly DiagnosticDescriptor InvalidWorkloadName = Error(
        "KSG1001", "Invalid workload name",
        "Workload name '{0}' is invalid: {1}. A workload name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'users-v1').");

    public static readonly DiagnosticDescriptor ServiceNameMustStartWithLetter = Error(
        "KSG1002", "Workload name is not a valid Service name",
        "Workload name '{0}' cannot name its Service: a Service name must start with a letter (DNS-1035 label). Set Name to one that starts with a letter (e.g. 'api-{0}').");

    public static readonly DiagnosticDescriptor InvalidNamespace = Error(
        "KSG1003", "Invalid namespace",
        "Namespace '{0}' is invalid: {1}. A namespace must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'shop').");

    public static readonly DiagnosticDescriptor InvalidReplicas = Error(
        "KSG1004", "Invalid replica count",
        "Replicas = {0} is invalid: the number of replicas must be 0 or more (e.g. Replicas = 3).");

    public static readonly DiagnosticDescriptor InvalidRollingUpdateValue = Error(
        "KSG1005", "Invalid rolling update value",
        "{0} = \"{1}\" is invalid: {2}. Use a whole number (\"1\") or a percentage (\"25%\").");

    public static readonly DiagnosticDescriptor RollingUpdateBothZero = Error(
        "KSG1006", "Rolling update can never make progress",
        "MaxSurge and MaxUnavailable are both 0, so a rolling update could never replace a pod. Allow at least one, e.g. MaxSurge = \"25%\" with MaxUnavailable = \"0\".");

    public static readonly DiagnosticDescriptor InvalidImage = Error(
        "KSG1007", "Invalid image reference",
        "Image '{0}' is not a valid image reference: {1}. Use [registry[:port]/]repository[:tag][@sha256:digest] with a lowercase repository (e.g. 'registry.example/shop/users:1.0.0').");

    public static readonly DiagnosticDescriptor DuplicateWorkloadName = Error(
        "KSG1008", "Duplicate workload name",
        "Workload name '{0}' of '{1}' clashes with workload '{2}' in this project ({3}). Give one of them another Name.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AttributeWithoutWorkload = Error(
        "KSG1009", "K8sGen attribute on a class that is no workload",
        "[{0}] on '{1}' has no effect: the class has no workload attribute. Add [Deployment] to the class, or remove [{0}].");

    public static readonly DiagnosticDescriptor InvalidPortNumber = Error(
        "KSG1010", "Invalid port number",
        "{0} {1} is invalid: a port number must be between 1 and 65535 (e.g. 8080).");

    public static readonly DiagnosticDescriptor InvalidPortName = Error(
        "KSG1011", "Invalid port name",
        "Port name '{0}' is invalid: {1}. A port name has at most 15 lowercase letters, digits and '-', at least one letter, no '--', and no '-' at either end (e.g. 'http', 'grpc-web').");

    public static readonly DiagnosticDescriptor DuplicatePort = Error(
        "KSG1012", "Duplicate port",
        "{0} {1} is used by two ports of this workload; each port needs its own{2} (e.g. [Port(8080)] and [Port(9090, Name = \"metrics\")]).");

    public static readonly DiagnosticDescriptor UnknownPortReference = Error(
        "KSG1013", "Port reference names no declared port",
        "{0} Port = \"{1}\" names no [Port] of this workload. Declared ports: {2}.");

    public static readonly DiagnosticDescriptor MissingPort = Error(
        "KSG1014", "A port is needed",
        "{0} needs a port, but the workload declares none. Add one, e.g. [Port(8080)].");

    public static readonly DiagnosticDescriptor PortNotListenedOn = Warning(
        "KSG1015", "The app does not listen on the declared port",
        "The app listens on {0} ({1}), not on port {2} that [Port] declares: the Service, routes and probes would reach nothing there. Declare the port the app listens on, or remove {1} and let K8sGen set ASPNETCORE_HTTP_PORTS.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DerivedNameClash = Error(
        "KSG1016", "A name K8sGen derives clashes with another object",
        "{0} '{1}', which K8sGen writes for {2} of workload '{3}', is also the name of a {0} of workload '{4}'{5}; names are unique per kind and namespace, so one would replace the other. Give one of the workloads another Name.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidRoutePath = Error(
        "KSG1020", "Invalid route path",
        "Route path '{0}' is invalid for PathType.{1}: {2}. A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users').");

    public static readonly DiagnosticDescriptor InvalidRouteHost = Error(
        "KSG1021", "Invalid route host",
        "Route host '{0}' is invalid: {1}. A host is a lowercase DNS name, optionally with a leading '*.' wildcard, and not an IP address (e.g. 'api.shop.example' or '*.shop.example').");

    public static readonly DiagnosticDescriptor InvalidResourceName = Error(
        "KSG1022", "Invalid object name",
        "{0} '{1}' is invalid: {2}. It must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (e.g. 'api-tls').");

    public static readonly DiagnosticDescriptor ConflictingRouteSetting = Error(
        "KSG1023", "Routes disagree",
        "{0} '{1}' conflicts with '{2}' on another route of this workload: {3}.");

    public static readonly DiagnosticDescriptor DuplicateRoute = Error(
        "KSG1024", "Duplicate route",
        "Route '{0}' for host '{1}' is declared twice. Remove one of them.");

    public static readonly DiagnosticDescriptor InvalidPathType = Error(
        "KSG1025", "Invalid path type",
        "PathType {0} is not a PathType value. Use PathType.Prefix, PathType.Exact or PathType.ImplementationSpecific.");

    public static readonly DiagnosticDescriptor InvalidScrapePath = Error(
        "KSG1030", "Invalid metrics path",
        "Scrape path '{0}' is invalid: it must start with '/' and contain no whitespace (e.g. '/metrics').");

    public static readonly DiagnosticDescriptor InvalidScrapeInterval = Error(
        "KSG1031", "Invalid scrape interval",
        "Scrape interval '{0}' is invalid: use a Prometheus duration such as '30s', '1m' or '1m30s' (units y, w, d, h, m, s, ms, largest first).");

    public static readonly DiagnosticDescriptor IntervalWithoutServiceMonitor = Warning(
        "KSG1032", "Scrape interval has no effect",
        "Interval = \"{0}\" has no effect without a ServiceMonitor: the prometheus.io annotations have no interval. Set ServiceMonitor = true, or remove Interval.");

    public static readonly DiagnosticDescriptor InvalidProbePath = Error(
        "KSG1040", "Invalid probe path",
        "[{0}] path '{1}' is invalid: it must start with '/' and contain no whitespace (e.g. '/healthz').");

    public static readonly DiagnosticDescriptor InvalidProbeNumber = Error(
        "KSG1041", "Invalid probe setting",
        "[{0}] {1} = {2} is invalid: it must be {3} (e.g. {1} = {4}).");

    public static readonly DiagnosticDescriptor InvalidQuantity = Error(
        "KSG1050", "Invalid resource quantity",
        "{0} = \"{1}\" is not a valid quantity: {2}. Use a non-negative number with an optional suffix (e.g. CPU '100m' or '0.5', memory '128Mi' or '1Gi').");

    public static readonly DiagnosticDescriptor RequestAboveLimit = Error(
        "KSG1051", "Request above limit",
        "{0} = \"{1}\" is more than {2} = \"{3}\"; a request may not exceed its limit. Lower the request or raise the limit.");

    public static readonly DiagnosticDescriptor InvalidEnvName = Error(
        "KSG1060", "Invalid environment variable name",
        "Environment variable name '{0}' is invalid: {1}. Use letters, digits, '_', '-' and '.', not starting with a digit or '..' and not '.' (e.g. 'LOG_LEVEL').");

    public static readonly DiagnosticDescriptor DuplicateEnvName = Error(
        "KSG1061", "Duplicate environment variable",
        "Environment variable '{0}' is declared twice; the second would silently win. Remove one of them.");

    public static readonly DiagnosticDescriptor MissingEnvSource = Error(
        "KSG1062", "Environment variable source incomplete",
        "[{0}(\"{1}\")] needs {2}, e.g. [{0}(\"{1}\", {3})].");

    public static readonly DiagnosticDescriptor InvalidEnvKey = Error(
        "KSG1063", "Invalid key",
        "Key '{0}' is invalid: {1}. A key has at most 253 letters, digits, '-', '_' and '.', is not '.' and does not start with '..' (e.g. 'password').");

    public static readonly DiagnosticDescriptor InvalidLabelKey = Error(
        "KSG1070", "Invalid label or annotation key",
        "{0} key '{1}' is invalid: {2}. A key is an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (e.g. 'team' or 'shop.example/team').");

    public static readonly DiagnosticDescriptor InvalidLabelValue = Error(
        "KSG1071", "Invalid label value",
        "Label value '{0}' is invalid: {1}. A label value has at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit, or is empty (e.g. 'payments').");

    public static readonly DiagnosticDescriptor ReservedLabel = Error(
        "KSG1072", "Reserved label or annotation",
        "{0} '{1}' is set by K8sGen itself and cannot be overridden here. Use another key (e.g. 'shop.example/{2}').");

    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "KSG1073", "Duplicate label or annotation",
        "{0} '{1}' is declared twice. Remove one of them.");

    public static readonly DiagnosticDescriptor AnnotationsTooLarge = Error(
        "KSG1074", "Annotations too large",
        "The annotations of workload '{0}' total {1} bytes; Kubernetes allows at most 262144 bytes (256 KiB). Move large values to a ConfigMap.");

    public static readonly DiagnosticDescriptor InvalidProperty = Error(
        "KSG1080", "Invalid K8sGen MSBuild property",
        "MSBuild property {0} = '{1}' is invalid: {2}. Fix it in the project file or on the command line (e.g. <{0}>{3}</{0}>).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidProjectImage = Error(
        "KSG1081", "Invalid project image",
        "The image this project builds, '{0}', is not a valid image reference: {1}. Check ContainerRegistry, ContainerRepository and ContainerImageTag(s) (e.g. <ContainerImageTag>1.0.0</ContainerImageTag>).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnwritableText = Error(
        "KSG1090", "Text that cannot reach the cluster unchanged",
        "{0} of [{1}] holds {2}: {3}. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding).");

    public static readonly DiagnosticDescriptor InvalidAutoscaleBounds = Error(
        "KSG1100", "Invalid autoscaling bounds",
        "[Autoscale] Min = {0} and Max = {1} are invalid: {2}. Min must be 1 or more and Max at least Min (e.g. Min = 2, Max = 10).");

    public static readonly DiagnosticDescriptor AutoscaleWithoutMetric = Error(
        "KSG1101", "Autoscaling without a target",
        "[Autoscale] needs a target: set CpuUtilization and/or MemoryUtilization (e.g. CpuUtilization = 70).");

    public static readonly DiagnosticDescriptor InvalidUtilization = Error(
        "KSG1102", "Invalid utilization target",
        "{0} = {1} is invalid: a utilization target is a percentage of the request, 1 or more (e.g. {0} = 70).");

    public static readonly DiagnosticDescriptor UtilizationWithoutRequest = Warning(
        "KSG1103", "Utilization target without a request",
        "{0} = {1} can never scale the workload: utilization is measured against the container's {2} request, and it has none. Add [Resources({3} = \"...\")].");

    public static readonly DiagnosticDescriptor ReplicasWithAutoscale = Warning(
        "KSG1104", "Replicas has no effect with autoscaling",
        "Replicas = {0} has no effect: [Autoscale] sets the number of pods (between {1} and {2}), and the Deployment is written without replicas. Remove Replicas.");

    public static readonly DiagnosticDescriptor DisruptionBudgetNeedsOneValue = Error(
        "KSG1110", "Disruption budget needs exactly one value",
        "[DisruptionBudget] needs exactly one of MinAvailable and MaxUnavailable, {0} (e.g. MinAvailable = \"50%\").");

    public static readonly DiagnosticDescriptor InvalidDisruptionBudgetValue = Error(
        "KSG1111", "Invalid disruption budget value",
        "{0} = \"{1}\" is invalid: {2}. Use a whole number (\"1\") or a percentage up to 100% (\"50%\").");

    public static readonly DiagnosticDescriptor DisruptionBudgetBlocksEviction = Warning(
        "KSG1112", "Disruption budget never allows an eviction",
        "{0} = \"{1}\" never allows a voluntary eviction with {2} pod(s), which blocks node drains and cluster upgrades. Let at least one pod go (e.g. MaxUnavailable = \"1\").");

    public static readonly DiagnosticDescriptor HttpRouteWithoutGateway = Error(
        "KSG1120", "HTTP route without a Gateway",
        "[HttpRoute(\"{0}\")] needs Gateway: the name of the Gateway it attaches to (e.g. Gateway = \"shop-gateway\").");

    public static readonly DiagnosticDescriptor HttpRoutePathType = Error(
        "KSG1121", "Path type not supported by HTTPRoute",
        "PathType.{0} is not supported by an HTTPRoute. Use PathType.Prefix (Gateway API's PathPrefix) or PathType.Exact.");

    public static readonly DiagnosticDescriptor TooManyHttpRouteRules = Error(
        "KSG1122", "Too many HTTP routes for one HTTPRoute",
        "[HttpRoute(\"{0}\")] would be the 17th rule of the HTTPRoute for Gateway '{1}' and hostname '{2}'; the Gateway API allows at most 16 rules in one HTTPRoute. Route a common prefix instead of each path, or put some paths on another Hostname or Gateway.");

    public static readonly DiagnosticDescriptor InvalidContainerName = Error(
        "KSG1130", "Invalid container name",
        "Container name '{0}' is invalid: {1}. A container name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'envoy').");

    public static readonly DiagnosticDescriptor DuplicateContainerName = Error(
        "KSG1131", "Duplicate container name",
        "Container name '{0}' is already used in this pod{1}. Give each container its own name.");

    public static readonly DiagnosticDescriptor PortInUse = Error(
        "KSG1132", "Port already used in the pod",
        "Port {0} of '{1}' is already used in this pod by '{2}': the containers of a pod share one network. Use another port.");

    public static readonly DiagnosticDescriptor SeveralWorkloadAttributes = Error(
        "KSG1140", "More than one workload attribute",
        "'{0}' already is a {1}: a class is one workload, so [Deployment], [StatefulSet], [DaemonSet], [CronJob] and [Job] exclude each other. Move this one to its own class.");

    public static readonly DiagnosticDescriptor NotForBatch = Error(
        "KSG1141", "Attribute does not apply to a batch workload",
        "[{0}] does not apply to a {1}: it runs to completion and serves no traffic. Remove it, or make the class a [Deployment].");

    public static readonly DiagnosticDescriptor InvalidSchedule = Error(
        "KSG1142", "Invalid cron schedule",
        "Schedule '{0}' is invalid: {1}. Use five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\" or \"0 3 * * MON-FRI\", or a macro such as \"@hourly\".");

    public static readonly DiagnosticDescriptor CronJobNameTooLong = Error(
        "KSG1143", "CronJob name too long",
        "CronJob name '{0}' has {1} characters; at most 52 are allowed, because Kubernetes appends an 11-character suffix to the names of the Jobs it creates. Set a shorter Name.");

    public static readonly DiagnosticDescriptor InvalidTimeZone = Error(
        "KSG1144", "Invalid time zone",
        "TimeZone '{0}' is invalid: {1}. Use a tz database name such as \"Europe/Berlin\" or \"Etc/UTC\".");

    public static readonly DiagnosticDescriptor InvalidBatchNumber = Error(
        "KSG1145", "Invalid job setting",
        "{0} = {1} is invalid: it must be {2} (e.g. {0} = {3}).");

    public static readonly DiagnosticDescriptor InvalidVolumeName = Error(
        "KSG1193", "Invalid volume name",
        "Volume name '{0}' is invalid: {1}. A volume name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'data').");

    public static readonly DiagnosticDescriptor InvalidMountPath = Error(
        "KSG1194", "Invalid mount path",
        "Mount path '{0}' is invalid: {1}. Use an absolute path of its own outside /tmp and /app (e.g. '/var/lib/data').");

    public static readonly DiagnosticDescriptor SingleAttachVolumeShared = Error(
        "KSG1195", "A volume one node can mount, shared by several pods",
        "Workload '{0}' shares volume '{1}' ({2}: one node can mount it) but runs {3}: all pods but those on one node would wait for it forever. Use AccessMode = AccessMode.ReadWriteMany if the storage class offers it, one replica, or a [StatefulSet] with [VolumeClaim] for a volume per pod.");

    public static readonly DiagnosticDescriptor InvalidRbacRule = Error(
        "KSG1196", "Invalid RBAC rule",
        "[Rbac] is invalid: {0}. A rule names a resource of its API group and the verbs allowed on it (e.g. {1}).");

    public static readonly DiagnosticDescriptor ClusterScopedInRole = Error(
        "KSG1197", "A cluster-scoped resource in a namespaced rule",
        "'{0}' has no namespace, so a Role in the workload's namespace can never grant it. Set ClusterWide = true (a ClusterRole and ClusterRoleBinding).");

    public static readonly DiagnosticDescriptor ClusterWideWithoutNamespace = Error(
        "KSG1198", "A cluster-wide rule without the workload's namespace",
        "ClusterWide = true binds a ClusterRole to the ServiceAccount of '{0}', and a ClusterRoleBinding must name the account's namespace, which is not known here. Set Namespace on the workload attribute, or K8sGenNamespace in the project.");

    public static readonly DiagnosticDescriptor InvalidConfigFile = Error(
        "KSG1199", "ConfigMap file not usable",
        "FromFile = \"{0}\" cannot be read into the ConfigMap: {1}.");

    public static readonly DiagnosticDescriptor UnknownConfigMap = Error(
        "KSG1200", "Entry of an undeclared ConfigMap",
        "[ConfigMapEntry] names ConfigMap '{0}', which '{1}' does not declare. Add [ConfigMap(\"{0}\")] to the class, or use the name of one it declares.");

    public static readonly DiagnosticDescriptor VerbNotLimitedByName = Warning(
        "KSG1201", "A verb that resource names do not limit",
        "ResourceNames limit '{0}' of [Rbac(\"{1}\")], which Kubernetes cannot authorize by name: {2}. {3}");

    public static readonly DiagnosticDescriptor InvalidDependency = Error(
        "KSG1150", "Invalid dependency",
        "Dependency '{0}' is invalid: {1}. A dependency is named by its Service: a DNS-1035 label of at most 63 lowercase letters, digits and '-', starting with a letter (e.g. 'orders').");

    public static readonly DiagnosticDescriptor DependencyIsNoWorkload = Warning(
        "KSG1151", "Dependency type is no workload",
        "'{0}' has no workload attribute, so [DependsOn(typeof({0}))] cannot know its name; it is taken as '{1}'. Add [Deployment] to '{0}', or depend on it by name.");

    public static readonly DiagnosticDescriptor DuplicateDependency = Error(
        "KSG1152", "Duplicate dependency",
        "'{0}' is declared as a dependency twice. Remove one of them.");

    public static readonly DiagnosticDescriptor DependencyNamespaceNeedsOwnNamespace = Error(
        "KSG1153", "A dependency in another namespace needs the workload's namespace",
        "Dependency '{0}' is in namespace '{1}', where network policies admit workload '{2}' by its namespace, but '{2}' has none (kubectl apply -n would decide it). Set Namespace on the workload attribute or K8sGenNamespace, or turn network policies off for it ([NetworkPolicy(false)]).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidEnvironmentName = Error(
        "KSG1160", "Invalid environment name",
        "Environment name '{0}' is invalid: {1}. It names the overlay folder k8s/overlays/<name>: a DNS-1123 label such as 'staging' or 'production'.");

    public static readonly DiagnosticDescriptor InvalidImageTag = Error(
        "KSG1161", "Invalid image tag",
        "ImageTag '{0}' is invalid: a tag has 1 to 128 letters, digits, '_', '.' and '-', and does not start with '.' or '-' (e.g. '1.2.3').");

    public static readonly DiagnosticDescriptor EnvironmentSettingWithoutEffect = Error(
        "KSG1162", "Environment setting has no effect",
        "{0} = {1} of environment '{2}' has no effect: {3}. Remove it.");

    public static readonly DiagnosticDescriptor DuplicateEnvironment = Error(
        "KSG1163", "Duplicate environment",
        "Environment '{0}' is declared twice. Put all of its settings in one [Environment(\"{0}\")].");

    public static readonly DiagnosticDescriptor ProbePathNotServed = Warning(
        "KSG1170", "No endpoint of the app serves the probe's path",
        "{0} path '{1}' reaches no GET endpoint of the app, so {2}. The app maps {3} (closest first). Point the probe at one of them, or map '{1}' (e.g. app.MapHealthChecks(\"{1}\")).",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor RoutePathReachesNoEndpoint = Warning(
        "KSG1171", "The route's path reaches no endpoint of the app",
        "{0} path '{1}' ({2}) reaches no endpoint of the app, so every request it routes would get 404. The app maps {3} (closest first). Route a path the app serves, or map one {4} '{1}'.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ScrapePathNotServed = Warning(
        "KSG1172", "No endpoint of the app serves the scrape path",
        "[Scrape] path '{0}' reaches no GET endpoint of the app, so every scrape would fail. The app maps {1} (closest first). Map a metrics endpoint there (e.g. app.MapPrometheusScrapingEndpoint(\"{0}\")), or set Path to the one the app has.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HealthChecksWithoutProbes = Info(
        "KSG1173", "The app maps health checks, but the workload declares no probe",
        "The app maps health checks at {0}, but workload '{1}' declares no probe: Kubernetes would send it traffic before it is ready and never restart it when it hangs. Add [Readiness(\"{2}\")] and [Liveness(\"{2}\")].",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ConfigurationWithoutSource = Info(
        "KSG1174", "Configuration the code reads has no source in the pod",
        "{0} is read here, but nothing sets it in {1}: {2}. If it is optional, read it with a default.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidShutdownSetting = Error(
        "KSG1180", "Invalid shutdown setting",
        "{0} = {1} is invalid: it is a number of seconds, 0 or more (e.g. {0} = 10; DrainSeconds = 0 turns the drain off).");

    public static readonly DiagnosticDescriptor GracePeriodShorterThanDrain = Error(
        "KSG1181", "Grace period shorter than the drain",
        "TerminationGracePeriodSeconds = {0} is shorter than the drain of {1} seconds: Kubernetes would kill the pod before it stops serving, and the API server rejects a pre-stop sleep longer than the grace period. Allow at least {1}, better {2} (the drain plus ASP.NET Core's 30-second shutdown timeout), or shorten DrainSeconds.");

    public static readonly DiagnosticDescriptor InvalidSpreadSetting = Error(
        "KSG1182", "Invalid spread setting",
        "[Spread] {0} = {1} is invalid: it must be {2} (e.g. {3}).");

    public static readonly DiagnosticDescriptor StatefulSetNameTooLong = Error(
        "KSG1190", "StatefulSet name too long",
        "StatefulSet name '{0}' has {1} characters; at most 52 are allowed, because Kubernetes labels each pod with the name, a '-' and a 10-character revision hash (controller-revision-hash), and a label value has at most 63. Set a shorter Name.");

    public static readonly DiagnosticDescriptor SettingDoesNotApply = Error(
        "KSG1191", "Setting does not apply here",
        "{0} does not apply to {1}: {2}.");

    public static readonly DiagnosticDescriptor InvalidSetting = Error(
        "KSG1192", "Invalid setting",
        "{0} = {1} is invalid: it must be {2} (e.g. {0} = {3}).");

    public static readonly DiagnosticDescriptor NoResourceRequests = Policy(
        "KSG3001", "No CPU or memory request",
        "{0} requests no {1}: the scheduler places it as if it needed nothing, and it is the first evicted when the node runs short. Add {2} (a starting point; measure and adjust).");

    public static readonly DiagnosticDescriptor NoMemoryLimit = Policy(
        "KSG3002", "No memory limit",
        "{0} has no memory limit: a leak grows until the node runs out of memory and the kernel kills whatever it picks. Add {1}.");

    public static readonly DiagnosticDescriptor NoReadinessProbe = Policy(
        "KSG3003", "A served workload without a readiness probe",
        "Workload '{0}' serves traffic but declares no readiness probe: Kubernetes sends requests to each pod as soon as its process starts, before the app can answer. Add one on a path the app maps, e.g. [Readiness(\"{1}\")].");

    public static readonly DiagnosticDescriptor NoLivenessProbe = Policy(
        "KSG3004", "A served workload without a liveness probe",
        "Workload '{0}' serves traffic but declares no liveness probe: a pod whose app hangs is never restarted. Add one on a path the app maps, e.g. [Liveness(\"{1}\")].");

    public static readonly DiagnosticDescriptor MutableImageTag = Policy(
        "KSG3005", "Image without a fixed tag",
        "{0} '{1}' {2}: every pull may bring another image, so pods of one Deployment can run different code and a rollback restores nothing. Use a version tag or a digest (e.g. '{3}').");

    public static readonly DiagnosticDescriptor SingleReplicaRouted = Policy(
        "KSG3006", "A routed workload with a single replica",
        "Workload '{0}' receives routed traffic but runs {1}: every node drain, eviction or crash is an outage. Run at least 2 (e.g. {2}).");

    public static readonly DiagnosticDescriptor NoDisruptionBudget = Policy(
        "KSG3007", "Several replicas without a disruption budget",
        "Workload '{0}' runs several pods but has no disruption budget: a node drain may evict all of them at once. Add [DisruptionBudget(MaxUnavailable = \"1\")].");

    public static readonly DiagnosticDescriptor SecretAsLiteral = Policy(
        "KSG3008", "A secret written as a literal",
        "{0} looks like a secret, and its value is written in the code: it ends up in the assembly, the image's manifests and every copy of the YAML. Take it from a Secret: [EnvFromSecret(\"{1}\", Secret = \"{2}\", Key = \"{3}\")].");

    public static readonly DiagnosticDescriptor HostOutsideAllowedDomains = Policy(
        "KSG3009", "Host outside the allowed domains",
        "{0} '{1}' is not in the domains this project may use ({2}, from K8sGenAllowedDomains). Use a host under one of them, or ask the platform team to allow it.");

    private static DiagnosticDescriptor Error(string id, string title, string message, params string[] tags) =>
        Create(id, title, message, DiagnosticSeverity.Error, tags);

    private static DiagnosticDescriptor Warning(string id, string title, string message, params string[] tags) =>
        Create(id, title, message, DiagnosticSeverity.Warning, tags);

    /// <summary>A policy check: a warning (K8sGenPolicy=strict reports it as an error), with its own help page.</summary>
    /// <remarks>Their own category, so .editorconfig can set them all at once (<c>dotnet_analyzer_diagnostic.category-K8sGen.Policy.severity</c>).</remarks>
    private static DiagnosticDescriptor Policy(string id, string title, string message) =>
        new(id, title, message, PolicyCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Info(string id, string title, string message, params string[] tags) =>
        Create(id, title, message, DiagnosticSeverity.Info, tags);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string[] tags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: tags);
}
