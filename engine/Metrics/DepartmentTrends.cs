using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// Each department's figures per week or month. Every figure is grouped by when its event happened,
/// so a closed period never changes: its figures are computed once and kept in metric_periods; only
/// the current period is counted live. Emptying metric_periods is always safe: it is filled again.
internal static class DepartmentTrends
{
    /// Bump when a figure's definition changes: rows computed under another are computed again.
    public const int Definition = 1;

    public static async Task<IReadOnlyList<DepartmentTrend>> QueryAsync(
        RoutingDb db, IServiceScopeFactory stores, ILifecycles lifecycles, IReadOnlyList<string> departments, DateTimeOffset from, DateTimeOffset to,
        MetricsInterval interval, DateTimeOffset now, CancellationToken ct)
    {
        // Periods yet to come have no figures (not zeros): the current one is the last.
        var periods = Periods.Covering(from, to < now ? to : Periods.EndOf(now, interval), interval);
        var figures = departments.ToDictionary(d => d, _ => new SortedDictionary<DateTimeOffset, PeriodFigures>());
        if (periods.Count == 0 || departments.Count == 0) return [.. departments.Select(d => new DepartmentTrend(d, []))];

        // The cached closed periods: one indexed range read.
        var name = Periods.Name(interval);
        var (first, last) = (periods[0].Start, periods[^1].Start);
        var cached = await db.MetricPeriods.AsNoTracking()
            .Where(p => departments.Contains(p.Department) && p.Interval == name && p.Start >= first && p.Start <= last && p.Definition == Definition)
            .ToListAsync(ct);
        foreach (var row in cached) figures[row.Department][row.Start] = MetricPeriods.Figures(row);

        // Newest first: an old period's backlog costs the events since its end, so a request (or a rollup) that
        // is cut short has kept the periods people look at most.
        foreach (var (start, end) in Enumerable.Reverse(periods))
        {
            var missing = departments.Where(d => !figures[d].ContainsKey(start)).ToList();
            if (missing.Count == 0) continue;
            var closed = Periods.Closed(end, now);
            var counted = await CountAsync(stores, lifecycles, missing, start, end, now, ct);
            if (closed) await MetricPeriods.SaveAsync(db, name, counted, now, ct);
            foreach (var (department, f) in counted) figures[department][start] = f;
        }
        return [.. departments.Select(d => new DepartmentTrend(d, [.. figures[d].Values]))];
    }

    /// Every figure of [s, e) for these departments, each one grouped query over all of them. Four reads at once, each
    /// on a connection of its own: the items' counts, their spreads, the events, the backlog (the metrics API over the
    /// current month of a million-item store: p50 61 ms, against 82 in three reads and 167 one after another). More at
    /// once would hold more of the pool and not be faster on two cores.
    public static async Task<Dictionary<string, PeriodFigures>> CountAsync(
        IServiceScopeFactory stores, ILifecycles lifecycles, IReadOnlyList<string> departments, DateTimeOffset s, DateTimeOffset e, DateTimeOffset now, CancellationToken ct)
    {
        var counting = stores.ReadAsync(db => CountsAsync(db, departments, s, e, ct));
        var spreading = stores.ReadAsync(async db => (Acknowledge: await Percentile.ReadAsync(db, Measure.Acknowledge, departments, s, e, ct),
            Resolve: await Percentile.ReadAsync(db, Measure.Resolve, departments, s, e, ct)));
        var happening = stores.ReadAsync(async db => (Events: await HistoryCounts.ReadAsync(db, departments, s, e, ct), Judged: await HistoryCounts.JudgedAsync(db, departments, s, e, ct)));
        var owing = stores.ReadAsync(db => e >= now ? BacklogAt.NowAsync(db, departments, now, ct) : BacklogAt.CountAsync(db, lifecycles, departments, e, ct));
        await Task.WhenAll(counting, spreading, happening, owing);
        var (opened, acknowledged, resolved, handedBack) = counting.Result;
        var (toAcknowledge, toResolve) = spreading.Result;
        var (events, judged) = happening.Result;
        var backlog = owing.Result;

        return departments.ToDictionary(d => d, d =>
        {
            var ack = acknowledged.GetValueOrDefault(d);
            var res = resolved.GetValueOrDefault(d);
            var (reopened, escalations) = events.GetValueOrDefault(d);
            var (judgedCount, effective) = judged.GetValueOrDefault(d);
            return new PeriodFigures(s, e, Periods.Closed(e, now),
                opened.GetValueOrDefault(d), ack.Count, ack.Met, res.Count, res.Met,
                toAcknowledge.GetValueOrDefault(d) ?? Spread.None, toResolve.GetValueOrDefault(d) ?? Spread.None,
                backlog.GetValueOrDefault(d) ?? new Backlog(0, 0, 0, 0),
                reopened, escalations, handedBack.GetValueOrDefault(d), judgedCount, effective);
        });
    }

    sealed record Counts(
        Dictionary<string, int> Opened, Dictionary<string, (int Count, int Met)> Acknowledged, Dictionary<string, (int Count, int Met)> Resolved,
        Dictionary<string, int> HandedBack);

    /// What the items' own facts count: each from the index on (department, when it happened).
    static async Task<Counts> CountsAsync(RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        var items = db.WorkItems.AsNoTracking().Where(w => departments.Contains(w.Department));
        var opened = await items.Where(w => w.CreatedAt >= s && w.CreatedAt < e)
            .GroupBy(w => w.Department).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var acknowledged = await items.Where(w => w.AcknowledgedAt >= s && w.AcknowledgedAt < e)
            .GroupBy(w => w.Department).Select(g => new { g.Key, Count = g.Count(), Met = g.Count(w => w.AckMet == true) })
            .ToDictionaryAsync(x => x.Key, x => (x.Count, x.Met), ct);
        var resolved = await items.Where(w => w.FirstResolvedAt >= s && w.FirstResolvedAt < e)
            .GroupBy(w => w.Department).Select(g => new { g.Key, Count = g.Count(), Met = g.Count(w => w.ResolveMet == true) })
            .ToDictionaryAsync(x => x.Key, x => (x.Count, x.Met), ct);
        var handedBack = await items.Where(w => w.HandedBackAt >= s && w.HandedBackAt < e)
            .GroupBy(w => w.Department).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return new(opened, acknowledged, resolved, handedBack);
    }
}
