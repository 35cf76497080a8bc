using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Engine.Reports;

/// Whether a report's problem is fixed, for the CSM's account: once every item of it that was not
/// cancelled or handed back is verified (and one is), it was fixed when the last was verified.
/// Kept on the report (FixedAt) at each move that can change it, in the mover's transaction, and
/// by MetricsBackfill for reports from before.
internal static class ReportOutcome
{
    public static async Task UpdateAsync(RoutingDb db, IReadOnlyCollection<Guid> reportIds, CancellationToken ct)
    {
        var stored = await db.WorkItems.AsNoTracking().Where(w => reportIds.Contains(w.ReportId))
            .Select(w => new { w.Id, w.ReportId, w.Stage, w.VerifiedAt }).ToListAsync(ct);
        // The items this context holds are as they will be written: the one moving, a triage item a hand-back opens.
        var held = db.Tracked<WorkItems.WorkItem>().Where(w => reportIds.Contains(w.ReportId)).ToDictionary(w => w.Id);
        var items = stored.Where(s => !held.ContainsKey(s.Id)).Select(s => (s.ReportId, s.Stage, s.VerifiedAt))
            .Concat(held.Values.Select(h => (h.ReportId, h.Stage, h.VerifiedAt)));
        foreach (var report in items.GroupBy(i => i.ReportId))
        {
            var fixedAt = FixedAt([.. report.Select(i => (i.Stage, i.VerifiedAt))]);
            await db.Reports.Where(r => r.Id == report.Key && r.FixedAt != fixedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FixedAt, fixedAt), ct);
        }
    }

    /// The report's fix time from its items' stages and verification times (null: not fixed).
    public static DateTimeOffset? FixedAt(IReadOnlyCollection<(WorkItemStage Stage, DateTimeOffset? VerifiedAt)> items)
    {
        // Final without a verification: cancelled or handed back, so not the report's work any more.
        var owed = items.Where(i => i.Stage != WorkItemStage.Final || i.VerifiedAt is not null).ToList();
        return owed.Count > 0 && owed.All(i => i.Stage == WorkItemStage.Final && i.VerifiedAt is not null) ? owed.Max(i => i.VerifiedAt) : null;
    }
}
