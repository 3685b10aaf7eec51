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
    public static (WorkloadModel? Model, ImmutableArray<DiagnosticInfo> Diagnostics) Analyze(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var (model, diagnostics) = Parse(type, cancellationToken);
        if (model is null)
        {
            return (null, diagnostics);
        }

        try
        {
            // The objects are not built here: the generator builds them with the project's real options and
            // reports its own failures (KSG1000), so a second run with stand-in options would prove less, twice.
            return (model, WorkloadValidator.Validate(model));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (null, ImmutableArray.Create(InternalError(type, exception)));
        }
    }

    /// <summary>For the generator: valid, and nothing in validation threw (the analyzer reports what did).</summary>
    public static bool IsValid(WorkloadModel model)
    {
        try
        {
            return !WorkloadValidator.HasErrors(WorkloadValidator.Validate(model));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// The generator's attribute transform. A class with two workload attributes ([Deployment] on two partial
    /// declarations, CS0579, or [Deployment] with [CronJob], KSG1140) would be found twice and produce two
    /// outputs for one class: it produces none.
    /// </summary>
    public static WorkloadModel? ParseOnce(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var workloadAttributes = 0;
        foreach (var attribute in type.GetAttributes())
        {
            workloadAttributes += KnownTypes.IsWorkload(attribute.AttributeClass) ? 1 : 0;
        }

        return workloadAttributes == 1 ? Parse(type, cancellationToken).Model : null;
    }

    /// <summary>Only the parse; null with KSG1000 when reading the attributes failed.</summary>
    public static (WorkloadModel? Model, ImmutableArray<DiagnosticInfo> Diagnostics) Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        try
        {
            return (WorkloadParser.Parse(type, cancellationToken), ImmutableArray<DiagnosticInfo>.Empty);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never crash the compiler (CS8785/AD0001): report KSG1000 and emit nothing for this class.
            return (null, ImmutableArray.Create(InternalError(type, exception)));
        }
    }

    private static DiagnosticInfo InternalError(INamedTypeSymbol type, Exception exception) =>
        InternalError(type.Name, type.Locations.Length > 0 ? LocationInfo.From(type.Locations[0]) : null, exception);

    /// <summary>KSG1000: K8sGen itself failed on a workload (a bug to report, never the user's mistake).</summary>
    public static DiagnosticInfo InternalError(string className, LocationInfo? location, Exception exception) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, className, exception.GetType().Name + ": " + exception.Message.TrimEnd('.'));
}
