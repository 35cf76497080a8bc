using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// How each rule did, per ruleset version, with the items it opened in [from, to) in these departments: counted live,
/// because the items' outcomes (handed back, verified, reopened) keep changing after they open.
/// A recurrence that joined an open item is not a route, so it is not counted.
internal static class RuleQuality
{
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(90);

    public static async Task<IReadOnlyList<RuleFigures>> QueryAsync(
        RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset from, DateTimeOffset to, CancellationToken ct, int? version = null)
    {
        // The items' outcomes are on their rule rows (MetricsTriggers): no item is read.
        var rows = await db.WorkItemRules.AsNoTracking()
            .Where(r => departments.Contains(r.Department) && r.CreatedAt >= from && r.CreatedAt < to && (version == null || r.RulesetVersion == version))
            .GroupBy(r => new { r.RulesetVersion, r.Rule })
            .Select(g => new
            {
                g.Key.RulesetVersion, g.Key.Rule, Routed = g.Count(),
                HandedBack = g.Count(r => r.HandedBack), Verified = g.Count(r => r.Verified),
                Reopened = g.Count(r => r.Reopened), Resolved = g.Count(r => r.Resolved),
            })
            .ToListAsync(ct);
        var medians = await Percentile.ReadByRuleAsync(db, departments, from, to, ct);
        return [.. rows.OrderByDescending(r => r.RulesetVersion).ThenBy(r => r.Rule, StringComparer.Ordinal).Select(r => new RuleFigures(
            r.RulesetVersion, r.Rule, r.Routed, r.HandedBack, r.Verified, r.Reopened, r.Resolved,
            medians.GetValueOrDefault((r.RulesetVersion, r.Rule))?.Median))];
    }
}
