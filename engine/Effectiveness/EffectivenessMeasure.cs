using Microsoft.EntityFrameworkCore;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Effectiveness;

/// Counts a segment's complaints and units sold in the store: the rate before a fix, when its
/// criterion is fixed, and after it, at the check or live. Periods are whole UTC days.
internal sealed class EffectivenessMeasure(RoutingDb db)
{
    /// A year before the fix: every season once, and recent enough to be the product as it was.
    const int BeforeDays = 365;

    /// The segment of the item's report, when the report has numbers (submitted from a candidate,
    /// or with units sold or affected units): a report without numbers is judged by recurrence.
    public async Task<EffectivenessSegment?> SegmentAsync(Report report, CancellationToken ct)
    {
        if (report.PatternId is null && report.UnitsSold is null && report.AffectedUnits is null) return null;
        var candidate = report.PatternId is { } id
            ? await db.Patterns.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Channel, p.Depot }).FirstOrDefaultAsync(ct)
            : null;
        return new(report.Product, report.Category, report.Region, report.Months, report.AgeGroup, report.Accessibility,
            candidate?.Channel, report.Vendor, candidate?.Depot);
    }

    /// The criterion of an item resolved at `at`, or null when its segment has no complaint data
    /// and units sold before the fix (the recurrence rule judges it then).
    public async Task<ItemEffectiveness?> FixAsync(
        WorkItem item, Report report, DateTimeOffset at, string actor, EffectivenessChoice? choice, CancellationToken ct)
    {
        if (await SegmentAsync(report, ct) is not { } segment || await BeforeAsync(segment, at, ct) is not { } before) return null;
        var baseline = await BaselineAsync(segment, before, ct);
        var windowDays = choice?.WindowDays ?? (int)EffectivenessCriterion.DefaultWindow.TotalDays;
        var criterion = EffectivenessCriterion.Fix(before, baseline, choice?.Target, TimeSpan.FromDays(windowDays));
        // Watching starts the day after the fix: the fix day's complaints are of the product before it.
        var afterFrom = SeasonDays.Start(DateOnly.FromDateTime(at.UtcDateTime).AddDays(1), segment.Months);
        return new ItemEffectiveness
        {
            Id = Guid.CreateVersion7(at),
            WorkItemId = item.Id,
            Department = item.Department,
            Product = segment.Product, Category = segment.Category, Region = segment.Region, Months = [.. segment.Months],
            AgeGroup = segment.AgeGroup, Accessibility = segment.Accessibility, Channel = segment.Channel,
            Vendor = segment.Vendor, Depot = segment.Depot,
            BeforeComplaints = before.Complaints, BeforeUnits = before.UnitsSold, BeforeFrom = before.From, BeforeTo = before.To,
            BaselineRate = criterion.BaselineRate,
            DefaultTarget = criterion.Target.Default, Target = criterion.Target.Target, Loosened = criterion.Target.Loosens,
            WindowDays = windowDays, MinimumExposure = criterion.MinimumExposure,
            FixedAt = at, FixedBy = actor,
            AfterFrom = afterFrom, AfterTo = SeasonDays.End(afterFrom, windowDays, segment.Months),
            Verdict = EffectivenessVerdicts.Pending,
        };
    }

    /// The segment's rate in the year before `at`, cut to the months whose units sold are imported
    /// and to the months since the product's complaints are (a month without its figure would
    /// count its complaints over no units; a month before the complaint data, its units over no
    /// complaints); null when the segment sold nothing or had no complaint in it.
    public async Task<SegmentRate?> BeforeAsync(EffectivenessSegment segment, DateTimeOffset at, CancellationToken ct)
    {
        var firstSold = await segment.Sales(db.Exposure).MinAsync(s => (int?)s.Month, ct);
        var lastSold = await segment.Sales(db.Exposure).MaxAsync(s => (int?)s.Month, ct);
        var firstComplaint = await db.Complaints.Where(c => c.Product == segment.Product).MinAsync(c => (DateTimeOffset?)c.ReceivedAt, ct);
        if (firstSold is not { } first || lastSold is not { } last || firstComplaint is not { } complained) return null;
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var lastImported = Day(last).AddMonths(1);
        var to = day < lastImported ? day : lastImported;
        var from = Latest(to.AddDays(-BeforeDays), Day(first), Day(Month(DateOnly.FromDateTime(complained.UtcDateTime))));
        if (from >= to) return null;
        var rate = await CountAsync(segment, from, to, ct);
        return rate.Complaints == 0 || rate.UnitsSold == 0 ? null : rate;
    }

    /// The segment's rate after the fix, from the start of its window to `until` (at most the
    /// window's end), cut to the months whose units sold are imported: a complaint of a day whose
    /// units are not known yet would count over no units and make the fix look worse than it is.
    public async Task<SegmentRate> AfterAsync(ItemEffectiveness c, DateOnly until, CancellationToken ct)
    {
        var segment = c.Segment;
        var to = until < c.AfterTo ? until : c.AfterTo;
        var last = await segment.Sales(db.Exposure).Where(s => s.Month >= Month(c.AfterFrom)).MaxAsync(s => (int?)s.Month, ct);
        var imported = last is { } month ? Day(month).AddMonths(1) : c.AfterFrom;
        if (imported < to) to = imported;
        return await CountAsync(segment, c.AfterFrom, to < c.AfterFrom ? c.AfterFrom : to, ct);
    }

    /// Whether the units sold of the window's last month are imported: the check waits for them.
    public Task<bool> LastMonthImportedAsync(ItemEffectiveness c, CancellationToken ct)
    {
        var last = Month(c.AfterTo.AddDays(-1));
        return c.Segment.Sales(db.Exposure).AnyAsync(s => s.Month == last, ct);
    }

    /// The segment's complaints over its units sold in [from, to), in its months whose units sold
    /// are imported.
    public async Task<SegmentRate> CountAsync(EffectivenessSegment segment, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = (await MonthsAsync(segment, from, to, ct)).Where(m => m.Imported).ToList();
        return new(months.Sum(m => m.Complaints), months.Sum(m => m.UnitsSold), from, to);
    }

    /// The segment month by month over [from, to): complaints received and units sold (pro-rated
    /// where the period cuts a month); out-of-season months count nothing. Counted month by month
    /// by the database, on the complaints' (product, category, received) index: a product of a
    /// million complaints costs a dozen counts, not a million rows.
    public async Task<IReadOnlyList<EffectivenessMonth>> MonthsAsync(EffectivenessSegment segment, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to <= from) return [];
        var units = await UnitsAsync(segment, from, to, ct);
        var result = new List<EffectivenessMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month < to; month = month.AddMonths(1))
        {
            // Out of season: a month with no rate, so that a chart breaks its line there.
            if (!segment.InSeason(month))
            {
                result.Add(new(Month(month), 0, 0, Imported: false));
                continue;
            }
            var (start, end) = (Latest(from, month), to < month.AddMonths(1) ? to : month.AddMonths(1));
            var (startAt, endAt) = (Instant(start), Instant(end));
            var complaints = await segment.Complaints(db.Complaints).LongCountAsync(c => c.ReceivedAt >= startAt && c.ReceivedAt < endAt, ct);
            var key = Month(month);
            result.Add(new(key, complaints, DailyUnits.InWindow(units, start, end), units.ContainsKey(key)));
        }
        return result;
    }

    /// The product's complaints of the category and its units sold outside the segment, over the
    /// before-period: the rate the segment should come back to. None for a segment of a customer
    /// attribute: units are not known per attribute.
    public async Task<(long Complaints, double UnitsSold)?> BaselineAsync(EffectivenessSegment segment, SegmentRate before, CancellationToken ct)
    {
        if (segment.ByAttribute) return null;
        var product = segment with { Region = null, Months = [] };
        var all = await CountAsync(product, before.From, before.To, ct);
        var units = all.UnitsSold - before.UnitsSold;
        return units <= 0 ? null : (all.Complaints - before.Complaints, units);
    }

    async Task<Dictionary<int, long>> UnitsAsync(EffectivenessSegment segment, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (first, last) = (Month(from), Month(to.AddDays(-1)));
        var rows = await segment.Sales(db.Exposure).Where(s => s.Month >= first && s.Month <= last)
            .Select(s => new { s.Month, s.UnitsSold }).ToListAsync(ct);
        return rows.Where(r => segment.InSeason(Day(r.Month))).GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Sum(r => r.UnitsSold));
    }

    static int Month(DateOnly day) => day.Year * 100 + day.Month;
    static DateOnly Latest(params DateOnly[] days) => days.Max();
    static DateOnly Day(int month) => new(month / 100, month % 100, 1);
    public static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
