using Hangfire;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Hangfire's job each minute that adds the tallies up: the work items' (an inbox's totals, a row
/// per state) and the complaints' (a scan's counts, a row per batch an import stored), so that
/// their readers read a few rows however many items and complaints there are.
internal sealed class TallyFold(RoutingDb db)
{
    /// The id from before it folded the complaints' tallies too: renaming it would leave the old job running.
    public const string JobId = "work-item-tallies";
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
