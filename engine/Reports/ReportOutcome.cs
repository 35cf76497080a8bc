using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Engine.Reports;

/// Whether a report's problem is fixed, for the CSM's account: once every item of it that was not
/// cancelled or handed back is verified (and one is), it was fixed when the last was verified.
/// Kept on the report (FixedAt) at each move that can change it, in the mover's transaction.
internal static class ReportOutcome
{
    public static async Task UpdateAsync(RoutingDb db, Guid reportId, CancellationToken ct)
    {
        var stored = await db.WorkItems.AsNoTracking().Where(w => w.ReportId == reportId)
            .Select(w => new { w.Id, w.Stage, w.VerifiedAt }).ToListAsync(ct);
        // The items this context holds are as they will be written: the one moving, a triage item a hand-back opens.
        var held = db.WorkItems.Local.Where(w => w.ReportId == reportId).ToList();
        var fixedAt = FixedAt([
            .. stored.Where(s => held.All(h => h.Id != s.Id)).Select(s => (s.Stage, s.VerifiedAt)),
            .. held.Select(h => (h.Stage, h.VerifiedAt)),
        ]);
        await db.Reports.Where(r => r.Id == reportId && r.FixedAt != fixedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FixedAt, fixedAt), ct);
    }

    /// The report's fix time from its items' stages and verification times (null: not fixed).
    public static DateTimeOffset? FixedAt(IReadOnlyCollection<(WorkItemStage Stage, DateTimeOffset? VerifiedAt)> items)
    {
        // Final without a verification: cancelled or handed back, so not the report's work any more.
        var owed = items.Where(i => i.Stage != WorkItemStage.Final || i.VerifiedAt is not null).ToList();
        return owed.Count > 0 && owed.All(i => i.Stage == WorkItemStage.Final && i.VerifiedAt is not null) ? owed.Max(i => i.VerifiedAt) : null;
    }
}
