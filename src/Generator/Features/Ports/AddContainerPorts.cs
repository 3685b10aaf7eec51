using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>The container's named ports.</summary>
internal static class AddContainerPorts
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Ports.IsEmpty)
        {
            return;
        }

        var ports = context.Container.Sequence("ports");
        foreach (var port in context.Model.Ports)
        {
            ports.AddMap()
                .Add("name", port.Name.Value)
                .Add("containerPort", port.ContainerPort.Value)
                .Add("protocol", "TCP");
        }
    }
}
