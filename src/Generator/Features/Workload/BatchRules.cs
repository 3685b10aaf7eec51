using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;
using static K8sGen.Generator.Invariant;

namespace K8sGen.Generator.Features;

/// <summary>[CronJob], [Job]: one workload attribute per class, nothing that serves traffic, schedule, name length, time zone, limits (batch ValidateCronJob, validateTimeZone).</summary>
internal static class BatchRules
{
    private const int MaxCronJobName = 52;
    private static readonly Regex TimeZonePart = new(@"^[A-Za-z\.\-_0-9+]{1,14}\z", RegexOptions.CultureInvariant);

    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var extra in model.ExtraWorkloadAttributes)
        {
            diagnostics.Add(DiagnosticInfo.Create(SeveralWorkloadAttributes, extra, model.ClassName, model.Kind.ToString()));
        }

        if (model.Batch is not { } batch)
        {
            return;
        }

        var kind = model.Kind.ToString();
        foreach (var port in model.Ports)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, port.Attribute, "Port", kind));
        }

        foreach (var route in model.Routes)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, route.Attribute, "Route", kind));
        }

        foreach (var route in model.HttpRoutes)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, route.Attribute, "HttpRoute", kind));
        }

        foreach (var probe in model.Probes)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, probe.Attribute, probe.Kind.ToString(), kind));
        }

        if (model.Scrape is { } scrape)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, scrape.Attribute, "Scrape", kind));
        }

        if (model.Autoscale is { } autoscale)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, autoscale.Attribute, "Autoscale", kind));
        }

        if (model.DisruptionBudget is { } budget)
        {
            diagnostics.Add(DiagnosticInfo.Create(NotForBatch, budget.Attribute, "DisruptionBudget", kind));
        }

        if (model.Kind == WorkloadKind.CronJob)
        {
            if (CronSchedule.Error(batch.Schedule.Value) is { } scheduleError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidSchedule, batch.Schedule.Location, batch.Schedule.Value ?? string.Empty, scheduleError));
            }

            if (model.Name.Value.Length > MaxCronJobName && KubernetesFormats.Dns1123Label(model.Name.Value) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(CronJobNameTooLong, model.Name.Location, model.Name.Value, Text(model.Name.Value.Length)));
            }

            if (batch.TimeZone.Value is { } zone && TimeZoneError(zone) is { } zoneError)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidTimeZone, batch.TimeZone.Location, zone, zoneError));
            }

            if (batch.ConcurrencyPolicy.Value is < 0 or > 2)
            {
                diagnostics.Add(DiagnosticInfo.Create(InvalidBatchNumber, batch.ConcurrencyPolicy.Location, "ConcurrencyPolicy", Text(batch.ConcurrencyPolicy.Value), "ConcurrencyPolicy.Allow, Forbid or Replace", "ConcurrencyPolicy.Forbid"));
            }

            AtLeast(batch.SuccessfulJobsHistoryLimit, 0, "SuccessfulJobsHistoryLimit", "3", diagnostics);
            AtLeast(batch.FailedJobsHistoryLimit, 0, "FailedJobsHistoryLimit", "1", diagnostics);
        }
        else
        {
            AtLeast(batch.BackoffLimit, 0, "BackoffLimit", "6", diagnostics);
            AtLeast(batch.ActiveDeadlineSeconds, 1, "ActiveDeadlineSeconds", "3600", diagnostics);
            AtLeast(batch.TtlSecondsAfterFinished, 0, "TtlSecondsAfterFinished", "86400", diagnostics);
        }
    }

    private static string? TimeZoneError(string zone)
    {
        if (zone == "Local")
        {
            return "'Local' is not allowed";
        }

        foreach (var part in zone.Split('/'))
        {
            if (!TimeZonePart.IsMatch(part))
            {
                return $"'{part}' is not a valid part of a tz database name";
            }
        }

        // The API server loads the zone (time.LoadLocation): an unknown name is rejected, and names are case-sensitive.
        if (Array.BinarySearch(TimeZoneNames.All, zone, StringComparer.Ordinal) >= 0)
        {
            return null;
        }

        var sameButCase = Array.Find(TimeZoneNames.All, name => string.Equals(name, zone, StringComparison.OrdinalIgnoreCase));
        return sameButCase is not null
            ? $"tz database names are case-sensitive; did you mean \"{sameButCase}\"?"
            : $"it is not a zone of the tz database ({TimeZoneNames.Version})";
    }

    private static void AtLeast(Setting<int?> setting, int minimum, string property, string example, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (setting.Value is { } value && value < minimum)
        {
            diagnostics.Add(DiagnosticInfo.Create(InvalidBatchNumber, setting.Location, property, Text(value), Text(minimum) + " or more", example));
        }
    }
}
