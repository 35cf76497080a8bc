using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Metrics;

/// The work each department owed at a moment (stage Acknowledgement or Resolution), by whole days since it opened.
internal static class BacklogAt
{
    /// The kinds whose payload says the state the item left (Before).
    static readonly string[] StateKinds = [.. new[]
    {
        HistoryKinds.Acknowledged, HistoryKinds.Started, HistoryKinds.Resolved, HistoryKinds.HandedBack, HistoryKinds.Cancelled,
        HistoryKinds.Commented, HistoryKinds.ActionTaken, HistoryKinds.Escalated, HistoryKinds.Reopened, HistoryKinds.Verified,
        HistoryKinds.Restored,
    }.SelectMany(HistoryKinds.StoredAs)];

    /// Now: counted by the database from each item's stage.
    public static async Task<Dictionary<string, Backlog>> NowAsync(RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset now, CancellationToken ct)
    {
        var (d3, d8, d31) = (now.AddDays(-3), now.AddDays(-8), now.AddDays(-31));
        var rows = await db.WorkItems.AsNoTracking()
            .Where(w => departments.Contains(w.Department) && (w.Stage == WorkItemStage.Acknowledgement || w.Stage == WorkItemStage.Resolution))
            .GroupBy(w => w.Department)
            .Select(g => new
            {
                Department = g.Key,
                Days0To2 = g.Count(w => w.CreatedAt > d3),
                Days3To7 = g.Count(w => w.CreatedAt <= d3 && w.CreatedAt > d8),
                Days8To30 = g.Count(w => w.CreatedAt <= d8 && w.CreatedAt > d31),
                Over30 = g.Count(w => w.CreatedAt <= d31),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Department, r => new Backlog(r.Days0To2, r.Days3To7, r.Days8To30, r.Over30));
    }

    /// At a past moment: an item is owed at `at` by the stage of the state its first later event left, or else by
    /// its stage now. Exact; it costs a look at every item opened by then, so only the period cache asks it of a past moment.
    public static async Task<Dictionary<string, Backlog>> CountAsync(
        RoutingDb db, ILifecycles lifecycles, IReadOnlyList<string> departments, DateTimeOffset at, CancellationToken ct)
    {
        // The items that may have been owed then: owed now, or moved since (every move sets UpdatedAt). Those whose
        // facts say they were done by then are left out: resolved and never reopened (after the first resolution
        // come the check and its verdict), or handed back (an undone hand-back clears it).
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => departments.Contains(w.Department) && w.CreatedAt <= at &&
                        !(w.ReopenedCount == 0 && w.FirstResolvedAt != null && w.FirstResolvedAt <= at) &&
                        !(w.HandedBackAt != null && w.HandedBackAt <= at) &&
                        (w.Stage == WorkItemStage.Acknowledgement || w.Stage == WorkItemStage.Resolution || w.UpdatedAt > at))
            .Select(w => new { w.Id, w.Department, w.CreatedAt, w.Stage, w.RulesetVersion, w.Lifecycle })
            .ToListAsync(ct);

        // The state each of them left at its first event after `at`: the events of these items only, a chunk at a
        // time, rather than every event since.
        var before = new Dictionary<Guid, string>();
        foreach (var chunk in items.Select(i => (Guid?)i.Id).Chunk(1000))
        {
            var first = db.History.Where(h => chunk.Contains(h.WorkItemId) && h.At > at && StateKinds.Contains(h.Kind))
                .GroupBy(h => h.WorkItemId).Select(g => g.Min(h => h.Sequence));
            var events = await db.History.AsNoTracking().Where(h => first.Contains(h.Sequence))
                .Select(h => new { h.WorkItemId, h.Kind, h.Data }).ToListAsync(ct);
            foreach (var e in events)
                if (Before(HistoryData.Read(e.Kind, e.Data)) is { } state) before[e.WorkItemId!.Value] = state;
        }

        var counts = new Dictionary<string, int[]>();
        foreach (var w in items)
        {
            var stage = before.TryGetValue(w.Id, out var state)
                ? (await lifecycles.GetAsync(w.RulesetVersion, w.Lifecycle)).StageOf(state)
                : w.Stage;
            if (stage is not (WorkItemStage.Acknowledgement or WorkItemStage.Resolution)) continue;
            var days = (int)(at - w.CreatedAt).TotalDays;
            var bucket = days <= 2 ? 0 : days <= 7 ? 1 : days <= 30 ? 2 : 3;
            (counts.TryGetValue(w.Department, out var c) ? c : counts[w.Department] = new int[4])[bucket]++;
        }
        return counts.ToDictionary(c => c.Key, c => new Backlog(c.Value[0], c.Value[1], c.Value[2], c.Value[3]));
    }

    static string? Before(HistoryData? data) => data switch
    {
        WorkItemActed a => a.Before,
        WorkItemEscalated e => e.Before,
        WorkItemReopened r => r.Before,
        WorkItemVerified v => v.Before,
        WorkItemRestored r => r.Before,
        _ => null,
    };
}
