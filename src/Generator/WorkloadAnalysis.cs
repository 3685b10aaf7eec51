using System;
using System.Collections.Immutable;
using System.Threading;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator;

/// <summary>Parse, then validate, one workload class: the steps the generator and the analyzer share.</summary>
internal static class WorkloadAnalysis
{
    public static (ServiceModel? Model, ImmutableArray<DiagnosticInfo> Diagnostics) Analyze(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var (model, diagnostics) = Parse(type, cancellationToken);
        return model is null ? (null, diagnostics) : (model, ServiceValidator.Validate(model));
    }

    /// <summary>Only the parse; null with KSG1000 when reading the attributes failed.</summary>
    public static (ServiceModel? Model, ImmutableArray<DiagnosticInfo> Diagnostics) Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        try
        {
            return (ServiceParser.Parse(type, cancellationToken), ImmutableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never crash the compiler (CS8785/AD0001): report KSG1000 and emit nothing for this class.
            var location = type.Locations.Length > 0 ? LocationInfo.From(type.Locations[0]) : null;
            var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, type.Name, exception.GetType().Name + ": " + exception.Message);
            return (null, ImmutableArray.Create(diagnostic));
        }
    }
}
