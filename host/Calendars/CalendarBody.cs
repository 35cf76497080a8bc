using Routing.Engine.Calendars;

namespace Routing.Host.Calendars;

/// A calendar as GET /api/calendars shows it: its week day by day, the holidays of the current
/// year (in its time zone) and the departments that name it.
internal sealed record CalendarBody(
    int Version, string Id, string Name, string TimeZone, IReadOnlyList<CalendarBody.Hours> Week, int Year,
    IReadOnlyList<DateOnly> Holidays, IReadOnlyList<string> Departments)
{
    /// Working hours on one day of the week, local time ("24:00" the end of the day).
    public sealed record Hours(string Day, string From, string To);

    static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static CalendarBody Of(int version, Calendar calendar, DateTimeOffset now, IEnumerable<string> departments)
    {
        var year = TimeZoneInfo.ConvertTime(now, calendar.Zone).Year;
        return new(version, calendar.Id, calendar.Name, calendar.Definition.TimeZone,
            [.. MondayFirst.SelectMany(day => calendar.HoursOn(day).Select(h =>
                new Hours(day.ToString()[..3], CalendarCheck.Clock(h.From), CalendarCheck.Clock(h.To))))],
            year, [.. calendar.Holidays.Where(d => d.Year == year).Order()], [.. departments]);
    }
}
