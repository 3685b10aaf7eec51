namespace K8sGen.Generator.Kubernetes.Decorators;

/// <summary>The main container: named after the workload, running the project's image (or <c>[Deployment(Image)]</c>).</summary>
internal static class SetContainerImage
{
    public static void Apply(ManifestContext context)
    {
        var image = context.Model.Image.Value ?? context.Options.DefaultImage;
        context.Container
            .Add("name", context.Name)
            .Add("image", image)
            .Add("imagePullPolicy", PullPolicy(image));
    }

    /// <summary>What Kubernetes would default to, written out so the manifest means the same on every cluster.</summary>
    private static string PullPolicy(string image)
    {
        if (image.IndexOf('@') >= 0)
        {
            return "IfNotPresent";
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : image.Substring(colon + 1);
        return tag is null or "latest" ? "Always" : "IfNotPresent";
    }
}
