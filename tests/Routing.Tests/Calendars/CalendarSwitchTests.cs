using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// An open item's times on a changed calendar, counted by hand: the Berlin office (Mon–Fri
/// 09:00–17:00) gets Wednesday 2 December 2026 off; the publish is Monday 30 November, 12:00.
public sealed class CalendarSwitchTests
{
    const string Berlin = "Europe/Berlin";
    static readonly Calendar Before = Office(Berlin);
    static readonly Calendar After = Office(Berlin, new CalendarHolidays(Dates: ["2026-12-02"]));
    static readonly DateTimeOffset Now = At(Berlin, 2026, 11, 30, 12);

    static readonly TimedStep FollowUp = new("follow-up", ["Routed"], "escalate", At: TimedStep.AckDueAt, Remind: 2, Every: "followUpEvery");
    static readonly TimedStep Chase = new("chase", ["Acknowledged"], "escalate", After: "P2D");

    static WorkItem Item(params string[] calendarTime) => new()
    {
        Department = "logistics", Priority = "P3", State = "Routed", FollowUpEvery = TimeSpan.FromDays(1),
        AckDueAt = At(Berlin, 2026, 12, 2, 10), ResolveDueAt = At(Berlin, 2026, 11, 30, 11), CalendarTime = [.. calendarTime],
    };

    static WorkItemTimer Timer(TimedStep step, int round, DateTimeOffset dueAt) => new() { Step = step.Name, Round = round, DueAt = dueAt };

    static (SlaClock, SlaClock) Clocks(WorkItem item) => (new(Before, item.CalendarTime), new(After, item.CalendarTime));

    [Fact]
    public void A_due_time_ahead_keeps_its_working_hours_left_and_one_passed_stays()
    {
        var item = Item();
        var (from, to) = Clocks(item);
        // Acknowledge by Wednesday 10:00: 14 h left (5 Monday, 8 Tuesday, 1 Wednesday); Wednesday off, the last
        // hour is Thursday 09:00–10:00. Resolve by Monday 11:00 has passed: it stays.
        Assert.Equal((At(Berlin, 2026, 12, 3, 10), At(Berlin, 2026, 11, 30, 11)), CalendarSwitch.DueTimes(item, from, to, Now));
    }

    [Fact]
    public void A_reminder_and_an_after_step_keep_their_working_hours_left_from_now_and_a_step_at_a_due_time_follows_it()
    {
        var item = Item();
        var (from, to) = Clocks(item);
        // The second reminder, due Thursday 10:00: 22 h left (5 + 8 + 8 + 1); without Wednesday, Friday 10:00.
        Assert.Equal(At(Berlin, 2026, 12, 4, 10), CalendarSwitch.TimerDue(item, Timer(FollowUp, 1, At(Berlin, 2026, 12, 3, 10)), FollowUp, from, to, Now));
        // An `after` step due Wednesday 15:00: 19 h left (5 + 8 + 6); Thursday 15:00.
        Assert.Equal(At(Berlin, 2026, 12, 3, 15), CalendarSwitch.TimerDue(item, Timer(Chase, 0, At(Berlin, 2026, 12, 2, 15)), Chase, from, to, Now));
        // The first follow-up hangs on the acknowledgement's due time, wherever the item's now is.
        item.AckDueAt = At(Berlin, 2026, 12, 3, 10);
        Assert.Equal(item.AckDueAt, CalendarSwitch.TimerDue(item, Timer(FollowUp, 0, At(Berlin, 2026, 12, 2, 10)), FollowUp, from, to, Now));
    }

    [Fact]
    public void A_window_counted_around_the_clock_does_not_move()
    {
        var item = Item("ackWithin", "followUpEvery");
        var (from, to) = Clocks(item);
        Assert.Equal(item.AckDueAt, CalendarSwitch.DueTimes(item, from, to, Now).AckDueAt);
        var reminder = Timer(FollowUp, 1, At(Berlin, 2026, 12, 3, 10));
        Assert.Equal(reminder.DueAt, CalendarSwitch.TimerDue(item, reminder, FollowUp, from, to, Now));
    }
}
