namespace Routing.Engine.Metrics;

/// Where weeks and months begin and end, in UTC: ISO weeks start on Monday 00:00, months on the 1st 00:00.
internal static class Periods
{
    /// At most this many periods in one query (three years of weeks).
    public const int Most = 156;

    /// Default: the last 12 periods, the current one included.
    public const int Default = 12;

    /// How long after its end a period is closed: longer than the console's undo window, so no undo
    /// can change a period once its figures are cached.
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(10);

    /// The times a query may name: wide enough for any store, narrow enough that a period's start and end exist.
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// Why a time cannot be asked for, or null.
    public static string? Outside(DateTimeOffset at) =>
        at < Earliest || at > Latest ? $"must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}." : null;

    public static string Name(MetricsInterval interval) => interval == MetricsInterval.Week ? "week" : "month";

    /// The start of the period `at` falls in.
    public static DateTimeOffset StartOf(DateTimeOffset at, MetricsInterval interval)
    {
        var day = at.UtcDateTime.Date;
        return interval == MetricsInterval.Week
            ? new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero)
            : new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static DateTimeOffset Next(DateTimeOffset start, MetricsInterval interval) =>
        interval == MetricsInterval.Week ? start.AddDays(7) : start.AddMonths(1);

    /// `to` snapped up to the end of the period it falls in (kept when already a period's start).
    public static DateTimeOffset EndOf(DateTimeOffset to, MetricsInterval interval)
    {
        var start = StartOf(to, interval);
        return start == to ? to : Next(start, interval);
    }

    /// The periods covering [from, to), `from` snapped down and `to` up, oldest first.
    public static List<(DateTimeOffset Start, DateTimeOffset End)> Covering(DateTimeOffset from, DateTimeOffset to, MetricsInterval interval)
    {
        var periods = new List<(DateTimeOffset, DateTimeOffset)>();
        var end = EndOf(to, interval);
        for (var start = StartOf(from, interval); start < end; start = Next(start, interval))
            periods.Add((start, Next(start, interval)));
        return periods;
    }

    /// The default range: the last 12 periods, the current one included.
    public static (DateTimeOffset From, DateTimeOffset To) Last(MetricsInterval interval, DateTimeOffset now)
    {
        var current = StartOf(now, interval);
        var from = interval == MetricsInterval.Week ? current.AddDays(-7 * (Default - 1)) : current.AddMonths(-(Default - 1));
        return (from, Next(current, interval));
    }

    public static bool Closed(DateTimeOffset end, DateTimeOffset now) => end + Settle <= now;
}
