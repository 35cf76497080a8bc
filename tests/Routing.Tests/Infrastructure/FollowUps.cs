using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Tests.Infrastructure;

/// What the real clock did with the follow-ups of items nobody answered.
internal static class FollowUps
{
    /// Each item's three follow-ups fired once each: two reminders, then one escalation.
    public static async Task AssertRemindedTwiceThenEscalatedAsync(RoutingDb db, IReadOnlyCollection<Guid> itemIds)
    {
        var counts = await db.History.Where(e => e.WorkItemId != null && itemIds.Contains(e.WorkItemId.Value))
            .GroupBy(e => new { e.WorkItemId, e.Kind }).Select(g => new { g.Key.WorkItemId, g.Key.Kind, Count = g.Count() })
            .ToListAsync();
        int Count(Guid item, string kind) => counts.SingleOrDefault(c => c.WorkItemId == item && c.Kind == kind)?.Count ?? 0;
        Assert.All(itemIds, item =>
        {
            Assert.Equal(3, Count(item, HistoryKinds.TimerFired));
            Assert.Equal(2, Count(item, HistoryKinds.Reminded));
            Assert.Equal(1, Count(item, HistoryKinds.Escalated));
        });
    }

    /// The timers by kind, round, status and hand-over, for a drill's failure message.
    public static async Task<string> DescribeAsync(IQueryable<WorkItemTimer> timers)
    {
        var groups = await timers.GroupBy(t => new { t.Step, t.Round, t.Status, Handed = t.HandedOffAt != null })
            .Select(g => $"{g.Key.Step}/{g.Key.Round}/{g.Key.Status}/handed={g.Key.Handed}: {g.Count()}").ToListAsync();
        return $"timers [{string.Join("; ", groups)}]";
    }
}
