namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// The K8sGen package packed from this repository into a scratch feed, with a version of its own so no
/// stale copy in a NuGet cache can stand in for it, and a nuget.config that consumer projects inherit.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public PackageFeed()
    {
        Root = Dotnet.ScratchDirectory("package");
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var feed = Path.Combine(Root, "feed");
        var (exitCode, output) = Dotnet.Run(
            Dotnet.RepositoryRoot, "pack", "src/Attributes/K8sGen.Attributes.csproj", "-c", "Release", "-o", feed, $"-p:PackageVersion={Version}");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="k8sgen" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>Consumer projects go below this folder (its nuget.config applies to them).</summary>
    public string Root { get; }

    public string Version { get; }

    /// <summary>A new folder below <see cref="Root"/>.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes a project that uses K8sGen exactly as a user would: one PackageReference.</summary>
    public string WriteProject(string directory, string name, string targetFramework = "net10.0", string sdk = "Microsoft.NET.Sdk.Web", string extraProperties = "")
    {
        var projectDirectory = Path.Combine(directory, name);
        Directory.CreateDirectory(projectDirectory);
        File.WriteAllText(Path.Combine(projectDirectory, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="K8sGen" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        return projectDirectory;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package";
}
