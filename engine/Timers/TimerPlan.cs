using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Timers;

/// When a work item's timed steps come due: a step starts when the item enters its states and
/// ends when the item leaves them.
internal static class TimerPlan
{
    /// The timers of the steps an item starts by entering its state from `from` (null: it opens).
    /// While its clock is stopped, none of the steps hanging on a due time: they start when it runs again (Resuming).
    public static IEnumerable<WorkItemTimer> Entering(WorkItem item, Lifecycle lifecycle, string? from, DateTimeOffset now, SlaClock clock) =>
        lifecycle.Steps.Where(s => s.In.Contains(item.State) && (from is null || !s.In.Contains(from)) && (item.PausedAt is null || !OnDueTime(s)))
            .Select(s => New(item, s.Name, FirstDue(item, s, now, clock)));

    /// The timers of the steps hanging on a due time that run on through the wait the item just
    /// left (`from`): the pause held them (DueTimers.HoldAsync); they start again at the moved due times.
    public static IEnumerable<WorkItemTimer> Resuming(WorkItem item, Lifecycle lifecycle, string from) =>
        lifecycle.Steps.Where(s => OnDueTime(s) && s.In.Contains(from) && s.In.Contains(item.State))
            .Select(s => New(item, s.Name, s.At == TimedStep.AckDueAt ? item.AckDueAt : item.ResolveDueAt));

    /// Whether the step comes due at one of the item's due times (rather than after a while in its states).
    public static bool OnDueTime(TimedStep step) => step.At is TimedStep.AckDueAt or TimedStep.ResolveDueAt;

    /// The steps a move from `from` to `to` ends: the item left their states.
    public static string[] Leaving(Lifecycle lifecycle, string from, string to) =>
        [.. lifecycle.Steps.Where(s => s.In.Contains(from) && !s.In.Contains(to)).Select(s => s.Name)];

    /// The steps that run in a state (whose timers an undo makes pending again).
    public static string[] In(Lifecycle lifecycle, string state) =>
        [.. lifecycle.Steps.Where(s => s.In.Contains(state)).Select(s => s.Name)];

    /// The steps that hang on one of the item's due times (a reprioritization moves them).
    public static string[] At(Lifecycle lifecycle, string dueTime) =>
        [.. lifecycle.Steps.Where(s => s.At == dueTime).Select(s => s.Name)];

    /// When a step's first timer is due: at the item's due time it hangs on, or `after` (on the
    /// item's clock) from when the item entered the step's states.
    public static DateTimeOffset FirstDue(WorkItem item, TimedStep step, DateTimeOffset entered, SlaClock clock) => step.At switch
    {
        TimedStep.AckDueAt => item.AckDueAt,
        TimedStep.ResolveDueAt => item.ResolveDueAt,
        _ => After(item, step.After!, entered, clock),
    };

    public static WorkItemTimer First(WorkItem item, TimedStep step, DateTimeOffset entered, SlaClock clock) =>
        New(item, step.Name, FirstDue(item, step, entered, clock));

    /// A step's timer due at a given time (a resolution check watching longer).
    public static WorkItemTimer Due(WorkItem item, TimedStep step, DateTimeOffset dueAt) => New(item, step.Name, dueAt);

    /// The next reminder (or, after the last, the step's action), `every` after the previous one.
    public static WorkItemTimer Next(WorkItem item, TimedStep step, WorkItemTimer previous, SlaClock clock) =>
        New(item, step.Name, After(item, step.Every!, previous.DueAt, clock), previous.Round + 1);

    /// The instant one of the item's windows (or a duration) after `from`, on the item's clock. A
    /// follow-up the rules leave out is half the acknowledgement window as that window counts:
    /// 4 working hours of a one-day (8 h) window, not half its 24 h read as working hours.
    static DateTimeOffset After(WorkItem item, string window, DateTimeOffset from, SlaClock clock) =>
        window == Sla.FollowUpEveryWindow && item.FollowUpEvery is null
            ? clock.Continue(clock.UnsetFollowUpCounts, from, clock.Length(clock.UnsetFollowUpCounts, item.AckWithin) / 2)
            : clock.Add(window, from, Duration(item, window));

    /// A cancelled timer pending again as it was, when the action that cancelled it is undone, or
    /// due at another time (its due time moved).
    public static WorkItemTimer Again(WorkItemTimer cancelled, DateTimeOffset? dueAt = null) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkItemId = cancelled.WorkItemId,
        Step = cancelled.Step,
        Round = cancelled.Round,
        DueAt = dueAt ?? cancelled.DueAt,
        Status = TimerStatus.Pending,
    };

    /// A window's duration as the rules wrote it (a follow-up left unset: its acknowledgement
    /// window's, which it is half of), to compare its length on two clocks.
    public static TimeSpan Written(WorkItem item, string window) =>
        window == Sla.FollowUpEveryWindow && item.FollowUpEvery is null ? item.AckWithin : Duration(item, window);

    /// One of the item's windows by its rule property name, or an ISO 8601 duration.
    public static TimeSpan Duration(WorkItem item, string window) => window switch
    {
        "ackWithin" => item.AckWithin,
        "resolveWithin" => item.ResolveWithin,
        "followUpEvery" => FollowUpEvery(item),
        "resolutionCheckAfter" => ResolutionCheckAfter(item),
        _ => LifecycleCheck.Duration(window) ?? throw new InvalidOperationException($"'{window}' is not a duration."),
    };

    /// Default: half the acknowledgement window.
    public static TimeSpan FollowUpEvery(WorkItem item) => item.FollowUpEvery ?? item.AckWithin / 2;

    /// Default: a week for P1, two weeks otherwise.
    public static TimeSpan ResolutionCheckAfter(WorkItem item) =>
        item.ResolutionCheckAfter ?? TimeSpan.FromDays(item.Priority == "P1" ? 7 : 14);

    static WorkItemTimer New(WorkItem item, string step, DateTimeOffset dueAt, int round = 0) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkItemId = item.Id,
        Step = step,
        Round = round,
        DueAt = dueAt,
        Status = TimerStatus.Pending,
    };
}
