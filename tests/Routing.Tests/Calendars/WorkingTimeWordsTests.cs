using Routing.Host.WorkItems;

namespace Routing.Tests.Calendars;

/// How the time left on a calendar is written: in hours, never days (a working day is not 24
/// hours), as the console's words (the API's ISO 8601 durations: SlaClockTests); and where it falls on the
/// calendar's clock.
public sealed class WorkingTimeWordsTests
{
    [Theory]
    [InlineData(50 * 3600 + 30 * 60, "50 h 30 min")]
    [InlineData(5 * 3600, "5 h")]
    [InlineData(12 * 60 - 30, "12 min")] // a started minute counts
    [InlineData(0, "0 min")]
    public void The_console_says_working_time_in_hours_and_minutes(int seconds, string expected) =>
        Assert.Equal(expected, DueInWords.Hours(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_due_time_reads_on_the_calendars_clock_with_the_date_when_it_is_a_week_or_more_away()
    {
        var berlin = TestCalendars.Office("Europe/Berlin");
        var now = TestCalendars.Utc(2026, 11, 27, 14); // Fri 15:00 in Berlin
        Assert.Equal("Mon 11:00, Europe/Berlin", DueInWords.InZoneOf(TestCalendars.Utc(2026, 11, 30, 10), berlin, now));
        Assert.Equal("Mon 7 Dec 11:00, Europe/Berlin", DueInWords.InZoneOf(TestCalendars.Utc(2026, 12, 7, 10), berlin, now));
    }
}
