using K8sGen.Generator.Kubernetes;


namespace K8sGen.Generator.Features;

/// <summary>
/// <c>[InitContainer]</c>s and <c>[Sidecar]</c>s as the pod's initContainers, in declaration order;
/// a sidecar is an init container with <c>restartPolicy: Always</c> (Kubernetes' native sidecars).
/// ApplySecureDefaults then gives them the workload's security context and <c>/tmp</c>.
/// </summary>
internal static class AddExtraContainers
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.ExtraContainers.IsEmpty)
        {
            return;
        }

        var list = context.PodSpec.Sequence("initContainers");
        foreach (var model in context.Model.ExtraContainers)
        {
            var container = list.AddMap()
                .Add("name", model.Name.Value!)
                .Add("image", model.Image.Value!)
                .Add("imagePullPolicy", PullPolicy.For(model.Image.Value!));
            if (model.IsSidecar)
            {
                container.Add("restartPolicy", "Always");
            }

            if (!model.Args.IsEmpty)
            {
                var args = container.Sequence("args");
                foreach (var arg in model.Args)
                {
                    args.Add(arg);
                }
            }

            if (!model.Ports.Value.IsEmpty)
            {
                var ports = container.Sequence("ports");
                foreach (var port in model.Ports.Value)
                {
                    ports.AddMap().Add("containerPort", port).Add("protocol", "TCP");
                }
            }

            AddResources.Write(container, model.Resources);
            context.ExtraContainers.Add(container);
        }
    }
}
