using Hangfire;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Hangfire's job each minute that adds the work-item tallies up (WorkItemTallies), so that an
/// inbox's totals read a row per state and the last minute's changes, however many items there are.
internal sealed class TallyFold(RoutingDb db)
{
    public const string JobId = "work-item-tallies";
    public const string Cron = "* * * * *";

    // A failed fold leaves the rows as they were (it is one transaction): the next minute's folds them.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    public Task RunAsync(CancellationToken ct) => WorkItemTallies.FoldAsync(db, ct);
}
