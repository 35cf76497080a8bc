using Routing.Engine.Lifecycles;

namespace Routing.Engine.WorkItems;

/// What accountability counts of an item, recorded on it at the move that makes it true (by a
/// person or a timer, WorkItemMoves), so the figures are sums and percentiles over columns,
/// grouped by when each thing happened. The acknowledgement and resolution are the first
/// cycle's; a reopen counts on its own. MetricsBackfill replays history to the same facts for
/// items opened before them; the two must agree (MetricsBackfillTests).
internal static class ItemFacts
{
    /// The facts' version an item was recorded under (WorkItem.MetricsVersion); 0: from before them.
    public const int Version = 1;

    /// Records the move by `action` from `before` into the item's state now. The clock and the due
    /// times are those before the move (a reopen restarts them after this). `resolves`: the move
    /// enters the state where the resolution check runs.
    public static void Record(WorkItem item, Lifecycle lifecycle, string action, string before, bool resolves, SlaClock clock, DateTimeOffset now)
    {
        // An item from before the facts gets them from its whole history (MetricsBackfill): a move
        // now would take a later acknowledgement for its first.
        if (item.MetricsVersion == 0) return;
        // The first move a person makes into work: from Routed or from Escalated (an escalated,
        // unacknowledged item is past the acknowledgement stage); a cancel or hand-back is final, not work.
        if (item.AcknowledgedAt is null && lifecycle.Action(action) is { Taker: not LifecycleAction.Timer } && item.Stage != WorkItemStage.Final)
        {
            item.AcknowledgedAt = now;
            item.AckPausedSeconds += PausedUntil(item, Sla.AckWithinWindow, clock, now);
            item.AckTookSeconds = Seconds(clock.Elapsed(Sla.AckWithinWindow, item.CreatedAt, now)) - item.AckPausedSeconds;
            item.AckMet = now <= item.AckDueAt;
        }
        if (resolves && item.FirstResolvedAt is null)
        {
            item.FirstResolvedAt = now;
            item.ResolvePausedSeconds += PausedUntil(item, Sla.ResolveWithinWindow, clock, now);
            item.ResolveTookSeconds = Seconds(clock.Elapsed(Sla.ResolveWithinWindow, item.CreatedAt, now)) - item.ResolvePausedSeconds;
            item.ResolveMet = now <= item.ResolveDueAt;
        }
        switch (action)
        {
            case LifecycleAction.Verify:
                item.VerifiedAt = now;
                break;
            case LifecycleAction.Reopen:
                item.ReopenedCount++;
                break;
            case LifecycleAction.HandBack:
                item.HandedBackAt = now;
                break;
        }
    }

    /// The clock ran again after a pause from `since`: the time it stood still is left out of
    /// each figure not yet recorded (as SLA time, as the due times moved on by it).
    public static void Resumed(WorkItem item, SlaClock clock, DateTimeOffset since, DateTimeOffset now)
    {
        if (item.MetricsVersion == 0) return;
        if (item.AcknowledgedAt is null) item.AckPausedSeconds += Seconds(clock.Elapsed(Sla.AckWithinWindow, since, now));
        if (item.FirstResolvedAt is null) item.ResolvePausedSeconds += Seconds(clock.Elapsed(Sla.ResolveWithinWindow, since, now));
    }

    /// A figure recorded while the clock stands still leaves out the pause so far.
    static long PausedUntil(WorkItem item, string window, SlaClock clock, DateTimeOffset now) =>
        item.PausedAt is { } since ? Seconds(clock.Elapsed(window, since, now)) : 0;

    static long Seconds(TimeSpan time) => (long)time.TotalSeconds;
}
