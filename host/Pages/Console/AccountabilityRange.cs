using System.Globalization;
using Routing.Engine.Metrics;

namespace Routing.Host.Pages.Console;

/// The Accountability page's period picker read: the interval, and the days from the first to the
/// last (both included, UTC) as the time range [From, To). Left empty, the trends cover the last 12
/// weeks or months and the rules and CSMs the last 90 days, today included.
internal sealed record AccountabilityRange(MetricsInterval Interval, DateTimeOffset From, DateTimeOffset To)
{
    /// The first day, and the last day included, as a date field shows them.
    public string FirstDay => Day(From);
    public string LastDay => Day(To.AddDays(-1));

    /// The range of the form's fields; null with the errors, by field, when one is not a day or the
    /// days are the wrong way round or span too many periods.
    public static AccountabilityRange? Read(string? interval, string? from, string? to, bool trends, DateTimeOffset now, Dictionary<string, string> errors)
    {
        var every = interval switch
        {
            null or "" or "week" => MetricsInterval.Week,
            "month" => MetricsInterval.Month,
            // The rules and CSMs views have no periods (nor the field): whatever came along is not theirs.
            _ => trends ? null : (MetricsInterval?)MetricsInterval.Week,
        };
        if (every is null) errors["interval"] = "must be week or month.";
        var (first, last) = (Date(from, "from", errors), Date(to, "to", errors));
        if (errors.Count > 0) return null;

        var today = now.UtcDateTime.Date;
        var (defaultFrom, defaultTo) = trends ? Periods.Last(every!.Value, now) : (At(today.AddDays(1 - RuleQuality.DefaultRange.Days)), At(today.AddDays(1)));
        var range = new AccountabilityRange(every!.Value, first ?? defaultFrom, last?.AddDays(1) ?? defaultTo);
        if (range.From >= range.To)
            errors["to"] = "must be on or after the first day.";
        else if (trends && Periods.Covering(range.From, range.To, range.Interval).Count > Periods.Most)
            errors["from"] = $"is too far back: at most {Periods.Most} {(range.Interval == MetricsInterval.Week ? "weeks" : "months")} at a time.";
        return errors.Count > 0 ? null : range;
    }

    static DateTimeOffset? Date(string? value, string field, Dictionary<string, string> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var at = At(day.ToDateTime(TimeOnly.MinValue));
            if (Periods.Outside(at) is not { } why) return at;
            errors[field] = why;
            return null;
        }
        errors[field] = "must be a day such as 2026-11-01.";
        return null;
    }

    static DateTimeOffset At(DateTime day) => new(DateTime.SpecifyKind(day, DateTimeKind.Utc));

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
