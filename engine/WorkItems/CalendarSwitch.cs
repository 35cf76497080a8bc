using Routing.Engine.Lifecycles;
using Routing.Engine.Timers;

namespace Routing.Engine.WorkItems;

/// An open item's times counted again on another calendar (a publish changed its department's):
/// the share of each window it had left on the old clock goes on on the new one, from the same
/// instant. Moving from around the clock (24 h days) to an office's 8 h days, 46 of a P2D
/// window's 48 hours left are 46/48 of its 16 working hours; between calendars of the same
/// day's length the hours left are the hours left. Time already used stays used; a time already
/// passed stays where it was.
internal static class CalendarSwitch
{
    /// The item's due times on the new clock, left counted from now, or from when its clock
    /// stopped while it waits (so the frozen time left is what resumes on the new calendar).
    public static (DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt) DueTimes(WorkItem item, SlaClock from, SlaClock to, DateTimeOffset now)
    {
        var since = item.PausedAt ?? now;
        return (Moved(Sla.AckWithinWindow, item.AckDueAt), Moved(Sla.ResolveWithinWindow, item.ResolveDueAt));

        DateTimeOffset Moved(string window, DateTimeOffset due) => Again(window, TimerPlan.Written(item, window), since, due, from, to);
    }

    /// Where a pending timer is due on the new clock: one hanging on a due time at that due time
    /// (the item's, already moved); another (an `after` step, a reminder `every` so often) the
    /// time it had left from now, on the window it counts.
    public static DateTimeOffset TimerDue(WorkItem item, WorkItemTimer timer, TimedStep step, SlaClock from, SlaClock to, DateTimeOffset now)
    {
        if (step.At is not null && timer.Round == 0) return DueTimers.AtDueTime(item, timer, step);
        var window = timer.Round == 0 ? step.After : step.Every ?? step.After;
        return window is null ? timer.DueAt : Again(window, TimerPlan.Written(item, window), now, timer.DueAt, from, to);
    }

    /// `written`: the window's duration as the rules wrote it, whose length on each clock gives the share.
    static DateTimeOffset Again(string window, TimeSpan written, DateTimeOffset since, DateTimeOffset due, SlaClock from, SlaClock to)
    {
        var left = from.Left(window, since, due);
        if (left <= TimeSpan.Zero) return due;
        var (before, after) = (from.Length(window, written), to.Length(window, written));
        var share = before > TimeSpan.Zero ? (double)after.Ticks / before.Ticks : 1;
        return to.Continue(window, since, TimeSpan.FromTicks((long)Math.Round(left.Ticks * share)));
    }
}
