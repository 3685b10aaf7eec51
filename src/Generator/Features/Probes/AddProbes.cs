using K8sGen.Generator.Kubernetes;


namespace K8sGen.Generator.Features;

/// <summary>HTTP GET probes on a named port; only the timings the code sets are written (the rest are Kubernetes' defaults).</summary>
internal static class AddProbes
{
    public static void Apply(ManifestContext context)
    {
        foreach (var kind in new[] { ProbeKind.Liveness, ProbeKind.Readiness, ProbeKind.Startup })
        {
            foreach (var probe in context.Model.Probes)
            {
                if (probe.Kind == kind)
                {
                    Add(context, probe);
                }
            }
        }
    }

    private static void Add(ManifestContext context, ProbeModel probe)
    {
        var port = PortRules.Find(context.Model.Ports, probe.Port.Value)!;
        var key = probe.Kind switch
        {
            ProbeKind.Liveness => "livenessProbe",
            ProbeKind.Readiness => "readinessProbe",
            _ => "startupProbe",
        };
        var map = context.Container.Map(key);
        map.Map("httpGet").Add("path", probe.Path.Value!).Add("port", port.Name.Value);
        AddIfSet(map, "initialDelaySeconds", probe.InitialDelaySeconds.Value);
        AddIfSet(map, "periodSeconds", probe.PeriodSeconds.Value);
        AddIfSet(map, "timeoutSeconds", probe.TimeoutSeconds.Value);
        AddIfSet(map, "failureThreshold", probe.FailureThreshold.Value);
    }

    private static void AddIfSet(YamlMap map, string key, int? value)
    {
        if (value is { } number)
        {
            map.Add(key, number);
        }
    }
}
