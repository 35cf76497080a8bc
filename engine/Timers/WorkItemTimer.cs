namespace Routing.Engine.Timers;

/// A timed step of a work item's lifecycle, due at a time. The row is the truth; Hangfire only
/// wakes us up to fire it. A timer fires at most once: Pending -> Fired or Cancelled.
internal sealed class WorkItemTimer
{
    public Guid Id { get; set; }
    public Guid WorkItemId { get; set; }
    /// The name of the timed step in the item's lifecycle (`follow-up`, `resolution-check`).
    public required string Step { get; set; }
    /// How many reminders of the step came before this one.
    public int Round { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    /// When a dispatcher last handed it to Hangfire; null until then.
    public DateTimeOffset? HandedOffAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}

public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
