using Routing.Engine.Calendars;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Working time counted by hand on office calendars (Mon–Fri 09:00–17:00 unless said).
public sealed class BusinessClockTests
{
    const string Berlin = "Europe/Berlin";
    const string Chicago = "America/Chicago";

    [Fact]
    public void A_weekend_inside_an_sla_is_not_counted()
    {
        var clock = new BusinessClock(Office(Berlin));
        // Fri 27 Nov 2026 15:00 CET: 2 h on Friday, then Monday 09:00–11:00.
        var due = clock.Add(At(Berlin, 2026, 11, 27, 15), TimeSpan.FromHours(4));
        Assert.Equal(Utc(2026, 11, 30, 10), due);
    }

    [Fact]
    public void A_public_holiday_inside_an_sla_is_not_counted()
    {
        var holidays = new CalendarHolidays(Country: "DE", FromYear: 2026, ToYear: 2026);
        var start = At(Berlin, 2026, 12, 24, 16);
        // Thu 24 Dec 16:00–17:00, Fri 25 Dec is Christmas Day, then the weekend: Mon 28 Dec 09:00–11:00 CET.
        Assert.Equal(Utc(2026, 12, 28, 10), new BusinessClock(Office(Berlin, holidays)).Add(start, TimeSpan.FromHours(3)));
        // Without the holidays Friday would count: 11:00 CET on the 25th.
        Assert.Equal(Utc(2026, 12, 25, 10), new BusinessClock(Office(Berlin)).Add(start, TimeSpan.FromHours(3)));
    }

