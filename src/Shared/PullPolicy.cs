namespace K8sGen.Shared;

/// <summary>
/// The imagePullPolicy Kubernetes would default to for an image, written out so a manifest means the
/// same on every cluster. Also compiled into the build task, which re-derives it when it stamps the image.
/// </summary>
internal static class PullPolicy
{
    public static string For(string image)
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
