using K8sGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Tests;

/// <summary>
/// Every validation rule: a bad input gives its KSG diagnostic at the argument ([|marked|]) with the
/// exact message, never crashes the compiler, and produces no YAML.
/// </summary>
public class ValidationTests
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        {
            """[Deployment(Name = [|"Users_V1"|])] public class A { }""", "KSG1001",
            "Workload name 'Users_V1' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit. A workload name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'users-v1')."
        },
        {
            """[[|Deployment|]] public class CaféService { }""", "KSG1001",
            "Workload name 'café' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit. A workload name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'users-v1')."
        },
        {
            """[Deployment(Name = [|"a234567890123456789012345678901234567890123456789012345678901234"|])] public class A { }""", "KSG1001",
            "Workload name 'a234567890123456789012345678901234567890123456789012345678901234' is invalid: it has 64 characters, at most 63 are allowed. A workload name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'users-v1')."
        },
        {
            """[Deployment(Name = [|"2fa-api"|])] [Port(8080)] public class A { }""", "KSG1002",
            "Workload name '2fa-api' cannot name its Service: a Service name must start with a letter (DNS-1035 label). Set Name to one that starts with a letter (e.g. 'api-2fa-api')."
        },
        {
            """[Deployment(Namespace = [|"Shop"|])] public class A { }""", "KSG1003",
            "Namespace 'Shop' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit. A namespace must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'shop')."
        },
        {
            """[Deployment(Replicas = [|-1|])] public class A { }""", "KSG1004",
            "Replicas = -1 is invalid: the number of replicas must be 0 or more (e.g. Replicas = 3)."
        },
        {
            """[Deployment(MaxSurge = [|"a lot"|])] public class A { }""", "KSG1005",
            "MaxSurge = \"a lot\" is invalid: it must be a whole number of 0 or more, or a percentage. Use a whole number (\"1\") or a percentage (\"25%\")."
        },
        {
            """[Deployment(MaxUnavailable = [|"150%"|])] public class A { }""", "KSG1005",
            "MaxUnavailable = \"150%\" is invalid: a percentage may not exceed 100%. Use a whole number (\"1\") or a percentage (\"25%\")."
        },
        {
            """[Deployment(MaxSurge = [|"0%"|], MaxUnavailable = "0")] public class A { }""", "KSG1006",
            "MaxSurge and MaxUnavailable are both 0, so a rolling update could never replace a pod. Allow at least one, e.g. MaxSurge = \"25%\" with MaxUnavailable = \"0\"."
        },
        {
            """[Deployment(Image = [|"Shop/Users:1.0"|])] public class A { }""", "KSG1007",
            "Image 'Shop/Users:1.0' is not a valid image reference: the repository must be lowercase. Use [registry[:port]/]repository[:tag][@sha256:digest] with a lowercase repository (e.g. 'registry.example/shop/users:1.0.0')."
        },
        {
            """[Deployment(Image = [|"shop/users:1.0 "|])] public class A { }""", "KSG1007",
            "Image 'shop/users:1.0 ' is not a valid image reference: it does not follow the image reference grammar. Use [registry[:port]/]repository[:tag][@sha256:digest] with a lowercase repository (e.g. 'registry.example/shop/users:1.0.0')."
        },
        {
            """[[|Port(8080)|]] public class Orphan { }""", "KSG1009",
            "[Port] on 'Orphan' has no effect: the class has no workload attribute. Add [Deployment] to the class, or remove [Port]."
        },
        {
            """[Deployment] [Port([|0|])] public class A { }""", "KSG1010",
            "Container port 0 is invalid: a port number must be between 1 and 65535 (e.g. 8080)."
        },
        {
            """[Deployment] [Port(8080, ServicePort = [|70000|])] public class A { }""", "KSG1010",
            "ServicePort 70000 is invalid: a port number must be between 1 and 65535 (e.g. 8080)."
        },
        {
            """[Deployment] [Port(8080, Name = [|"HTTP"|])] public class A { }""", "KSG1011",
            "Port name 'HTTP' is invalid: 'H' is not allowed. A port name has at most 15 lowercase letters, digits and '-', at least one letter, no '--', and no '-' at either end (e.g. 'http', 'grpc-web')."
        },
        {
            """[Deployment] [Port(8080, Name = [|"management-ports"|])] [Port(8081, Name = "x")] public class A { }""", "KSG1011",
            "Port name 'management-ports' is invalid: it has 16 characters, at most 15 are allowed. A port name has at most 15 lowercase letters, digits and '-', at least one letter, no '--', and no '-' at either end (e.g. 'http', 'grpc-web')."
        },
        {
            """[Deployment] [Port(8080)] [Port([|8080|], Name = "other")] public class A { }""", "KSG1012",
            "Container port 8080 is used by two ports of this workload; each port needs its own container port (e.g. [Port(8080)] and [Port(9090, Name = \"metrics\")])."
        },
        {
            """[Deployment] [Port(8080)] [Port(9090, Name = [|"http"|])] public class A { }""", "KSG1012",
            "Port name 'http' is used by two ports of this workload; each port needs its own name (e.g. [Port(8080)] and [Port(9090, Name = \"metrics\")])."
        },
        {
            """[Deployment] [Port(8080)] [Route("/", Port = [|"grpc"|])] public class A { }""", "KSG1013",
            "[Route(\"/\")] Port = \"grpc\" names no [Port] of this workload. Declared ports: 'http' (8080)."
        },
        {
            // A number refers to a container port as it is spelled: "09090" is not 9090.
            """[Deployment] [Port(8080)] [Port(9090, Name = "metrics")] [Scrape(Port = [|"09090"|])] public class A { }""", "KSG1013",
            "[Scrape] Port = \"09090\" names no [Port] of this workload. Declared ports: 'http' (8080), 'metrics' (9090)."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute("/v1", Gateway = "gw", Port = [|"80800"|])] public class A { }""", "KSG1013",
            "[HttpRoute(\"/v1\")] Port = \"80800\" names no [Port] of this workload. Declared ports: 'http' (8080)."
        },
        {
            """[Deployment] [[|Readiness("/ready")|]] public class A { }""", "KSG1014",
            "[Readiness] needs a port, but the workload declares none. Add one, e.g. [Port(8080)]."
        },
        {
            """[Deployment] [Port(8080)] [Route([|"v1/users"|])] public class A { }""", "KSG1020",
            "Route path 'v1/users' is invalid for PathType.Prefix: it must start with '/'. A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [Route([|"/v1/../admin"|], PathType = PathType.Exact)] public class A { }""", "KSG1020",
            "Route path '/v1/../admin' is invalid for PathType.Exact: it must not contain '/../'. A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [Route("/", Host = [|"10.0.0.1"|])] public class A { }""", "KSG1021",
            "Route host '10.0.0.1' is invalid: it must be a DNS name, not an IP address. A host is a lowercase DNS name, optionally with a leading '*.' wildcard, and not an IP address (e.g. 'api.shop.example' or '*.shop.example')."
        },
        {
            """[Deployment] [Port(8080)] [Route("/", Host = [|"api.*.example"|])] public class A { }""", "KSG1021",
            "Route host 'api.*.example' is invalid: a wildcard may only be the whole leftmost part, as in '*.shop.example'. A host is a lowercase DNS name, optionally with a leading '*.' wildcard, and not an IP address (e.g. 'api.shop.example' or '*.shop.example')."
        },
        {
            """[Deployment] [Port(8080)] [Route("/", TlsSecret = [|"Api_TLS"|])] public class A { }""", "KSG1022",
            "TlsSecret 'Api_TLS' is invalid: it must consist of lowercase letters, digits, '-' and '.', with a letter or digit at the start and end of each dot-separated part. It must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (e.g. 'api-tls')."
        },
        {
            """[Deployment] [Port(8080)] [Route("/a", IngressClass = "nginx")] [Route("/b", IngressClass = [|"traefik"|])] public class A { }""", "KSG1023",
            "IngressClass 'traefik' conflicts with 'nginx' on another route of this workload: all routes of a workload share one Ingress, which has one class."
        },
        {
            """[Deployment] [Port(8080)] [Route("/a", Host = "x.example")] [[|Route("/a", Host = "x.example")|]] public class A { }""", "KSG1024",
            "Route '/a' for host 'x.example' is declared twice. Remove one of them."
        },
        {
            """[Deployment] [Port(8080)] [Scrape(Path = [|"metrics"|])] public class A { }""", "KSG1030",
            "Scrape path 'metrics' is invalid: it must start with '/' and contain no whitespace (e.g. '/metrics')."
        },
        {
            """[Deployment] [Port(8080)] [Scrape(ServiceMonitor = true, Interval = [|"30 seconds"|])] public class A { }""", "KSG1031",
            "Scrape interval '30 seconds' is invalid: use a Prometheus duration such as '30s', '1m' or '1m30s' (units y, w, d, h, m, s, ms, largest first)."
        },
        {
            """[Deployment] [Port(8080)] [Liveness([|"healthz"|])] public class A { }""", "KSG1040",
            "[Liveness] path 'healthz' is invalid: it must start with '/' and contain no whitespace (e.g. '/healthz')."
        },
        {
            """[Deployment] [Port(8080)] [Startup("/started", PeriodSeconds = [|0|])] public class A { }""", "KSG1041",
            "[Startup] PeriodSeconds = 0 is invalid: it must be 1 or more (e.g. PeriodSeconds = 10)."
        },
        {
            """[Deployment] [Port(8080)] [Liveness("/healthz", InitialDelaySeconds = [|-5|])] public class A { }""", "KSG1041",
            "[Liveness] InitialDelaySeconds = -5 is invalid: it must be 0 or more (e.g. InitialDelaySeconds = 5)."
        },
        {
            """[Deployment] [Resources(CpuRequest = [|"100 m"|])] public class A { }""", "KSG1050",
            "CpuRequest = \"100 m\" is not a valid quantity: it does not match the quantity syntax. Use a non-negative number with an optional suffix (e.g. CPU '100m' or '0.5', memory '128Mi' or '1Gi')."
        },
        {
            """[Deployment] [Resources(MemoryLimit = [|"-1Gi"|])] public class A { }""", "KSG1050",
            "MemoryLimit = \"-1Gi\" is not a valid quantity: it must not be negative. Use a non-negative number with an optional suffix (e.g. CPU '100m' or '0.5', memory '128Mi' or '1Gi')."
        },
        {
            """[Deployment] [Resources(MemoryRequest = [|"1Gi"|], MemoryLimit = "1000Mi")] public class A { }""", "KSG1051",
            "MemoryRequest = \"1Gi\" is more than MemoryLimit = \"1000Mi\"; a request may not exceed its limit. Lower the request or raise the limit."
        },
        {
            """[Deployment] [Env([|"1ST_VALUE"|], "x")] public class A { }""", "KSG1060",
            "Environment variable name '1ST_VALUE' is invalid: it must not start with a digit. Use letters, digits, '_', '-' and '.', not starting with a digit or '..' and not '.' (e.g. 'LOG_LEVEL')."
        },
        {
            """[Deployment] [Env("LOG_LEVEL", "info")] [EnvFromSecret([|"LOG_LEVEL"|], Secret = "s", Key = "k")] public class A { }""", "KSG1061",
            "Environment variable 'LOG_LEVEL' is declared twice; the second would silently win. Remove one of them."
        },
        {
            """[Deployment] [[|EnvFromSecret("DB_PASSWORD", Secret = "db")|]] public class A { }""", "KSG1062",
            "[EnvFromSecret(\"DB_PASSWORD\")] needs Key, e.g. [EnvFromSecret(\"DB_PASSWORD\", Secret = \"db\", Key = \"password\")]."
        },
        {
            """[Deployment] [EnvFromConfigMap("FLAGS", ConfigMap = "flags", Key = [|"all/of/them"|])] public class A { }""", "KSG1063",
            "Key 'all/of/them' is invalid: '/' is not allowed. A key has at most 253 letters, digits, '-', '_' and '.', is not '.' and does not start with '..' (e.g. 'password')."
        },
        {
            """[Deployment] [Label([|"my team"|], "payments")] public class A { }""", "KSG1070",
            "Label key 'my team' is invalid: its name part must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit. A key is an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (e.g. 'team' or 'shop.example/team')."
        },
        {
            """[Deployment] [Label("team", [|"-payments"|])] public class A { }""", "KSG1071",
            "Label value '-payments' is invalid: it must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit. A label value has at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit, or is empty (e.g. 'payments')."
        },
        {
            """[Deployment] [Label([|"app.kubernetes.io/name"|], "x")] public class A { }""", "KSG1072",
            "Label 'app.kubernetes.io/name' is set by K8sGen itself and cannot be overridden here. Use another key (e.g. 'shop.example/name')."
        },
        {
            """[StatefulSet] [Port(8080)] [Label([|"k8sgen.io/headless"|], "true")] public class A { }""", "KSG1072",
            "Label 'k8sgen.io/headless' is set by K8sGen itself and cannot be overridden here. Use another key (e.g. 'shop.example/headless')."
        },
        {
            """[Deployment] [Port(8080)] [Scrape] [Annotation([|"prometheus.io/path"|], "/m")] public class A { }""", "KSG1072",
            "Annotation 'prometheus.io/path' is set by K8sGen itself and cannot be overridden here. Use another key (e.g. 'shop.example/path')."
        },
        {
            """[Deployment] [Annotation("owner", "a")] [Annotation([|"owner"|], "b")] public class A { }""", "KSG1073",
            "Annotation 'owner' is declared twice. Remove one of them."
        },
        {
            """[Deployment] [Port(8080)] [[|Port(80)|]] public class A { }""", "KSG1012",
            "ServicePort 80 is used by two ports of this workload; each port needs its own ServicePort (the first port's defaults to 80, the others' to their container port) (e.g. [Port(8080)] and [Port(9090, Name = \"metrics\")])."
        },
        {
            """[Deployment] [Port(8080)] [Route("/a", TlsSecret = "one")] [Route("/b", TlsSecret = [|"two"|])] public class A { }""", "KSG1023",
            "TlsSecret 'two' conflicts with 'one' on another route of this workload: host '*' can have only one certificate."
        },
        {
            """[Deployment] [Port(8080)] [Route("/", PathType = [|(PathType)7|])] public class A { }""", "KSG1025",
            "PathType 7 is not a PathType value. Use PathType.Prefix, PathType.Exact or PathType.ImplementationSpecific."
        },
        {
            """[Deployment(Name = [|"kustomization"|])] public class A { }""", "KSG1001",
            "Workload name 'kustomization' is invalid: it is reserved for the kustomization.yaml beside the manifests. A workload name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'users-v1')."
        },
        {
            // .NET's $ also matches before a final newline: the rules must not.
            """[Deployment] [Resources(CpuRequest = [|"100m\n"|])] public class A { }""", "KSG1050",
            "CpuRequest = \"100m\n\" is not a valid quantity: it does not match the quantity syntax. Use a non-negative number with an optional suffix (e.g. CPU '100m' or '0.5', memory '128Mi' or '1Gi')."
        },
        {
            """[Deployment] [Port(8080)] [Scrape(ServiceMonitor = true, Interval = [|"30s\n"|])] public class A { }""", "KSG1031",
            "Scrape interval '30s\n' is invalid: use a Prometheus duration such as '30s', '1m' or '1m30s' (units y, w, d, h, m, s, ms, largest first)."
        },
        {
            """[Deployment(Image = [|"nginx:1.25\n"|])] public class A { }""", "KSG1007",
            "Image 'nginx:1.25\n' is not a valid image reference: it does not follow the image reference grammar. Use [registry[:port]/]repository[:tag][@sha256:digest] with a lowercase repository (e.g. 'registry.example/shop/users:1.0.0')."
        },
        {
            """[Deployment] [Resources(CpuRequest = "1")] [Autoscale(Min = 5, Max = [|3|], CpuUtilization = 70)] public class A { }""", "KSG1100",
            "[Autoscale] Min = 5 and Max = 3 are invalid: Max is below Min. Min must be 1 or more and Max at least Min (e.g. Min = 2, Max = 10)."
        },
        {
            """[Deployment] [Resources(CpuRequest = "1")] [Autoscale(Min = [|0|], Max = 3, CpuUtilization = 70)] public class A { }""", "KSG1100",
            "[Autoscale] Min = 0 and Max = 3 are invalid: Min is below 1. Min must be 1 or more and Max at least Min (e.g. Min = 2, Max = 10)."
        },
        {
            """[Deployment] [[|Autoscale(Max = 3)|]] public class A { }""", "KSG1101",
            "[Autoscale] needs a target: set CpuUtilization and/or MemoryUtilization (e.g. CpuUtilization = 70)."
        },
        {
            """[Deployment] [Resources(CpuRequest = "1")] [Autoscale(Max = 3, CpuUtilization = [|0|])] public class A { }""", "KSG1102",
            "CpuUtilization = 0 is invalid: a utilization target is a percentage of the request, 1 or more (e.g. CpuUtilization = 70)."
        },
        {
            """[Deployment] [DisruptionBudget(MinAvailable = "1", MaxUnavailable = [|"1"|])] public class A { }""", "KSG1110",
            "[DisruptionBudget] needs exactly one of MinAvailable and MaxUnavailable, not both (e.g. MinAvailable = \"50%\")."
        },
        {
            """[Deployment] [[|DisruptionBudget|]] public class A { }""", "KSG1110",
            "[DisruptionBudget] needs exactly one of MinAvailable and MaxUnavailable, and has none (e.g. MinAvailable = \"50%\")."
        },
        {
            """[Deployment] [DisruptionBudget(MinAvailable = [|"120%"|])] public class A { }""", "KSG1111",
            "MinAvailable = \"120%\" is invalid: a percentage may not exceed 100%. Use a whole number (\"1\") or a percentage up to 100% (\"50%\")."
        },
        {
            """[Deployment] [Port(8080)] [[|HttpRoute("/v1")|]] public class A { }""", "KSG1120",
            "[HttpRoute(\"/v1\")] needs Gateway: the name of the Gateway it attaches to (e.g. Gateway = \"shop-gateway\")."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute("/v1", Gateway = "gw", PathType = [|PathType.ImplementationSpecific|])] public class A { }""", "KSG1121",
            "PathType.ImplementationSpecific is not supported by an HTTPRoute. Use PathType.Prefix (Gateway API's PathPrefix) or PathType.Exact."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute([|"/v1#top"|], Gateway = "gw")] public class A { }""", "KSG1020",
            "Route path '/v1#top' is invalid for PathType.Prefix: it must not contain '#'. A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute([|"/v1/{id}"|], Gateway = "gw")] public class A { }""", "KSG1020",
            "Route path '/v1/{id}' is invalid for PathType.Prefix: '{' is not allowed in a path (only letters, digits, -/._~!$&'()*+,;=:@ and percent-encodings such as %7B). A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute([|"/^"|], Gateway = "gw", PathType = PathType.Exact)] public class A { }""", "KSG1020",
            "Route path '/^' is invalid for PathType.Exact: '^' is not allowed in a path (only letters, digits, -/._~!$&'()*+,;=:@ and percent-encodings such as %7B). A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute([|"/v1/100%"|], Gateway = "gw")] public class A { }""", "KSG1020",
            "Route path '/v1/100%' is invalid for PathType.Prefix: '%' must start a percent-encoding such as '%20'. A path starts with '/'; for Prefix and Exact it has no '//', '/./', '/../' or '%2F' and does not end in '/.' or '/..' (e.g. '/v1/users')."
        },
        {
            """[Deployment] [Port(8080)] [HttpRoute("/v1", Gateway = [|"Shop_GW"|])] public class A { }""", "KSG1022",
            "Gateway 'Shop_GW' is invalid: it must consist of lowercase letters, digits, '-' and '.', with a letter or digit at the start and end of each dot-separated part. It must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters (e.g. 'api-tls')."
        },
        {
            """[Deployment] [[|HttpRoute("/v1", Gateway = "gw")|]] public class A { }""", "KSG1014",
            "[HttpRoute(\"/v1\")] needs a port, but the workload declares none. Add one, e.g. [Port(8080)]."
        },
        {
            """[Deployment] [Sidecar([|"Envoy"|], "envoyproxy/envoy:v1.31.0")] public class A { }""", "KSG1130",
            "Container name 'Envoy' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit. A container name must be a DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'envoy')."
        },
        {
            """[Deployment] [InitContainer([|"a"|], "shop/migrator:1")] public class A { }""", "KSG1131",
            "Container name 'a' is already used in this pod (by the workload's own container). Give each container its own name."
        },
        {
            """[Deployment] [Port(8080)] [Sidecar("envoy", "envoyproxy/envoy:v1", Ports = [|new[] { 8080 }|])] public class A { }""", "KSG1132",
            "Port 8080 of 'envoy' is already used in this pod by 'a': the containers of a pod share one network. Use another port."
        },
        {
            """[Deployment] [Sidecar("envoy", [|"Envoy:latest"|])] public class A { }""", "KSG1007",
            "Image 'Envoy:latest' is not a valid image reference: the repository must be lowercase. Use [registry[:port]/]repository[:tag][@sha256:digest] with a lowercase repository (e.g. 'registry.example/shop/users:1.0.0')."
        },
        {
            """[Deployment] [InitContainer("migrate", "shop/migrator:1", CpuRequest = [|"2"|], CpuLimit = "1")] public class A { }""", "KSG1051",
            "CpuRequest = \"2\" is more than CpuLimit = \"1\"; a request may not exceed its limit. Lower the request or raise the limit."
        },
        {
            """[Deployment] [[|CronJob("@daily")|]] public class A { }""", "KSG1140",
            "'A' already is a Deployment: a class is one workload, so [Deployment], [StatefulSet], [DaemonSet], [CronJob] and [Job] exclude each other. Move this one to its own class."
        },
        {
            """[Job] [[|Port(8080)|]] public class A { }""", "KSG1141",
            "[Port] does not apply to a Job: it runs to completion and serves no traffic. Remove it, or make the class a [Deployment]."
        },
        {
            """[CronJob([|"*/5 * * *"|])] public class A { }""", "KSG1142",
            "Schedule '*/5 * * *' is invalid: it has 4 fields, 5 are needed. Use five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\" or \"0 3 * * MON-FRI\", or a macro such as \"@hourly\"."
        },
        {
            """[CronJob([|"0 24 * * *"|])] public class A { }""", "KSG1142",
            "Schedule '0 24 * * *' is invalid: the hour field '24' is invalid: values must be 0-23. Use five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\" or \"0 3 * * MON-FRI\", or a macro such as \"@hourly\"."
        },
        {
            """[CronJob([|"CRON_TZ=UTC 0 3 * * *"|])] public class A { }""", "KSG1142",
            "Schedule 'CRON_TZ=UTC 0 3 * * *' is invalid: a time zone in the schedule is not allowed, use TimeZone instead. Use five fields (minute hour day-of-month month day-of-week), e.g. \"*/5 * * * *\" or \"0 3 * * MON-FRI\", or a macro such as \"@hourly\"."
        },
        {
            """[CronJob("@hourly", Name = [|"a2345678901234567890123456789012345678901234567890123"|])] public class A { }""", "KSG1143",
            "CronJob name 'a2345678901234567890123456789012345678901234567890123' has 53 characters; at most 52 are allowed, because Kubernetes appends an 11-character suffix to the names of the Jobs it creates. Set a shorter Name."
        },
        {
            """[CronJob("@hourly", TimeZone = [|"Local"|])] public class A { }""", "KSG1144",
            "TimeZone 'Local' is invalid: 'Local' is not allowed. Use a tz database name such as \"Europe/Berlin\" or \"Etc/UTC\"."
        },
        {
            """[CronJob("@hourly", TimeZone = [|"Mars/Olympus"|])] public class A { }""", "KSG1144",
            "TimeZone 'Mars/Olympus' is invalid: it is not a zone of the tz database (2025b). Use a tz database name such as \"Europe/Berlin\" or \"Etc/UTC\"."
        },
        {
            """[CronJob("@hourly", TimeZone = [|"GMT+1"|])] public class A { }""", "KSG1144",
            "TimeZone 'GMT+1' is invalid: it is not a zone of the tz database (2025b). Use a tz database name such as \"Europe/Berlin\" or \"Etc/UTC\"."
        },
        {
            """[CronJob("@hourly", TimeZone = [|"europe/berlin"|])] public class A { }""", "KSG1144",
            "TimeZone 'europe/berlin' is invalid: tz database names are case-sensitive; did you mean \"Europe/Berlin\"?. Use a tz database name such as \"Europe/Berlin\" or \"Etc/UTC\"."
        },
        {
            """[Deployment] [Env("A", [|"\uD800"|])] public class A { }""", "KSG1090",
            "value of [Env] holds U+D800: a lone UTF-16 surrogate has no UTF-8 form, so it would be written as U+FFFD. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding)."
        },
        {
            """[Deployment] [Annotation("note", [|"ok \uDE00 no"|])] public class A { }""", "KSG1090",
            "value of [Annotation] holds U+DE00: a lone UTF-16 surrogate has no UTF-8 form, so it would be written as U+FFFD. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding)."
        },
        {
            """[Deployment] [Annotation("note", [|"a\u007Fb"|])] public class A { }""", "KSG1090",
            "value of [Annotation] holds U+007F: kustomize refuses to write it, so kubectl apply -k would fail. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding)."
        },
        {
            """[Job(Args = [|new[] { "--ok", "\uFFFE" }|])] public class A { }""", "KSG1090",
            "Args of [Job] holds U+FFFE: kustomize refuses to write it, so kubectl apply -k would fail. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding)."
        },
        {
            """[Deployment] [Env("A", [|"line\u2028break"|])] public class A { }""", "KSG1090",
            "value of [Env] holds U+2028: kustomize writes it as a line break, so the cluster would get another value. Remove the character, or escape it in a way the app undoes (e.g. percent-encoding)."
        },
        {
            """[Job(BackoffLimit = [|-1|])] public class A { }""", "KSG1145",
            "BackoffLimit = -1 is invalid: it must be 0 or more (e.g. BackoffLimit = 6)."
        },
        {
            """[Deployment] [DependsOn([|"2fa"|])] public class A { }""", "KSG1150",
            "Dependency '2fa' is invalid: it must start with a lowercase letter. A dependency is named by its Service: a DNS-1035 label of at most 63 lowercase letters, digits and '-', starting with a letter (e.g. 'orders')."
        },
        {
            """[Deployment] [NetworkPolicy] [DependsOn("ext", Namespace = [|"other"|])] public class A { }""", "KSG1153",
            "Dependency 'ext' is in namespace 'other', where network policies admit workload 'a' by its namespace, but 'a' has none (kubectl apply -n would decide it). Set Namespace on the workload attribute or K8sGenNamespace, or turn network policies off for it ([NetworkPolicy(false)])."
        },
        {
            """[Deployment] [DependsOn("orders")] [[|DependsOn("orders")|]] public class A { }""", "KSG1152",
            "'orders' is declared as a dependency twice. Remove one of them."
        },
        {
            """[Deployment] [Env("ORDERS_URL", "x")] [[|DependsOn("orders")|]] public class A { }""", "KSG1061",
            "Environment variable 'ORDERS_URL' is declared twice; the second would silently win. Remove one of them."
        },
        {
            """[Deployment] [Environment([|"Production"|])] public class A { }""", "KSG1160",
            "Environment name 'Production' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit. It names the overlay folder k8s/overlays/<name>: a DNS-1123 label such as 'staging' or 'production'."
        },
        {
            """[Deployment] [Environment("production", ImageTag = [|"-1.0"|])] public class A { }""", "KSG1161",
            "ImageTag '-1.0' is invalid: a tag has 1 to 128 letters, digits, '_', '.' and '-', and does not start with '.' or '-' (e.g. '1.2.3')."
        },
        {
            """[Deployment] [Environment("production", Host = [|"shop.example"|])] public class A { }""", "KSG1162",
            "Host = \"shop.example\" of environment 'production' has no effect: the workload has no [Route] or [HttpRoute]. Remove it."
        },
        {
            """[CronJob("@daily")] [Environment("production", Replicas = [|2|])] public class A { }""", "KSG1162",
            "Replicas = 2 of environment 'production' has no effect: a CronJob has no replicas. Remove it."
        },
        {
            """[Deployment] [Environment("staging")] [[|Environment("staging", Namespace = "s")|]] public class A { }""", "KSG1163",
            "Environment 'staging' is declared twice. Put all of its settings in one [Environment(\"staging\")]."
        },
    };

    public static TheoryData<string, string, string> Warnings => new()
    {
        {
            """[Deployment] [DependsOn([|typeof(Helper)|])] public class A { } public class Helper { }""", "KSG1151",
            "'Helper' has no workload attribute, so [DependsOn(typeof(Helper))] cannot know its name; it is taken as 'helper'. Add [Deployment] to 'Helper', or depend on it by name."
        },
        {
            """[Deployment] [Autoscale(Max = 3, CpuUtilization = [|70|])] public class A { }""", "KSG1103",
            "CpuUtilization = 70 can never scale the workload: utilization is measured against the container's CPU request, and it has none. Add [Resources(CpuRequest = \"...\")]."
        },
        {
            """[Deployment(Replicas = [|3|])] [Resources(MemoryRequest = "1Gi")] [Autoscale(Max = 5, MemoryUtilization = 80)] public class A { }""", "KSG1104",
            "Replicas = 3 has no effect: [Autoscale] sets the number of pods (between 1 and 5), and the Deployment is written without replicas. Remove Replicas."
        },
        {
            """[Deployment(Replicas = 2)] [DisruptionBudget(MinAvailable = [|"2"|])] public class A { }""", "KSG1112",
            "MinAvailable = \"2\" never allows a voluntary eviction with 2 pod(s), which blocks node drains and cluster upgrades. Let at least one pod go (e.g. MaxUnavailable = \"1\")."
        },
        {
            """[Deployment(Replicas = 3)] [DisruptionBudget(MaxUnavailable = [|"0%"|])] public class A { }""", "KSG1112",
            "MaxUnavailable = \"0%\" never allows a voluntary eviction with 3 pod(s), which blocks node drains and cluster upgrades. Let at least one pod go (e.g. MaxUnavailable = \"1\")."
        },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Settings_that_cannot_work_are_located_warnings_and_still_generate(string markup, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + markup);

        var run = GeneratorHarness.Run(source);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal((id, DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.NotNull(run.All);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_a_located_error_and_produces_no_yaml(string markup, string id, string message)
    {
        var (source, expected) = Markup.Parse("using K8sGen;\n" + markup);

        var run = GeneratorHarness.Run(source);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.TestFile, span.Path);
        Assert.Equal(expected, span.StartLinePosition);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Null(run.All);
    }

    [Fact]
    public void Interval_without_service_monitor_is_a_warning_and_still_generates()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [Deployment] [Port(8080)] [Scrape(Interval = [|"30s"|])] public class A { }
            """);

        var run = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1032", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "Interval = \"30s\" has no effect without a ServiceMonitor: the prometheus.io annotations have no interval. Set ServiceMonitor = true, or remove Interval.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(run.Manifest("A"));
    }

    [Fact]
    public void Two_workloads_with_one_name_are_an_error_at_the_second()
    {
        var (source, expected) = Markup.Parse("""
            using K8sGen;
            [Deployment(Name = "orders")] public class First { }
            [Deployment(Name = [|"orders"|])] public class Second { }
            """);

        var run = GeneratorHarness.Run(source);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1008", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(
            "Workload name 'orders' of 'Second' clashes with workload 'First' in this project (declared at Workload.cs(2,20)). Give one of them another Name.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Names_that_become_the_same_member_are_an_error()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Name = "users-v1")] public class First { }
            [Deployment(Name = "users-v-1")] public class Second { }
            """);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1008", diagnostic.Id);
        Assert.Contains("both names become K8sManifests.UsersV1", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Annotations_over_256_KiB_are_an_error()
    {
        var big = new string('x', 262_144);
        var run = GeneratorHarness.Run($$"""
            using K8sGen;
            [Deployment] [Annotation("big", "{{big}}")] public class A { }
            """);

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1074", diagnostic.Id);
        Assert.Equal(
            "The annotations of workload 'a' total 262147 bytes; Kubernetes allows at most 262144 bytes (256 KiB). Move large values to a ConfigMap.",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(1, 14), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void An_invalid_msbuild_property_is_reported_and_stops_generation()
    {
        var run = GeneratorHarness.Run(
            "using K8sGen;\n[Deployment] public class A { }",
            new Dictionary<string, string> { ["K8sGenNamespace"] = "Shop_Prod" });

        run.AssertNoCrash();
        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1080", diagnostic.Id);
        Assert.Equal(
            "MSBuild property K8sGenNamespace = 'Shop_Prod' is invalid: it must consist of lowercase letters, digits and '-', and start and end with a letter or digit (a DNS-1123 label). Fix it in the project file or on the command line (e.g. <K8sGenNamespace>shop</K8sGenNamespace>).",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(run.All);
    }

    [Fact]
    public void An_invalid_project_image_tag_is_reported()
    {
        var run = GeneratorHarness.Run(
            "using K8sGen;\n[Deployment] public class A { }",
            new Dictionary<string, string> { ["ContainerRepository"] = "shop/a", ["ContainerImageTag"] = "1.0 beta" });

        var diagnostic = Assert.Single(run.K8sGenDiagnostics);
        Assert.Equal("KSG1081", diagnostic.Id);
        Assert.Equal(
            "The image this project builds, 'shop/a:1.0 beta', is not a valid image reference: it does not follow the image reference grammar. Check ContainerRegistry, ContainerRepository and ContainerImageTag(s) (e.g. <ContainerImageTag>1.0.0</ContainerImageTag>).",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(run.All);
    }

    [Fact]
    public void One_invalid_workload_does_not_stop_the_others()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Replicas = -1)] public class Broken { }
            [Deployment] public class Fine { }
            """);

        Assert.Equal("KSG1004", Assert.Single(run.K8sGenDiagnostics).Id);
        Assert.Null(run.Manifest("Broken"));
        Assert.NotNull(run.Manifest("Fine"));
    }

    public static TheoryData<string> GoodInputs => new()
    {
        """[Deployment(Name = "a23456789012345678901234567890123456789012345678901234567890123")] [Port(8080)] public class A { }""",
        """[Deployment(Replicas = 0, MaxSurge = "0", MaxUnavailable = "100%")] public class A { }""",
        """[Deployment(Image = "localhost:5000/shop/users@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")] public class A { }""",
        """[Deployment(Image = "[::1]:5000/shop__x/a-b.c:v1_2")] public class A { }""",
        """[Deployment] [Port(65535, Name = "a-b-c-d-e-f-g-h", ServicePort = 1)] public class A { }""",
        """[Deployment] [Port(8080)] [Route("/", Host = "*.shop.example")] [Route("", Host = "x.example", PathType = PathType.ImplementationSpecific)] public class A { }""",
        """[Deployment] [Port(8080)] [Route("/a", Host = "x.example", TlsSecret = "t")] [Route("/b", Host = "x.example", TlsSecret = "t")] public class A { }""",
        """[Deployment] [Port(8080)] [Port(9090, Name = "metrics")] [Scrape(Port = "9090", Interval = "1m30s", ServiceMonitor = true)] public class A { }""",
        """[Deployment] [Port(8080)] [Liveness("/healthz", InitialDelaySeconds = 0, PeriodSeconds = 1, TimeoutSeconds = 1, FailureThreshold = 1)] public class A { }""",
        """[Deployment] [Resources(CpuRequest = "1", CpuLimit = "1000m", MemoryRequest = "1e3", MemoryLimit = "1k")] public class A { }""",
        """[Deployment] [Env("my.var-name_1", "")] [Env("_X", "0")] [EnvFromConfigMap("Y", ConfigMap = "a.b", Key = ".hidden")] public class A { }""",
        """[Deployment] [Label("shop.example/Team_Name", "")] [Label("app.kubernetes.io/component", "api")] [Annotation("Shop.Example/Owner", "any text: at all")] public class A { }""",
        """[CronJob("*/15 9-17 * JAN-jun mon-FRI")] public class A { }""",
        """[CronJob("0,30 */2 1-31/2 ? 0")] public class A { }""",
        """[CronJob("@every 1h30m")] public class A { }""",
        """[Deployment(Replicas = 3)] [DisruptionBudget(MaxUnavailable = "20%")] public class A { }""",
        """[Deployment] [Resources(CpuLimit = "1")] [Autoscale(Max = 3, CpuUtilization = 70)] public class A { }""",
        """[CronJob("@weekly", TimeZone = "America/Argentina/Buenos_Aires", Name = "a234567890123456789012345678901234567890123456789012")] public class A { }""",
        """[CronJob("@daily", TimeZone = "Etc/GMT+1")] public class A { }""",
        """[Deployment(Namespace = "shop")] [NetworkPolicy] [DependsOn("ext", Namespace = "other")] public class A { }""",
        """[Deployment] [DependsOn("ext", Namespace = "other")] public class A { }""",
        """[Deployment] [NetworkPolicy] [DependsOn("ext")] public class A { }""",
        """[CronJob("@daily", TimeZone = "US/Eastern")] public class A { }""",
        """[Deployment] [Port(8080)] [HttpRoute("/v1/a-b_c.d~e!$&'()*+,;=:@/%7Bid%7d", Gateway = "gw")] public class A { }""",
    };

    [Theory]
    [MemberData(nameof(GoodInputs))]
    public void Valid_edge_values_are_accepted(string source)
    {
        var run = GeneratorHarness.Run("using K8sGen;\n" + source);

        run.AssertClean();
        KubernetesParsing.LoadStrict(run.All!);
    }
}
