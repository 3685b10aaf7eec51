namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>MSBuild properties as a typical consuming project would pass them.</summary>
internal static class TestProperties
{
    public static readonly IReadOnlyDictionary<string, string> Default = new Dictionary<string, string>
    {
        ["RootNamespace"] = "Shop.Tests",
        ["ContainerRepository"] = "shop/app",
        ["ContainerImageTag"] = "1.0.0",
        ["Version"] = "1.0.0",
        ["K8sGenPartOf"] = "shop",
    };
}
