using System.Text.Json;
using Routing.Engine.Calendars;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// How an item's windows count: a day of business time is a working day, hours are working
/// hours, a window the rules put on calendar time runs around the clock. The first cases are
/// the README's table, on the shipped office-berlin calendar.
public sealed class SlaClockTests
{
    const string Berlin = "Europe/Berlin";

    static Calendar Shipped(string id)
    {
        var definitions = JsonSerializer.Deserialize<List<CalendarDefinition?>>(
            TestRules.PartJson(Path.Combine(TestRules.Shipped, "calendars.json")), JsonSerializerOptions.Web)!;
        return Build(definitions.Single(d => d!.Id == id)!);
    }

    static readonly SlaClock BerlinOffice = new(Shipped("office-berlin"), Sla.DefaultCalendarTime);

    [Theory]
    // Fri 27 Nov 2026 15:00: 2 h on Friday, 2 h from Monday 09:00.
    [InlineData(2026, 11, 27, 15, "PT4H", 2026, 11, 30, 11)]
    // One working day is the calendar's usual 8 h: 2 h Friday, 6 h Monday: the same hour on Monday.
    [InlineData(2026, 11, 27, 15, "P1D", 2026, 11, 30, 15)]
    // Three working days, 24 h: 2 h Friday, 8 h Monday, 8 h Tuesday, 6 h Wednesday.
    [InlineData(2026, 11, 27, 15, "P3D", 2026, 12, 2, 15)]
    // Submitted on Saturday: the clock starts on Monday at 09:00.
    [InlineData(2026, 11, 28, 10, "PT4H", 2026, 11, 30, 13)]
    // Wed 23 Dec 16:00: 1 h, the 24th (listed) and the 25th and 26th (German holidays), the weekend, then 3 h on Monday 28th.
    [InlineData(2026, 12, 23, 16, "PT4H", 2026, 12, 28, 12)]
    public void The_readmes_due_times_on_the_berlin_office(int y, int m, int d, int h, string window, int dy, int dm, int dd, int dh)
    {
        var due = BerlinOffice.Add(Sla.AckWithinWindow, At(Berlin, y, m, d, h), System.Xml.XmlConvert.ToTimeSpan(window));

        Assert.Equal(At(Berlin, dy, dm, dd, dh), due);
    }

    [Fact]
    public void A_window_on_calendar_time_runs_around_the_clock_and_the_resolution_check_does_by_default()
    {
        var clock = new SlaClock(Shipped("office-berlin"), [Sla.AckWithinWindow, Sla.ResolutionCheckAfterWindow]);
        var friday = At(Berlin, 2026, 11, 27, 15);

        Assert.Equal(friday + TimeSpan.FromHours(4), clock.Add(Sla.AckWithinWindow, friday, TimeSpan.FromHours(4)));
        Assert.Equal(friday + TimeSpan.FromDays(14), clock.Add(Sla.ResolutionCheckAfterWindow, friday, TimeSpan.FromDays(14)));
        // Resolve stays on working time: 2 h Friday + 6 h Monday.
        Assert.Equal(At(Berlin, 2026, 11, 30, 15), clock.Add(Sla.ResolveWithinWindow, friday, TimeSpan.FromHours(8)));
        Assert.False(clock.CountsWorkingTime(Sla.AckWithinWindow));
        Assert.True(clock.CountsWorkingTime(Sla.ResolveWithinWindow));
    }

    [Fact]
    public void Without_a_calendar_every_window_runs_around_the_clock()
    {
        var clock = new SlaClock(null, []);
        var friday = At(Berlin, 2026, 11, 27, 15);

        Assert.Equal(friday + TimeSpan.FromDays(1), clock.Add(Sla.AckWithinWindow, friday, TimeSpan.FromDays(1)));
        Assert.Equal(TimeSpan.FromHours(30), clock.Left(Sla.AckWithinWindow, friday, friday + TimeSpan.FromHours(30)));
    }

    [Fact]
    public void The_time_left_is_working_time_and_continues_to_the_same_due_time()
    {
        var friday = At(Berlin, 2026, 11, 27, 15);
        var due = BerlinOffice.Add(Sla.ResolveWithinWindow, friday, TimeSpan.FromDays(2)); // 16 working hours: Tue 15:00
        Assert.Equal(At(Berlin, 2026, 12, 1, 15), due);

        // From Saturday noon nothing was used since Friday 17:00: 14 h left (Mon 8 h, Tue 6 h).
        var saturday = At(Berlin, 2026, 11, 28, 12);
        var left = BerlinOffice.Left(Sla.ResolveWithinWindow, saturday, due);
        Assert.Equal(TimeSpan.FromHours(14), left);
        Assert.Equal(due, BerlinOffice.Continue(Sla.ResolveWithinWindow, saturday, left));
        Assert.Equal(TimeSpan.Zero, BerlinOffice.Left(Sla.ResolveWithinWindow, due + TimeSpan.FromMinutes(1), due));
    }

