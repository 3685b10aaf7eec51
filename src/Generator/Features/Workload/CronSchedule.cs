using System.Text.RegularExpressions;
using System;

namespace K8sGen.Generator.Features;

/// <summary>
/// The CronJob controller's schedule grammar (robfig/cron/v3 ParseStandard, via batch validateScheduleFormat):
/// five fields or a macro, and no time zone inside the schedule.
/// </summary>
internal static class CronSchedule
{
    private static readonly string[] Macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"];
    private static readonly Regex Every = new(@"^@every ([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+\z", RegexOptions.CultureInvariant);
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, Months),
        ("day of week", 0, 6, Days),
    ];

    /// <summary>Null when valid, else why not.</summary>
    public static string? Error(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return "it is empty";
        }

        if (schedule!.IndexOf("TZ", StringComparison.Ordinal) >= 0)
        {
            return "a time zone in the schedule is not allowed, use TimeZone instead";
        }

        var text = schedule.Trim();
        if (text.StartsWith("@", StringComparison.Ordinal))
        {
            return Array.IndexOf(Macros, text) >= 0 || Every.IsMatch(text) ? null : $"'{text}' is not a known macro (@yearly, @monthly, @weekly, @daily, @hourly, @every <duration>)";
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"it has {parts.Length} fields, 5 are needed";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (FieldError(parts[i], Fields[i]) is { } error)
            {
                return $"the {Fields[i].Name} field '{parts[i]}' is invalid: {error}";
            }
        }

        return null;
    }

    private static string? FieldError(string field, (string Name, int Min, int Max, string[]? Names) spec)
    {
        foreach (var item in field.Split(','))
        {
            var slash = item.IndexOf('/');
            var range = slash < 0 ? item : item.Substring(0, slash);
            if (slash >= 0 && (!int.TryParse(item.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return "the step after '/' must be a whole number of 1 or more";
            }

            // robfig/cron reads '?' as '*' in every field.
            if (range is "*" or "?")
            {
                continue;
            }

            var dash = range.IndexOf('-');
            var low = Value(dash < 0 ? range : range.Substring(0, dash), spec);
            var high = dash < 0 ? low : Value(range.Substring(dash + 1), spec);
            if (low is null || high is null)
            {
                return $"values must be {spec.Min}-{spec.Max}" + (spec.Names is null ? string.Empty : " or names such as " + spec.Names[0]);
            }

            if (low > high)
            {
                return "a range must go from low to high";
            }
        }

        return null;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) spec)
    {
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number >= spec.Min && number <= spec.Max ? number : null;
        }

        var index = spec.Names is null ? -1 : Array.FindIndex(spec.Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + spec.Min;
    }
}
