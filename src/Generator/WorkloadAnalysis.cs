using System;
using System.Collections.Immutable;
using System.Threading;
using K8sGen.Generator.Diagnostics;
using K8sGen.Generator.Model;
using K8sGen.Generator.Parsing;
using K8sGen.Generator.Validation;
using Microsoft.CodeAnalysis;

namespace K8sGen.Generator;

/// <summary>Parse, then validate, one workload class: the one step the generator and the analyzer share.</summary>
internal static class WorkloadAnalysis
{
    public static (ServiceModel? Model, ImmutableArray<DiagnosticInfo> Diagnostics) Analyze(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        try
        {
            var model = ServiceParser.Parse(type, cancellationToken);
            return (model, ServiceValidator.Validate(model));
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
