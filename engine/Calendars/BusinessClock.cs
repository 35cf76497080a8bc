namespace Routing.Engine.Calendars;

/// Counts working time on a calendar. Every answer is a UTC instant; the calendar's local
/// days are turned into instants one day at a time, so a DST change makes that day's working
/// time an hour shorter or longer only where its hours cross the change.
public sealed class BusinessClock(Calendar calendar)
{
    /// Longer than any SLA; past this, counting would only be a typing mistake running long.
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3_660);

    public Calendar Calendar => calendar;

    /// The instant at which `duration` of working time has passed since `start`.
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > MaxDuration)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"must be between zero and {MaxDuration.TotalDays} days.");
        if (duration == TimeSpan.Zero) return start.ToUniversalTime();
        var left = duration;
        // A day's hours end by its midnight, so the day start falls on holds the first window that counts.
        foreach (var window in WindowsFrom(start))
        {
            if (left <= window.Length) return window.Start + left;
            left -= window.Length;
        }
        throw new InvalidOperationException("unreachable: WindowsFrom without an end throws rather than ends");
    }

    /// The working time between two instants (zero when `to` is not after `from`).
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var window in Windows(from, to)) total += window.Length;
        return total;
    }

    /// The working stretches between two instants, cut to them, touching ones joined.
    public IReadOnlyList<WorkingWindow> Windows(DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new List<WorkingWindow>();
        if (to <= from) return windows;
        foreach (var window in WindowsFrom(from, to))
        {
            if (window.Start >= to) break;
            var cut = window.End > to ? window with { End = to.ToUniversalTime() } : window;
            if (windows.Count > 0 && windows[^1].End == cut.Start) windows[^1] = windows[^1] with { End = cut.End };
            else windows.Add(cut);
        }
        return windows;
    }

    /// Every working stretch from `start` on (to the day of `until`, when given), in order, the
    /// first cut to start. Days without working time (weekends, holidays) cost one look each, so
    /// long durations skip by days.
    IEnumerable<WorkingWindow> WindowsFrom(DateTimeOffset start, DateTimeOffset? until = null)
    {
        start = start.ToUniversalTime();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, calendar.Zone).DateTime);
        // Without an end: years of holidays in a row would need an absurd calendar; still, stop somewhere.
        var last = until is { } end
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, calendar.Zone).DateTime)
            : date.AddDays(checked((int)MaxDuration.TotalDays * 4));
        for (; date <= last; date = date.AddDays(1))
        {
            foreach (var hours in calendar.HoursOn(date))
            {
                var from = Instant(date, hours.From);
                var to = Instant(date, hours.To);
                if (to <= start) continue;
                if (from < start) from = start;
                if (to > from) yield return new WorkingWindow(from, to);
            }
        }
        if (until is not null) yield break;
        throw new InvalidOperationException($"calendar '{calendar.Id}' has no working time after {start:O} for years.");
    }

    /// The instant a local time on a date names. A time the spring change skips (02:30 in
    /// Berlin) counts as the same distance past the change (03:30); a time the autumn change
    /// repeats counts at its first, summer-time occurrence.
    DateTimeOffset Instant(DateOnly date, TimeSpan time)
    {
        var local = date.ToDateTime(TimeOnly.MinValue) + time;
        var zone = calendar.Zone;
        TimeSpan offset;
        // Gaps are an hour or so long: six hours earlier is before it, with the offset then in force.
        if (zone.IsInvalidTime(local)) offset = zone.GetUtcOffset(local.AddHours(-6));
        else if (zone.IsAmbiguousTime(local)) offset = zone.GetAmbiguousTimeOffsets(local).Max();
        else offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local - offset, DateTimeKind.Utc));
    }
}
