using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Features;

/// <summary><c>[DependsOn]</c> and <c>[NetworkPolicy]</c>: the dependencies' URLs, and network policies that admit exactly them.</summary>
internal sealed class DependenciesFeature : Feature
{
    public override string Name => "Dependencies";

    public override IReadOnlyList<string> Attributes { get; } = ["DependsOnAttribute", "NetworkPolicyAttribute"];

    public override IReadOnlyList<Decorator> Decorators { get; } =
    [
        new("AddNetworkPolicies", Stage.Objects, AddNetworkPolicies.Apply),
        new("AddDependencies", Stage.Pod, AddDependencies.Apply, "AddEnvironment", "SetListenPorts"),
    ];

    public override IReadOnlyList<Contract.ApiKind> Kinds { get; } = [Contract.Kinds.NetworkPolicy];

    /// <summary>The workload's own NetworkPolicy, and the one in each dependency's namespace that admits it (<c>dependency-from-name</c>).</summary>
    public override IEnumerable<ObjectName> ObjectNames(WorkloadModel model, GeneratorOptions options)
    {
        if (!(model.NetworkPolicy.Value ?? options.NetworkPolicy))
        {
            yield break;
        }

        var ns = Kubernetes.ObjectNames.NamespaceOf(model, options);
        yield return new(Contract.Kinds.NetworkPolicy.Kind, ns, model.Name.Value);
        foreach (var dependency in model.Dependencies)
        {
            yield return new(Contract.Kinds.NetworkPolicy.Kind, dependency.Namespace.Value ?? ns, AddNetworkPolicies.AdmissionName(dependency, model.Name.Value), dependency.Attribute, $"[DependsOn(\"{dependency.Name.Value}\")]");
        }
    }

    public override void Read(AttributeData data, AttributeReader reader, WorkloadBuilder parts)
    {
        if (data.AttributeClass?.Name == "NetworkPolicyAttribute")
        {
            var enabled = reader.Positional<bool>(0, "enabled");
            parts.NetworkPolicy = new Setting<bool?>(enabled.IsExplicit ? enabled.Value : true, reader.Location, true);
        }
        else
        {
            parts.Dependencies.Add(ReadDependency(data, reader, parts.Type.ContainingAssembly));
        }
    }

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => DependencyRules.Check(model, diagnostics);

    public override IEnumerable<string> EnvironmentVariables(WorkloadModel model, GeneratorOptions options) =>
        model.Dependencies.Select(DependencyRules.EnvName);

    /// <summary>
    /// By name, what was written. By type, the dependency's own workload attributes decide its name,
    /// namespace and Service port (what was written on [DependsOn] still wins).
    /// </summary>
    private static DependencyModel ReadDependency(AttributeData data, AttributeReader reader, IAssemblySymbol project)
    {
        var name = reader.Positional<string>(0, "workload");
        var port = reader.Named("Port", 0);
        var ns = reader.Named<string?>("Namespace", null);
        var envName = reader.Named<string?>("EnvName", null);
        var typeIsWorkload = true;
        var typeInProject = false;
        string? typeName = null;
        int? servicePort = null;
        if (data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is INamedTypeSymbol dependency)
        {
            typeIsWorkload = false;
            typeInProject = SymbolEqualityComparer.Default.Equals(dependency.ContainingAssembly, project);
            typeName = dependency.Name;
            string? ownName = null;
            string? ownNamespace = null;
            foreach (var attribute in dependency.GetAttributes())
            {
                var attributeName = KnownTypes.AttributeName(attribute.AttributeClass);
                if (WorkloadFeature.KindOf(attributeName) is not null)
                {
                    typeIsWorkload = true;
                    ownName = NamedString(attribute, "Name");
                    ownNamespace = NamedString(attribute, "Namespace");
                }
                else if (attributeName == "PortAttribute" && servicePort is null)
                {
                    servicePort = attribute.NamedArguments.FirstOrDefault(a => a.Key == "ServicePort").Value.Value as int? ?? PortsFeature.DefaultServicePort;
                }
            }

            name = new Setting<string?>(ownName ?? Naming.DefaultWorkloadName(dependency.Name), name.Location, true);
            if (!ns.IsExplicit && ownNamespace is not null)
            {
                ns = new Setting<string?>(ownNamespace, ns.Location, false);
            }
        }

        var resolvedPort = port.IsExplicit ? port : port with { Value = servicePort ?? PortsFeature.DefaultServicePort };
        return new DependencyModel(reader.Location, name, ns, resolvedPort, envName, typeName, typeIsWorkload, typeInProject);
    }

    private static string? NamedString(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}
