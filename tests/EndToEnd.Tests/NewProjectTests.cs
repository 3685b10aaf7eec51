using k8s;
using k8s.Models;

namespace K8sGen.EndToEnd.Tests;

/// <summary>
/// A brand-new project that references the attributes and the generator: its build yields YAML
/// through the generated class, and a mistake in an attribute fails the build at that attribute.
/// </summary>
public sealed class NewProjectTests : IDisposable
{
    private readonly string _directory = Dotnet.ScratchDirectory("new-project");

    [Fact]
    public void Annotated_class_yields_yaml_and_mistakes_fail_the_build()
    {
        WriteProject();
        File.WriteAllText(Path.Combine(_directory, "Program.cs"), "System.Console.Write(Billing.Api.K8sManifests.All);\n");
        File.WriteAllText(Path.Combine(_directory, "Workload.cs"), """
            using K8sGen;
            namespace Billing.Api;
            [Deployment(Replicas = 2)]
            [Port(8080)]
            [Route("/invoices", Host = "billing.example")]
            public sealed class InvoicesService { }
            """);

        var (exitCode, output) = Dotnet.Run(_directory, "run", "-c", "Release");

        Assert.True(exitCode == 0, output);
        var yaml = output[output.IndexOf("apiVersion:", StringComparison.Ordinal)..];
        var objects = KubernetesYaml.LoadAllFromString(yaml, strict: true);
        var deployment = Assert.IsType<V1Deployment>(objects[0]);
        Assert.Equal("invoices", deployment.Metadata.Name);
        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("billing-api:latest", deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.IsType<V1Service>(objects[1]);
        Assert.Equal("billing.example", Assert.IsType<V1Ingress>(objects[2]).Spec.Rules[0].Host);

        File.WriteAllText(Path.Combine(_directory, "Workload.cs"), """
            using K8sGen;
            namespace Billing.Api;
            [Deployment(Replicas = -2)]
            [Port(8080, Name = "HTTP")]
            public sealed class InvoicesService { }
            """);

        (exitCode, output) = Dotnet.Run(_directory, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Workload.cs(3,24): error KSG1004: Replicas = -2 is invalid", output);
        Assert.Contains("Workload.cs(4,20): error KSG1011: Port name 'HTTP' is invalid", output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteProject()
    {
        var src = Path.Combine(Dotnet.RepositoryRoot, "src");
        File.WriteAllText(Path.Combine(_directory, "Billing.Api.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/Attributes/K8sGen.Attributes.csproj" />
                <ProjectReference Include="{src}/Generator/K8sGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <Import Project="{src}/Generator/K8sGen.Generator.props" />
            </Project>
            """);
    }
}
