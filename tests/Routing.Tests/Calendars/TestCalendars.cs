using Routing.Engine.Calendars;

namespace Routing.Tests.Calendars;

/// Calendars the tests count on, built the way calendars.json is read.
static class TestCalendars
{
    static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];
    static readonly string[] AllDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static Calendar Office(string zone, CalendarHolidays? holidays = null) =>
        Build(new("office", "Office", zone, [new(Weekdays, "09:00", "17:00")], holidays));

    public static Calendar Always(string zone) =>
        Build(new("always", "Always", zone, [new(AllDays, "00:00", "24:00")]));

    public static Calendar Build(CalendarDefinition definition)
    {
        var (calendar, problems) = CalendarCheck.Build(definition);
        Assert.Empty(problems);
        return calendar!;
    }

    /// A local wall-clock time in a zone as the UTC instant it names (never a DST gap in these tests).
    public static DateTimeOffset At(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        var offset = TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
