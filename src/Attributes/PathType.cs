namespace K8sGen
{
    /// <summary>How an Ingress matches a <see cref="RouteAttribute"/> path.</summary>
    public enum PathType
    {
        /// <summary>Matches the path and everything below it, element by element (<c>/v1/users</c> matches <c>/v1/users/42</c>).</summary>
        Prefix = 0,

        /// <summary>Matches the path exactly.</summary>
        Exact = 1,

        /// <summary>Matching is up to the ingress controller.</summary>
        ImplementationSpecific = 2,
    }
}
