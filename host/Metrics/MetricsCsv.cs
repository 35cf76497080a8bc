using System.Globalization;
using CsvHelper;
using static Routing.Host.Metrics.MetricsBodies;

namespace Routing.Host.Metrics;

/// The metrics as CSV for spreadsheets: the JSON's fields as camelCase columns, one row per department and period
/// (or rule, or CSM), durations as decimal hours with two decimals.
internal static class MetricsCsv
{
    public static async Task WriteAsync(HttpContext http, string what, DateTimeOffset from, DateTimeOffset to, IEnumerable<string[]> rows, CancellationToken ct)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{what}-{Day(from)}-{Day(to)}.csv\"";
        // Escaped as the history export is: no cell a spreadsheet would run as a formula.
        await using var table = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        foreach (var row in rows) await table.WriteRecordAsync(row, ct);
        await table.FlushAsync(ct);
    }

    public static IEnumerable<string[]> Departments(DepartmentTrendsBody body)
    {
        yield return ["department", "name", "workingTime", "start", "end", "complete", "opened",
            "acknowledged", "acknowledgedWithinSla", "acknowledgedWithinSlaRate", "resolved", "resolvedWithinSla", "resolvedWithinSlaRate",
            "timeToAcknowledgeCount", "timeToAcknowledgeMedianHours", "timeToAcknowledgeP90Hours",
            "timeToResolveCount", "timeToResolveMedianHours", "timeToResolveP90Hours",
            "backlogDays0To2", "backlogDays3To7", "backlogDays8To30", "backlogOver30",
            "reopened", "reopenedRate", "escalations", "handedBack", "judged", "effective", "effectiveRate"];
        foreach (var d in body.Departments)
            foreach (var p in d.Periods)
                yield return [d.Department, d.Name, Bool(d.WorkingTime), Time(p.Start), Time(p.End), Bool(p.Complete), N(p.Opened),
                    N(p.Acknowledged), N(p.AcknowledgedWithinSla), Rate(p.AcknowledgedWithinSlaRate), N(p.Resolved), N(p.ResolvedWithinSla), Rate(p.ResolvedWithinSlaRate),
                    N(p.TimeToAcknowledge.Count), Hours(p.TimeToAcknowledge.Median), Hours(p.TimeToAcknowledge.P90),
                    N(p.TimeToResolve.Count), Hours(p.TimeToResolve.Median), Hours(p.TimeToResolve.P90),
                    N(p.Backlog.Days0To2), N(p.Backlog.Days3To7), N(p.Backlog.Days8To30), N(p.Backlog.Over30),
                    N(p.Reopened), Rate(p.ReopenedRate), N(p.Escalations), N(p.HandedBack), N(p.Judged), N(p.Effective), Rate(p.EffectiveRate)];
    }

    public static IEnumerable<string[]> Rules(RuleQualityBody body)
    {
        yield return ["version", "rule", "routed", "handedBack", "handedBackRate", "verified", "reopened", "resolved", "medianTimeToResolveHours"];
        foreach (var r in body.Rules)
            yield return [N(r.Version), r.Rule, N(r.Routed), N(r.HandedBack), Rate(r.HandedBackRate), N(r.Verified), N(r.Reopened), N(r.Resolved), Hours(r.MedianTimeToResolve)];
    }

    /// The departments reached are one column, "logistics: 3; rnd: 1", as the records export joins lists.
    public static IEnumerable<string[]> Csms(CsmAccountBody body)
    {
        yield return ["csm", "submitted", "departments", "fixed", "verifiedEffective", "timeToFixCount", "timeToFixMedianHours", "timeToFixP90Hours"];
        foreach (var c in body.Csms)
            yield return [c.Csm ?? "(team)", N(c.Submitted), string.Join("; ", c.Departments.Select(d => $"{d.Key}: {N(d.Value)}")), N(c.Fixed),
                N(c.VerifiedEffective), N(c.TimeToFix.Count), Hours(c.TimeToFix.Median), Hours(c.TimeToFix.P90)];
    }

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    static string Bool(bool b) => b ? "true" : "false";
    static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    static string Rate(double? rate) => rate?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
    static string Hours(string? duration) =>
        duration is null ? "" : System.Xml.XmlConvert.ToTimeSpan(duration).TotalHours.ToString("0.00", CultureInfo.InvariantCulture);
}
