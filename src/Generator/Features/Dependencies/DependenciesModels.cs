using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// A <c>[DependsOn]</c>, resolved as far as the compilation allows: by type, the dependency's own name,
/// namespace and Service port; by name, what was written (port 80 unless set).
/// </summary>
/// <param name="TypeName">The dependency's class, in the by-type form.</param>
/// <param name="TypeIsWorkload">False when a type was given that carries no workload attribute.</param>
/// <param name="TypeInProject">The by-type dependency is a class of this project (so this project's environments move it too).</param>
internal sealed record DependencyModel(
    LocationInfo Attribute,
    Setting<string?> Name,
    Setting<string?> Namespace,
    Setting<int> Port,
    Setting<string?> EnvName,
    string? TypeName,
    bool TypeIsWorkload,
    bool TypeInProject = false)
{
    /// <summary>
    /// Its namespace is its own whatever this project's environments do: written on [DependsOn], or the
    /// namespace of a workload class of another project. Otherwise it is this workload's, or it moves with this project.
    /// </summary>
    public bool KeepsItsNamespace => Namespace.Value is not null && (Namespace.IsExplicit || (TypeName is not null && !TypeInProject));
}
