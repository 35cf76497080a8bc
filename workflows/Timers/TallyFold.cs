using Hangfire;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Hangfire's job each minute that adds the tallies up (TallyRows): the work items' (an inbox's
/// totals) and the complaints' (a pattern scan's counts), so that each reads a row per key and the
/// last minute's changes, however many items and complaints there are.
internal sealed class TallyFold(RoutingDb db)
{
    public const string JobId = "tallies";
    // The job's id before it folded the complaints' tallies too.
    public const string FormerJobId = "work-item-tallies";
    public const string Cron = "* * * * *";

    // A failed fold leaves the rows as they were (each is one transaction): the next minute's folds them.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    public async Task RunAsync(CancellationToken ct)
    {
        await WorkItemTallies.FoldAsync(db, ct);
        await ComplaintTallies.FoldAsync(db, ct);
    }
}