    [Fact]
    public void A_year_end_with_new_years_day_carries_into_the_next_year()
    {
        var clock = new BusinessClock(Office(Chicago, new CalendarHolidays(Country: "US", FromYear: 2026, ToYear: 2027)));
        // Thu 31 Dec 2026 15:00 CST: 2 h, Fri 1 Jan 2027 is a holiday, then Mon 4 Jan 09:00–11:00 CST (UTC−6).
        Assert.Equal(Utc(2027, 1, 4, 17), clock.Add(At(Chicago, 2026, 12, 31, 15), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Office_hours_stay_at_local_times_across_the_spring_change()
    {
        var clock = new BusinessClock(Office(Berlin));
        // Fri 27 Mar 2026 16:00 CET (15:00Z); clocks go forward on Sunday 29 Mar; Monday 10:00 CEST is 08:00Z.
        Assert.Equal(Utc(2026, 3, 30, 8), clock.Add(Utc(2026, 3, 27, 15), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Office_hours_stay_at_local_times_across_the_autumn_change_in_chicago()
    {
        var clock = new BusinessClock(Office(Chicago));
        // Fri 30 Oct 2026 16:00 CDT (21:00Z); clocks go back on Sunday 1 Nov; Monday 10:00 CST is 16:00Z.
        Assert.Equal(Utc(2026, 11, 2, 16), clock.Add(Utc(2026, 10, 30, 21), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Round_the_clock_time_is_elapsed_time_through_both_changes()
    {
        var clock = new BusinessClock(Always(Berlin));
        // 24 h from Sat 28 Mar 12:00 CET (11:00Z) is 11:00Z on Sunday: 13:00 CEST, not 12:00.
        Assert.Equal(Utc(2026, 3, 29, 11), clock.Add(Utc(2026, 3, 28, 11), TimeSpan.FromHours(24)));
        // Saturday 00:00 to Monday 00:00 local holds 47 h in spring and 49 h in autumn.
        Assert.Equal(TimeSpan.FromHours(47), clock.Between(At(Berlin, 2026, 3, 28, 0), At(Berlin, 2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(49), clock.Between(At(Berlin, 2026, 10, 24, 0), At(Berlin, 2026, 10, 26, 0)));
        // Touching days make one window.
        var windows = clock.Windows(At(Berlin, 2026, 3, 28, 0), At(Berlin, 2026, 3, 30, 0));
        Assert.Equal([new WorkingWindow(Utc(2026, 3, 27, 23), Utc(2026, 3, 29, 22))], windows);
    }

    [Fact]
    public void Hours_that_cross_the_change_are_an_hour_shorter_in_spring_and_longer_in_autumn()
    {
        // A Sunday night shift 01:00–04:00 local.
        var clock = new BusinessClock(Build(new("night", "Night", Berlin, [new(["Sun"], "01:00", "04:00")])));
        Assert.Equal(TimeSpan.FromHours(2), clock.Between(Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(4), clock.Between(Utc(2026, 10, 24, 0), Utc(2026, 10, 26, 0)));
        // 01:00 CET is 00:00Z; 04:00 CEST is 02:00Z; in autumn 01:00 CEST is 23:00Z, 04:00 CET 03:00Z.
        Assert.Equal([new WorkingWindow(Utc(2026, 3, 29, 0), Utc(2026, 3, 29, 2))], clock.Windows(Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0)));
        Assert.Equal([new WorkingWindow(Utc(2026, 10, 24, 23), Utc(2026, 10, 25, 3))], clock.Windows(Utc(2026, 10, 24, 0), Utc(2026, 10, 26, 0)));
    }

    [Fact]
    public void A_day_split_at_lunch_skips_the_break()
    {
        var calendar = Build(new("split", "Split", Berlin,
            [new(["Mon", "Tue", "Wed", "Thu", "Fri"], "13:00", "17:00"), new(["Mon", "Tue", "Wed", "Thu", "Fri"], "09:00", "12:00")]));
        var clock = new BusinessClock(calendar);
        // Mon 30 Nov 11:00 CET: 11–12, then 13–14 CET = 13:00Z.
        Assert.Equal(Utc(2026, 11, 30, 13), clock.Add(At(Berlin, 2026, 11, 30, 11), TimeSpan.FromHours(2)));
        Assert.Equal(
            [new WorkingWindow(Utc(2026, 11, 30, 8), Utc(2026, 11, 30, 11)), new WorkingWindow(Utc(2026, 11, 30, 12), Utc(2026, 11, 30, 16))],
            clock.Windows(At(Berlin, 2026, 11, 30, 7), At(Berlin, 2026, 11, 30, 18)));
        Assert.Equal(TimeSpan.FromHours(7), clock.Between(At(Berlin, 2026, 11, 30, 7), At(Berlin, 2026, 11, 30, 18)));
    }

    [Fact]
    public void A_start_outside_working_hours_waits_for_the_next_opening()
    {
        var clock = new BusinessClock(Office(Berlin));
        // Sunday 29 Nov 03:00: 30 min after Monday 09:00 CET.
        Assert.Equal(Utc(2026, 11, 30, 8, 30), clock.Add(At(Berlin, 2026, 11, 29, 3), TimeSpan.FromMinutes(30)));
        Assert.Equal(TimeSpan.Zero, clock.Between(At(Berlin, 2026, 11, 28, 9), At(Berlin, 2026, 11, 29, 17)));
    }

    public static TheoryData<int, int> RoundTrips => new()
    {
        { 0, 1 }, { 7, 30 }, { 13, 8 * 60 }, { 40, 41 * 60 }, { 100, 2_000 * 60 }, { 200, 13 * 60 + 17 },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void Between_a_start_and_its_due_time_is_the_duration_added(int hoursAfter, int minutes)
    {
        foreach (var zone in new[] { Berlin, Chicago })
        {
            var clock = new BusinessClock(Office(zone, new CalendarHolidays(Country: zone == Berlin ? "DE" : "US", FromYear: 2026, ToYear: 2028)));
            var start = Utc(2026, 3, 6, 10).AddHours(hoursAfter * 7);
            var due = clock.Add(start, TimeSpan.FromMinutes(minutes));
            Assert.Equal(TimeSpan.FromMinutes(minutes), clock.Between(start, due));
        }
    }

    [Fact]
    public void A_year_of_working_time_is_counted_by_days()
    {
        var clock = new BusinessClock(Office(Berlin));
        // 52 weeks of 40 h from Monday 09:00 end on the Friday 17:00 of the 52nd week.
        var due = clock.Add(At(Berlin, 2026, 1, 5, 9), TimeSpan.FromHours(52 * 40));
        Assert.Equal(At(Berlin, 2027, 1, 1, 17), due);
    }

    [Fact]
    public void A_negative_duration_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessClock(Office(Berlin)).Add(Utc(2026, 1, 1, 0), TimeSpan.FromHours(-1)));
}
