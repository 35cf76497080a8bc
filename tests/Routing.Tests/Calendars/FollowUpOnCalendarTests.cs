using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// A follow-up the rules leave out comes after half the acknowledgement window, counted as that
/// window is: on a 09–17 calendar half of "P1D" is 4 working hours, not 12.
public sealed class FollowUpOnCalendarTests
{
    static WorkItem Item(TimeSpan ackWithin, TimeSpan? followUpEvery, DateTimeOffset now) =>
        WorkItem.Open(Guid.NewGuid(), "logistics", "P2", new(ackWithin, TimeSpan.FromDays(7), followUpEvery, null, Sla.DefaultCalendarTime),
            1, TestRules.Lifecycle("standard"), [], Office("Europe/Berlin"), now);

    static DateTimeOffset SecondReminder(WorkItem item, IReadOnlyList<string> calendarTime)
    {
        var lifecycle = TestRules.Lifecycle("standard");
        var clock = new SlaClock(Office("Europe/Berlin"), calendarTime);
        var first = TimerPlan.Entering(item, lifecycle, from: null, item.CreatedAt, clock).Single(t => t.Step == "follow-up");
        return TimerPlan.Next(item, lifecycle.Step("follow-up")!, first, clock).DueAt;
    }

    [Fact]
    public void Half_a_working_day_is_four_working_hours()
    {
        // Mon 7 Dec 2026 10:00 Berlin (09:00Z); P1D = 8 h → Tue 10:00; half of it, 4 h, later → Tue 14:00 CET = 13:00Z.
        var item = Item(TimeSpan.FromDays(1), null, At("Europe/Berlin", 2026, 12, 7, 10));
        Assert.Equal(Utc(2026, 12, 8, 13), SecondReminder(item, Sla.DefaultCalendarTime));
    }

    [Fact]
    public void Half_of_an_acknowledgement_counted_around_the_clock_is_counted_so()
    {
        // ackWithin around the clock: Mon 10:00 + 24 h → Tue 10:00; half of it, 12 h, later → Tue 22:00 CET = 21:00Z.
        var item = Item(TimeSpan.FromDays(1), null, At("Europe/Berlin", 2026, 12, 7, 10));
        item.CalendarTime = [Sla.AckWithinWindow, Sla.ResolutionCheckAfterWindow];
        item.Restart(new SlaClock(Office("Europe/Berlin"), item.CalendarTime), item.CreatedAt);
        Assert.Equal(Utc(2026, 12, 8, 21), SecondReminder(item, item.CalendarTime));
    }

    [Fact]
    public void A_follow_up_the_rules_set_counts_as_written()
    {
        // followUpEvery PT12H = 12 working hours: Tue 10:00 + 7 h (to 17:00) + 5 h Wed → Wed 14:00 CET = 13:00Z.
        var item = Item(TimeSpan.FromDays(1), TimeSpan.FromHours(12), At("Europe/Berlin", 2026, 12, 7, 10));
        Assert.Equal(Utc(2026, 12, 9, 13), SecondReminder(item, Sla.DefaultCalendarTime));
    }
}