    [Fact]
    public void The_time_a_window_took_is_working_time_on_the_calendar_and_clock_time_around_it()
    {
        // Fri 27 Nov 15:00 Berlin → Mon 30 Nov 10:00 Berlin: 2 h Friday + 1 h Monday; 67 h on the clock.
        var (from, to) = (Utc(2026, 11, 27, 14), Utc(2026, 11, 30, 9));

        Assert.Equal(TimeSpan.FromHours(3), BerlinOffice.Elapsed(Sla.AckWithinWindow, from, to));
        Assert.Equal(TimeSpan.FromHours(67), BerlinOffice.Elapsed(Sla.ResolutionCheckAfterWindow, from, to));
        Assert.Equal(TimeSpan.FromHours(67), new SlaClock(null, []).Elapsed(Sla.AckWithinWindow, from, to));
        Assert.Equal(TimeSpan.Zero, BerlinOffice.Elapsed(Sla.AckWithinWindow, to, from));
    }

    [Fact]
    public void A_calendar_with_a_short_friday_counts_a_day_as_its_most_common_day()
    {
        var calendar = Build(new("short-fridays", "Short Fridays", Berlin,
            [new(["Mon", "Tue", "Wed", "Thu"], "08:00", "18:00"), new(["Fri"], "08:00", "12:00")]));

        Assert.Equal(TimeSpan.FromHours(10), calendar.UsualDay);
        // Thu 26 Nov 2026 10:00 + one working day (10 h): Thu 8 h, Fri 2 h.
        Assert.Equal(At(Berlin, 2026, 11, 27, 10),
            new SlaClock(calendar, []).Add(Sla.AckWithinWindow, At(Berlin, 2026, 11, 26, 10), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Unset_follow_ups_come_every_half_acknowledgement_window_as_it_counts()
    {
        var lifecycle = TestRules.Lifecycle("standard");
        var followUp = lifecycle.Step("follow-up")!;
        var friday = At(Berlin, 2026, 11, 27, 15);
        var item = Routing.Engine.WorkItems.WorkItem.Open(Guid.NewGuid(), "rnd", "P2",
            new(TimeSpan.FromDays(1), TimeSpan.FromDays(5), null, null, Sla.DefaultCalendarTime), 1, lifecycle, [], Shipped("office-berlin"), friday);
        Assert.Equal(At(Berlin, 2026, 11, 30, 15), item.AckDueAt); // P1D: one working day

        var first = Routing.Engine.Timers.TimerPlan.First(item, followUp, friday, BerlinOffice);
        var second = Routing.Engine.Timers.TimerPlan.Next(item, followUp, first, BerlinOffice);

        // Half of one 8 h working day is 4 working hours: Mon 15:00 + 2 h Monday + 2 h Tuesday.
        Assert.Equal(At(Berlin, 2026, 12, 1, 11), second.DueAt);
    }

    [Theory]
    [InlineData(0, "PT0S")]
    [InlineData(5 * 3600 + 30 * 60, "PT5H30M")]
    [InlineData(50 * 3600 + 30 * 60, "PT50H30M")] // two days and a bit: still hours
    [InlineData(12 * 60, "PT12M")]
    [InlineData(45 * 60 + 12, "PT45M12S")]
    public void Durations_are_written_in_hours_never_days(int seconds, string text)
    {
        var span = TimeSpan.FromSeconds(seconds);

        Assert.Equal(text, IsoDuration.Hours(span));
        Assert.Equal(span, System.Xml.XmlConvert.ToTimeSpan(text));
    }

    [Theory]
    [InlineData(0.4)] // under a second
    [InlineData(-60)] // overdue
    public void Nothing_left_is_written_PT0S(double seconds) => Assert.Equal("PT0S", IsoDuration.Hours(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_fraction_of_a_second_is_dropped() => Assert.Equal("PT45M12S", IsoDuration.Hours(TimeSpan.FromSeconds(45 * 60 + 12.7)));
}
