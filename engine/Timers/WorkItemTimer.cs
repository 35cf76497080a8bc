namespace Routing.Engine.Timers;

/// A timed step of a work item's workflow. The row is the truth; Hangfire only wakes us
/// up to fire it. A timer fires at most once: Pending -> Fired or Cancelled.
internal sealed class WorkItemTimer
{
    public Guid Id { get; set; }
    public Guid WorkItemId { get; set; }
    public TimerKind Kind { get; set; }
    /// For follow-ups: how many reminders came before this one.
    public int Round { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    /// When a dispatcher last handed it to Hangfire; null until then.
    public DateTimeOffset? HandedOffAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}

public enum TimerKind
{
    FollowUp,
    ResolutionDue,
    ResolutionCheck,
}

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
