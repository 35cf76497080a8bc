using Routing.Engine.Calendars;

namespace Routing.Engine.WorkItems;

/// How a work item's windows are counted: on its department's calendar (business time) or
/// around the clock (calendar time), as its rules said for each window. A day of business time
/// is one working day of the calendar (its usual day: 8 h for 09:00–17:00), so on an office
/// calendar "P1D" falls due at the same hour of the next working day; hours and minutes are
/// working hours (on a calendar of 24 h days a day stays 24 hours, so across a DST change its
/// wall clock moves by the hour). Without a calendar every window counts around the clock.
internal sealed class SlaClock
{
    readonly BusinessClock? business;
    readonly IReadOnlyCollection<string> calendarTime;

    public SlaClock(Calendar? calendar, IReadOnlyCollection<string> calendarTime)
    {
        business = calendar is null ? null : new BusinessClock(calendar);
        this.calendarTime = calendarTime;
    }

    /// The clock an item's due times count on: its department's calendar as published now.
    public static SlaClock Of(WorkItem item, IWorkingCalendars calendars) => new(calendars.Of(item.Department), item.CalendarTime);

    public Calendar? Calendar => business?.Calendar;

    /// How a follow-up the rules leave out (half the acknowledgement window) counts: as the
    /// acknowledgement does, unless the rules put follow-ups around the clock.
    public string UnsetFollowUpCounts => CountsWorkingTime(Sla.FollowUpEveryWindow) ? Sla.AckWithinWindow : Sla.FollowUpEveryWindow;

    /// Whether the window (a window's name, or a lifecycle's own duration) counts working time.
    public bool CountsWorkingTime(string window) => business is not null && !calendarTime.Contains(window);

    /// The instant `duration` of the window (as the rules wrote it) after `from`.
    public DateTimeOffset Add(string window, DateTimeOffset from, TimeSpan duration) => Continue(window, from, Length(window, duration));

    /// How much time the window's duration (as the rules wrote it) counts: working time (its days
    /// as working days) or clock time.
    public TimeSpan Length(string window, TimeSpan duration) => CountsWorkingTime(window) ? Working(duration) : duration;

    /// The instant after `from` when `left` (as Left measured it) has passed.
    public DateTimeOffset Continue(string window, DateTimeOffset from, TimeSpan left) =>
        CountsWorkingTime(window) ? business!.Add(from, left) : from + left;

    /// The window's time from `from` until `due`: working time on the calendar, or clock time; zero once due.
    public TimeSpan Left(string window, DateTimeOffset from, DateTimeOffset due) => Elapsed(window, from, due);

    /// The window's time from `from` to `to` as it counts (working time or clock time): how long
    /// something took, as the due times measure it; zero when `to` is not after `from`.
    public TimeSpan Elapsed(string window, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : CountsWorkingTime(window) ? business!.Between(from, to) : to - from;

    /// A duration's whole days as working days, the rest as working hours.
    TimeSpan Working(TimeSpan duration) =>
        business!.Calendar.UsualDay * duration.Days + (duration - TimeSpan.FromDays(duration.Days));
}
