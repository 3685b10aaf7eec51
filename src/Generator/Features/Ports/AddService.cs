using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>A ClusterIP Service for workloads with ports: each Service port targets its container port by name.</summary>
internal static class AddService
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Ports.IsEmpty)
        {
            return;
        }

        var spec = context.NewObject(Contract.Kinds.Service).Map("spec");
        spec.Add("type", "ClusterIP");
        spec.Add("selector", context.SelectorLabels());
        var ports = spec.Sequence("ports");
        foreach (var port in context.Model.Ports)
        {
            ports.AddMap()
                .Add("name", port.Name.Value)
                .Add("port", port.ServicePort.Value)
                .Add("targetPort", port.Name.Value)
                .Add("protocol", "TCP");
        }
    }
}
