using System.Linq;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Model;

/// <summary>A diagnostic to report, kept as plain data so it can live in a cached model.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic(Compilation compilation) =>
        Diagnostic.Create(
            Descriptor,
            Location is { } location ? location.ToLocation(compilation) : Microsoft.CodeAnalysis.Location.None,
            messageArgs: Arguments.AsImmutableArray().ToArray());
}
