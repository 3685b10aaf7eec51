using System.Globalization;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>Each <c>[DependsOn]</c> as an environment variable with the dependency's in-cluster URL (<c>ORDERS_URL=http://orders:80</c>).</summary>
internal static class AddDependencies
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Dependencies.IsEmpty)
        {
            return;
        }

        var env = context.Container.Sequence("env");
        foreach (var dependency in context.Model.Dependencies)
        {
            // Another namespace needs the qualified Service name; the same one resolves the short name.
            var host = dependency.Name.Value!;
            if (dependency.Namespace.Value is { } ns && ns != context.Namespace)
            {
                host += "." + ns;
            }

            env.AddMap()
                .Add("name", DependencyRules.EnvName(dependency))
                .Add("value", "http://" + host + ":" + dependency.Port.Value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
