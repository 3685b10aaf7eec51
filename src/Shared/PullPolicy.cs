namespace K8sGen.Shared;

/// <summary>
/// The imagePullPolicy Kubernetes would default to for an image, written out so a manifest means the
/// same on every cluster. Also compiled into the build task, which re-derives it when it stamps the image.
/// </summary>
internal static class PullPolicy
{
    public static string For(string image) => IsMutable(image) ? "Always" : "IfNotPresent";

    /// <summary>Whether the reference may mean another image on the next pull: no digest, and no tag or <c>latest</c> (as Kubernetes sees it).</summary>
    public static bool IsMutable(string image) => image.IndexOf('@') < 0 && Tag(image) is null or "latest";

    /// <summary>The tag of an image reference (after the last path segment's ':', before any digest), or null when it has none.</summary>
    public static string? Tag(string image)
    {
        var at = image.IndexOf('@');
        var name = at < 0 ? image : image.Substring(0, at);
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        return colon < 0 ? null : name.Substring(colon + 1);
    }

    /// <summary>The reference without its tag and digest (<c>registry:5000/shop/web</c>): also the name kustomize's image transformer matches.</summary>
    public static string Repository(string image)
    {
        var at = image.IndexOf('@');
        var name = at < 0 ? image : image.Substring(0, at);
        var tag = Tag(name);
        return tag is null ? name : name.Substring(0, name.Length - tag.Length - 1);
    }
}
