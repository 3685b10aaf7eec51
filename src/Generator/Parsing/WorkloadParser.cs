using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Parsing;

/// <summary>
/// The only code that touches Roslyn symbols: turns the K8sGen attributes on one class into a
/// <see cref="WorkloadModel"/>, applying product.md's defaults. It does not judge values; that is
/// Validation's job, so the rules live in one place.
/// </summary>
internal static class WorkloadParser
{
    /// <summary>product.md: the first port is <c>http</c> on Service port 80 (so <c>http://&lt;name&gt;</c> reaches it), and so is a dependency named without a port.</summary>
    private const int DefaultServicePort = 80;

    public static WorkloadModel Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var classLocation = type.Locations.Length > 0 ? LocationInfo.From(type.Locations[0]) : new LocationInfo(string.Empty, default);
        AttributeReader? workload = null;
        var workloadKind = WorkloadKind.Deployment;
        var extraWorkloads = ImmutableArray.CreateBuilder<LocationInfo>();
        var ports = new List<AttributeReader>();
        var routes = ImmutableArray.CreateBuilder<RouteModel>();
        var httpRoutes = ImmutableArray.CreateBuilder<HttpRouteModel>();
        var extraContainers = ImmutableArray.CreateBuilder<ExtraContainerModel>();
        var dependencies = ImmutableArray.CreateBuilder<DependencyModel>();
        var environments = ImmutableArray.CreateBuilder<EnvironmentModel>();
        Setting<bool?> networkPolicy = new(null, classLocation, false);
        var probes = ImmutableArray.CreateBuilder<ProbeModel>();
        var env = ImmutableArray.CreateBuilder<EnvModel>();
        var labels = ImmutableArray.CreateBuilder<KeyValueModel>();
        var annotations = ImmutableArray.CreateBuilder<KeyValueModel>();
        ScrapeModel? scrape = null;
        ResourcesModel? resources = null;
        AutoscaleModel? autoscale = null;
        DisruptionBudgetModel? disruptionBudget = null;
        ImmutableArray<TextProblem>.Builder? textProblems = null; // almost always none: allocated on the first

        foreach (var data in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var kind = KnownTypes.Identify(data.AttributeClass);
            if (kind == AttributeKind.None)
            {
                continue;
            }

            var reader = new AttributeReader(data, classLocation);
            reader.CheckText(ref textProblems);
            switch (kind)
            {
                case AttributeKind.Deployment:
                case AttributeKind.CronJob:
                case AttributeKind.Job:
                    if (workload is null)
                    {
                        workload = reader;
                        workloadKind = kind == AttributeKind.CronJob ? WorkloadKind.CronJob : kind == AttributeKind.Job ? WorkloadKind.Job : WorkloadKind.Deployment;
                    }
                    else if (kind != KindAttribute(workloadKind))
                    {
                        // The same attribute twice is already CS0579; a second kind is KSG1140.
                        extraWorkloads.Add(reader.Location);
                    }

                    break;
                case AttributeKind.Port:
                    ports.Add(reader);
                    break;
                case AttributeKind.Route:
                    routes.Add(ParseRoute(reader));
                    break;
                case AttributeKind.Scrape:
                    scrape = new ScrapeModel(
                        reader.Location,
                        reader.Named<string?>("Port", null),
                        reader.Named<string?>("Path", "/metrics"),
                        reader.Named<string?>("Interval", null),
                        reader.Named("ServiceMonitor", false));
                    break;
                case AttributeKind.Liveness:
                    probes.Add(ParseProbe(reader, ProbeKind.Liveness));
                    break;
                case AttributeKind.Readiness:
                    probes.Add(ParseProbe(reader, ProbeKind.Readiness));
                    break;
                case AttributeKind.Startup:
                    probes.Add(ParseProbe(reader, ProbeKind.Startup));
                    break;
                case AttributeKind.Resources:
                    resources = ParseResources(reader);
                    break;
                case AttributeKind.Env:
                    env.Add(new EnvModel(reader.Location, EnvSource.Value, reader.Positional<string>(0, "name"), reader.Positional<string>(1, "value"), default));
                    break;
                case AttributeKind.EnvFromSecret:
                    env.Add(new EnvModel(reader.Location, EnvSource.Secret, reader.Positional<string>(0, "name"), reader.Named<string?>("Secret", null), reader.Named<string?>("Key", null)));
                    break;
                case AttributeKind.EnvFromConfigMap:
                    env.Add(new EnvModel(reader.Location, EnvSource.ConfigMap, reader.Positional<string>(0, "name"), reader.Named<string?>("ConfigMap", null), reader.Named<string?>("Key", null)));
                    break;
                case AttributeKind.Label:
                    labels.Add(new KeyValueModel(reader.Location, reader.Positional<string>(0, "key"), reader.Positional<string>(1, "value")));
                    break;
                case AttributeKind.Annotation:
                    annotations.Add(new KeyValueModel(reader.Location, reader.Positional<string>(0, "key"), reader.Positional<string>(1, "value")));
                    break;
                case AttributeKind.Autoscale:
                    autoscale = new AutoscaleModel(reader.Location, reader.Named("Min", 1), reader.Named("Max", 0), reader.OptionalInt("CpuUtilization"), reader.OptionalInt("MemoryUtilization"));
                    break;
                case AttributeKind.HttpRoute:
                    var pathType = reader.Named("PathType", 0);
                    httpRoutes.Add(new HttpRouteModel(
                        reader.Location,
                        reader.Positional<string>(0, "path"),
                        reader.Named<string?>("Gateway", null),
                        reader.Named<string?>("GatewayNamespace", null),
                        reader.Named<string?>("Hostname", null),
                        new Setting<PathTypeModel>((PathTypeModel)pathType.Value, pathType.Location, pathType.IsExplicit),
                        reader.Named<string?>("Port", null)));
                    break;
                case AttributeKind.Sidecar:
                case AttributeKind.InitContainer:
                    extraContainers.Add(new ExtraContainerModel(
                        reader.Location,
                        kind == AttributeKind.Sidecar,
                        reader.Positional<string>(0, "name"),
                        reader.Positional<string>(1, "image"),
                        reader.NamedArray<int>("Ports"),
                        reader.NamedArray<string>("Args").Value,
                        ParseResources(reader)));
                    break;
                case AttributeKind.Environment:
                    environments.Add(new EnvironmentModel(
                        reader.Location,
                        reader.Positional<string>(0, "name"),
                        reader.OptionalInt("Replicas"),
                        reader.Named<string?>("Namespace", null),
                        reader.Named<string?>("Host", null),
                        reader.Named<string?>("ImageTag", null)));
                    break;
                case AttributeKind.DependsOn:
                    dependencies.Add(ParseDependency(data, reader, type.ContainingAssembly));
                    break;
                case AttributeKind.NetworkPolicy:
                    var enabled = reader.Positional<bool>(0, "enabled");
                    networkPolicy = new Setting<bool?>(enabled.IsExplicit ? enabled.Value : true, reader.Location, true);
                    break;
                case AttributeKind.DisruptionBudget:
                    disruptionBudget = new DisruptionBudgetModel(reader.Location, reader.Named<string?>("MinAvailable", null), reader.Named<string?>("MaxUnavailable", null));
                    break;
            }
        }

