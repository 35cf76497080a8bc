using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Some time after a resolution: did the pattern come back (a new report with the same product,
/// category and segment since the item was resolved)? Yes: the item reopens; no: it is verified.
internal sealed class ResolutionCheck(RoutingDb db)
{
    /// How many reports of the pattern arrived since the item was resolved.
    public Task<int> ReturnedAsync(WorkItem item, string patternKey, DateTimeOffset resolvedAt, CancellationToken ct) =>
        db.Reports.CountAsync(r => r.PatternKey == patternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct);
}
