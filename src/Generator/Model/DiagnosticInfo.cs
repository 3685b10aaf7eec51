using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator.Model;

/// <summary>A value a code fix needs (e.g. the tag to put in place of <c>:latest</c>), carried in the diagnostic's properties.</summary>
internal readonly record struct DiagnosticProperty(string Key, string Value);

/// <summary>A diagnostic to report, kept as plain data so it can live in a cached model.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public EquatableArray<DiagnosticProperty> Properties { get; init; } = EquatableArray<DiagnosticProperty>.Empty;

    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

    public DiagnosticInfo With(string key, string value) => this with { Properties = Properties.AsImmutableArray().Add(new(key, value)).ToEquatableArray() };

    public Diagnostic ToDiagnostic(Compilation compilation) => ToDiagnostic(compilation, Descriptor.DefaultSeverity);

    /// <param name="severity">The severity to report with (the policy level can make a warning an error); .editorconfig still overrides it.</param>
    public Diagnostic ToDiagnostic(Compilation compilation, DiagnosticSeverity severity) =>
        Diagnostic.Create(
            Descriptor,
            Location is { } location ? location.ToLocation(compilation) : Microsoft.CodeAnalysis.Location.None,
            severity,
            additionalLocations: null,
            properties: Properties.IsEmpty ? null : Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value),
            messageArgs: Arguments.AsImmutableArray().ToArray());
}
