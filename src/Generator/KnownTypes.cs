using Microsoft.CodeAnalysis;

namespace K8sGen.Generator;

/// <summary>The K8sGen attributes the generator and analyzer understand: their metadata names, in one place.</summary>
internal static class KnownTypes
{
    public const string Namespace = "K8sGen";

    public const string Deployment = "K8sGen.DeploymentAttribute";
    public const string CronJob = "K8sGen.CronJobAttribute";
    public const string Job = "K8sGen.JobAttribute";

    /// <summary>The attributes that make a class a workload; a class may carry only one of them.</summary>
    public static bool IsWorkload(AttributeKind kind) => kind is AttributeKind.Deployment or AttributeKind.CronJob or AttributeKind.Job;

    /// <summary>Identifies a K8sGen attribute class by name, without resolving types (cheap on every keystroke).</summary>
    public static AttributeKind Identify(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.ContainingNamespace is not { Name: Namespace } ns || !ns.ContainingNamespace.IsGlobalNamespace)
        {
            return AttributeKind.None;
        }

        return attributeClass.Name switch
        {
            "DeploymentAttribute" => AttributeKind.Deployment,
            "CronJobAttribute" => AttributeKind.CronJob,
            "JobAttribute" => AttributeKind.Job,
            "PortAttribute" => AttributeKind.Port,
            "RouteAttribute" => AttributeKind.Route,
            "ScrapeAttribute" => AttributeKind.Scrape,
            "LivenessAttribute" => AttributeKind.Liveness,
            "ReadinessAttribute" => AttributeKind.Readiness,
            "StartupAttribute" => AttributeKind.Startup,
            "ResourcesAttribute" => AttributeKind.Resources,
            "EnvAttribute" => AttributeKind.Env,
            "EnvFromSecretAttribute" => AttributeKind.EnvFromSecret,
            "EnvFromConfigMapAttribute" => AttributeKind.EnvFromConfigMap,
            "LabelAttribute" => AttributeKind.Label,
            "AnnotationAttribute" => AttributeKind.Annotation,
            "AutoscaleAttribute" => AttributeKind.Autoscale,
            "DisruptionBudgetAttribute" => AttributeKind.DisruptionBudget,
            "HttpRouteAttribute" => AttributeKind.HttpRoute,
            "SidecarAttribute" => AttributeKind.Sidecar,
            "InitContainerAttribute" => AttributeKind.InitContainer,
            "DependsOnAttribute" => AttributeKind.DependsOn,
            "NetworkPolicyAttribute" => AttributeKind.NetworkPolicy,
            "EnvironmentAttribute" => AttributeKind.Environment,
            _ => AttributeKind.None,
        };
    }
}

internal enum AttributeKind
{
    None,
    Deployment,
    CronJob,
    Job,
    Port,
    Route,
    Scrape,
    Liveness,
    Readiness,
    Startup,
    Resources,
    Env,
    EnvFromSecret,
    EnvFromConfigMap,
    Label,
    Annotation,
    Autoscale,
    DisruptionBudget,
    HttpRoute,
    Sidecar,
    InitContainer,
    DependsOn,
    NetworkPolicy,
    Environment,
}
