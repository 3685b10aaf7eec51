using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>The main container: named after the workload, running the project's image (or <c>[Deployment(Image)]</c>).</summary>
internal static class SetContainerImage
{
    public static void Apply(ManifestContext context)
    {
        var image = context.Model.Image.Value ?? context.Options.DefaultImage;
        context.Container
            .Add("name", context.Name)
            .Add("image", image)
            .Add("imagePullPolicy", PullPolicy.For(image));
        if (context.Model.Batch is { Args.IsEmpty: false } batch)
        {
            var args = context.Container.Sequence("args");
            foreach (var arg in batch.Args)
            {
                args.Add(arg);
            }
        }
    }
}
