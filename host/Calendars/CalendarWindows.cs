using Routing.Engine.Calendars;

namespace Routing.Host.Calendars;

/// The working stretches of a calendar in a period, as GET /api/calendars/{id}/windows answers:
/// each as UTC instants and as the calendar's local times, with the working time they add up to
/// (ISO 8601, `PT40H`).
internal sealed record CalendarWindows(
    string Calendar, string TimeZone, DateTimeOffset From, DateTimeOffset To, string WorkingTime, IReadOnlyList<CalendarWindows.Window> Windows)
{
    public sealed record Window(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset LocalStart, DateTimeOffset LocalEnd);

    public static CalendarWindows Of(Calendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new BusinessClock(calendar).Windows(from, to);
        var total = windows.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Length);
        return new(calendar.Id, calendar.Definition.TimeZone, from, to, IsoDuration.Hours(total),
            [.. windows.Select(w => new Window(w.Start, w.End,
                TimeZoneInfo.ConvertTime(w.Start, calendar.Zone), TimeZoneInfo.ConvertTime(w.End, calendar.Zone)))]);
    }
}
