using CultureInfo = System.Globalization.CultureInfo;
using Routing.Engine.Calendars;
using Routing.Engine.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.WorkItems;

/// An item's due times as its page says them: what is still owed, by when, and how long is left
/// ("within 3 hours") or over ("overdue by 2 days"). A window counted on the department's calendar
/// says its working time left and the due time on the calendar's clock ("due in 5 h 30 min of
/// working time", InZone "Mon 10:00, Europe/Berlin"); the page shows `By` in the reader's zone
/// only when InZone is null. Acknowledgement is owed until someone takes the item; resolution
/// until it is resolved (both while it awaits acknowledgement). A paused item owes nothing while
/// it waits: PausedWords says where its clock stopped.
internal sealed record DueInWords(string What, DateTimeOffset By, string Words, bool Overdue, string? InZone = null)
{
    public static IReadOnlyList<DueInWords> Of(WorkItem item, SlaStatus sla, DateTimeOffset now)
    {
        var awaitingAck = item.Stage == WorkItemStage.Acknowledgement;
        var awaitingResolution = awaitingAck || item.Stage == WorkItemStage.Resolution;
        return
        [
            .. awaitingAck ? [Line("Acknowledge", item.AckDueAt, sla.AckInWorkingTime ? sla.AckLeft : null, sla.Calendar, now)] : Array.Empty<DueInWords>(),
            .. awaitingResolution ? [Line("Resolve", item.ResolveDueAt, sla.ResolveInWorkingTime ? sla.ResolveLeft : null, sla.Calendar, now)] : Array.Empty<DueInWords>(),
        ];
    }

    /// `working`: the working time left, when the window counts on the calendar.
    static DueInWords Line(string what, DateTimeOffset by, TimeSpan? working, Calendar? calendar, DateTimeOffset now)
    {
        var left = by - now;
        if (left < TimeSpan.Zero) return new(what, by, $"overdue by {Span(-left)}", true);
        return working is { } w && calendar is not null
            ? new(what, by, $"due in {Hours(w)} of working time", false, InZoneOf(by, calendar, now))
            : new(what, by, $"within {Span(left)}", false);
    }

    /// An instant on a calendar's clock, with the zone's name: "Mon 10:00, Europe/Berlin"; with the
    /// date when it is not within the coming or past six days ("Mon 7 Dec 10:00, Europe/Berlin").
    public static string InZoneOf(DateTimeOffset at, Calendar calendar, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(at, calendar.Zone);
        var near = Math.Abs((local.Date - TimeZoneInfo.ConvertTime(now, calendar.Zone).Date).TotalDays) < 7;
        return $"{local.ToString(near ? "ddd HH:mm" : "ddd d MMM HH:mm", CultureInfo.InvariantCulture)}, {calendar.Definition.TimeZone}";
    }

    /// Working time in hours and minutes, never days (a working day is not 24 hours), counting a
    /// started minute as a whole one: "50 h 30 min", "5 h", "12 min".
    public static string Hours(TimeSpan t)
    {
        var minutes = t <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(t.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? $"{rest} min" : rest == 0 ? $"{hours} h" : $"{hours} h {rest} min";
    }

    /// The two largest units, in words, counting a started minute as a whole one (so a window of
    /// two days just opened is "2 days", not "1 day 23 hours"): "2 days 3 hours", "3 hours", "12 minutes".
    public static string Span(TimeSpan t)
    {
        var minutes = Math.Max(1, (long)Math.Ceiling(t.TotalMinutes));
        var (days, hours, rest) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
        return days > 0 ? Join(Unit(days, "day"), Unit(hours, "hour"))
            : hours > 0 ? Join(Unit(hours, "hour"), Unit(rest, "minute"))
            : Unit(rest, "minute");
    }

    static string Unit(long n, string unit) => n == 0 ? "" : n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    static string Join(string a, string b) => b.Length == 0 ? a : $"{a} {b}";
}
