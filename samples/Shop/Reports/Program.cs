// The nightly report: a batch job that runs to completion (see ReportsJob for how it is scheduled).
var title = Environment.GetEnvironmentVariable("REPORT_TITLE") ?? "Report";
Console.WriteLine($"{title}: generated at {DateTimeOffset.UtcNow:O} with arguments [{string.Join(' ', args)}]");
return 0;