        var deployment = workload ?? new AttributeReader(type.GetAttributes().First(), classLocation);
        var name = deployment.Named<string?>("Name", null);
        return new WorkloadModel(
            ClassName: type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
            Kind: workloadKind,
            WorkloadAttribute: deployment.Location,
            Name: name.Value is not null ? new Setting<string>(name.Value, name.Location, true) : new Setting<string>(Naming.DefaultWorkloadName(type.Name), deployment.Location, false),
            Namespace: deployment.Named<string?>("Namespace", null),
            Replicas: deployment.Named("Replicas", 1),
            MaxSurge: deployment.Named("MaxSurge", "25%"),
            MaxUnavailable: deployment.Named("MaxUnavailable", "0"),
            Image: deployment.Named<string?>("Image", null),
            Ports: ParsePorts(ports),
            Routes: routes.ToImmutable().ToEquatableArray(),
            Scrape: scrape,
            Probes: probes.ToImmutable().ToEquatableArray(),
            Resources: resources,
            Env: env.ToImmutable().ToEquatableArray(),
            Labels: labels.ToImmutable().ToEquatableArray(),
            Annotations: annotations.ToImmutable().ToEquatableArray(),
            Autoscale: autoscale,
            DisruptionBudget: disruptionBudget,
            HttpRoutes: httpRoutes.ToImmutable().ToEquatableArray(),
            ExtraContainers: extraContainers.ToImmutable().ToEquatableArray(),
            Batch: workloadKind == WorkloadKind.Deployment ? null : ParseBatch(deployment, workloadKind),
            ExtraWorkloadAttributes: extraWorkloads.ToImmutable().ToEquatableArray(),
            Dependencies: dependencies.ToImmutable().ToEquatableArray(),
            NetworkPolicy: networkPolicy,
            Environments: environments.ToImmutable().ToEquatableArray(),
            TextProblems: textProblems is null ? EquatableArray<TextProblem>.Empty : textProblems.ToImmutable().ToEquatableArray());
    }

    /// <summary>
    /// By name, what was written. By type, the dependency's own workload attributes decide its name,
    /// namespace and Service port (what was written on [DependsOn] still wins).
    /// </summary>
    private static DependencyModel ParseDependency(AttributeData data, AttributeReader reader, IAssemblySymbol project)
    {
        var name = reader.Positional<string>(0, "workload");
        var port = reader.Named("Port", 0);
        var ns = reader.Named<string?>("Namespace", null);
        var envName = reader.Named<string?>("EnvName", null);
        var typeIsWorkload = true;
        var typeInProject = false;
        string? typeName = null;
        int? servicePort = null;
        if (data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is INamedTypeSymbol dependency)
        {
            typeIsWorkload = false;
            typeInProject = SymbolEqualityComparer.Default.Equals(dependency.ContainingAssembly, project);
            typeName = dependency.Name;
            string? ownName = null;
            string? ownNamespace = null;
            foreach (var attribute in dependency.GetAttributes())
            {
                var kind = KnownTypes.Identify(attribute.AttributeClass);
                if (KnownTypes.IsWorkload(kind))
                {
                    typeIsWorkload = true;
                    ownName = NamedString(attribute, "Name");
                    ownNamespace = NamedString(attribute, "Namespace");
                }
                else if (kind == AttributeKind.Port && servicePort is null)
                {
                    servicePort = attribute.NamedArguments.FirstOrDefault(a => a.Key == "ServicePort").Value.Value as int? ?? DefaultServicePort;
                }
            }

            name = new Setting<string?>(ownName ?? Naming.DefaultWorkloadName(dependency.Name), name.Location, true);
            if (!ns.IsExplicit && ownNamespace is not null)
            {
                ns = new Setting<string?>(ownNamespace, ns.Location, false);
            }
        }

        var resolvedPort = port.IsExplicit ? port : port with { Value = servicePort ?? DefaultServicePort };
        return new DependencyModel(reader.Location, name, ns, resolvedPort, envName, typeName, typeIsWorkload, typeInProject);
    }

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static AttributeKind KindAttribute(WorkloadKind kind) =>
        kind switch { WorkloadKind.CronJob => AttributeKind.CronJob, WorkloadKind.Job => AttributeKind.Job, _ => AttributeKind.Deployment };

    private static BatchModel ParseBatch(AttributeReader reader, WorkloadKind kind) =>
        new(
            kind == WorkloadKind.CronJob ? reader.Positional<string>(0, "schedule") : new Setting<string?>(null, reader.Location, false),
            reader.Named("ConcurrencyPolicy", 0),
            reader.Named("Suspend", false),
            reader.OptionalInt("SuccessfulJobsHistoryLimit"),
            reader.OptionalInt("FailedJobsHistoryLimit"),
            reader.Named<string?>("TimeZone", null),
            reader.OptionalInt("BackoffLimit"),
            reader.OptionalInt("ActiveDeadlineSeconds"),
            reader.OptionalInt("TtlSecondsAfterFinished"),
            reader.NamedArray<string>("Args").Value);

    private static ResourcesModel ParseResources(AttributeReader reader) =>
        new(
            reader.Location,
            reader.Named<string?>("CpuRequest", null),
            reader.Named<string?>("MemoryRequest", null),
            reader.Named<string?>("CpuLimit", null),
            reader.Named<string?>("MemoryLimit", null));

    private static EquatableArray<PortModel> ParsePorts(List<AttributeReader> readers)
    {
        var ports = ImmutableArray.CreateBuilder<PortModel>(readers.Count);
        for (var i = 0; i < readers.Count; i++)
        {
            var reader = readers[i];
            var containerPort = reader.Positional<int>(0, "containerPort");
            var isFirst = i == 0;

            // product.md: the first port is "http" on Service port 80; later ones keep their number.
            var name = reader.Named<string?>("Name", null);
            var resolvedName = name.Value is not null
                ? new Setting<string>(name.Value, name.Location, true)
                : new Setting<string>(isFirst ? "http" : "port-" + containerPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.Location, false);
            var servicePort = reader.Named("ServicePort", 0);
            if (!servicePort.IsExplicit)
            {
                servicePort = servicePort with { Value = isFirst ? DefaultServicePort : containerPort.Value };
            }

            ports.Add(new PortModel(reader.Location, new Setting<int>(containerPort.Value, containerPort.Location, containerPort.IsExplicit), resolvedName, servicePort));
        }

        return ports.MoveToImmutable().ToEquatableArray();
    }

    private static RouteModel ParseRoute(AttributeReader reader)
    {
        var pathType = reader.Named("PathType", 0);
        return new RouteModel(
            reader.Location,
            reader.Positional<string>(0, "path"),
            reader.Named<string?>("Host", null),
            new Setting<PathTypeModel>((PathTypeModel)pathType.Value, pathType.Location, pathType.IsExplicit),
            reader.Named<string?>("Port", null),
            reader.Named<string?>("IngressClass", null),
            reader.Named<string?>("TlsSecret", null));
    }

    private static ProbeModel ParseProbe(AttributeReader reader, ProbeKind kind) =>
        new(
            reader.Location,
            kind,
            reader.Positional<string>(0, "path"),
            reader.Named<string?>("Port", null),
            reader.OptionalInt("InitialDelaySeconds"),
            reader.OptionalInt("PeriodSeconds"),
            reader.OptionalInt("TimeoutSeconds"),
            reader.OptionalInt("FailureThreshold"));
}
