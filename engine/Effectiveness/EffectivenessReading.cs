using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Effectiveness;

/// An item's effectiveness computed live from the store (GET /api/work-items/{id}/effectiveness,
/// the item page): a department head watches the fix working before the check runs.
internal sealed class EffectivenessReading(RoutingDb db, EffectivenessMeasure measure, TimeProvider clock)
{
    public async Task<EffectivenessView> ForAsync(WorkItem item, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == item.ReportId, ct);
        var reports = item.ResolvedAt is { } resolvedAt
            ? await db.Reports.CountAsync(r => r.PatternKey == report.PatternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct)
            : 0;
        var criterion = await db.Effectiveness.AsNoTracking().Latest(item.Id).FirstOrDefaultAsync(ct);
        return criterion is null
            ? await UnfixedAsync(item, report, reports, ct)
            : await MeasuredAsync(item, criterion, reports, ct);
    }

    /// A criterion fixed: after the fix so far (pending) or as the check counted it.
    async Task<EffectivenessView> MeasuredAsync(WorkItem item, ItemEffectiveness c, int reports, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var pending = c.Verdict == EffectivenessVerdicts.Pending;
        var after = pending || c.AfterComplaints is null || c.AfterUnits is null
            ? await measure.AfterAsync(c, today, ct)
            : new SegmentRate(c.AfterComplaints.Value, c.AfterUnits.Value, c.AfterFrom, c.AfterTo);
        var to = pending && today < c.AfterTo ? today : c.AfterTo;
        var result = EffectivenessCheck.Judge(c.Criterion, after);
        var season = Seasonal(c) ? $", the segment's months only ({c.Segment.Words().Split(", ")[^1]})" : "";
        var explanation = pending
            ? $"Pending: checked on {c.AfterTo:yyyy-MM-dd} (watched {c.AfterFrom:yyyy-MM-dd} to {c.AfterTo.AddDays(-1):yyyy-MM-dd}{season}). "
                + (after.UnitsSold == 0 ? "Nothing sold after the fix in the units sold imported so far." : $"So far: {result.Explanation}")
            : c.DecidedBy is { } csm ? $"{result.Explanation} {csm} decided: {(item.ResolvedAt is null ? "reopened" : "verified")}." : result.Explanation;
        var months = await measure.MonthsAsync(c.Segment, c.BeforeFrom, Later(to, c.BeforeTo), ct);
        return new(EffectivenessMethods.Measured, c, c.Criterion.Before, after, c.Verdict, pending ? result.PValue : c.PValue ?? result.PValue,
            explanation, reports, months);
    }

    /// No criterion: the item is not resolved yet (its segment's rate so far, if it will be
    /// measured), or it is judged by the recurrence rule.
    async Task<EffectivenessView> UnfixedAsync(WorkItem item, Report report, int reports, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (item.ResolvedAt is null && await measure.SegmentAsync(report, ct) is { } segment && await measure.BeforeAsync(segment, now, ct) is { } before)
        {
            var baseline = await measure.BaselineAsync(segment, before, ct) is { UnitsSold: > 0 } b ? b.Complaints / b.UnitsSold : (double?)null;
            var target = EffectivenessTarget.DefaultFor(before.Rate!.Value, baseline);
            var byDefault = baseline is { } rate
                ? $"(the higher of the rest of the product's {Percent(rate)} and half the rate)"
                : "(half the rate)";
            return new(EffectivenessMethods.Measured, null, before, null, EffectivenessVerdicts.Pending, null,
                $"The criterion is fixed when the item is resolved. Before the fix so far: {Whole(before.Complaints)} complaints on "
                + $"{Whole(before.UnitsSold)} units ({Percent(before.Rate!.Value)}); by default a fix must bring it to {Percent(target)} {byDefault}.",
                reports, await measure.MonthsAsync(segment, before.From, before.To, ct), target);
        }
        var verdict = await RecurrenceVerdictAsync(item, ct);
        var explanation = verdict switch
        {
            EffectivenessVerdicts.Effective => "Judged by recurrence (no complaint data and units sold for the segment): the pattern was not reported again.",
            EffectivenessVerdicts.NotEffective => "Judged by recurrence (no complaint data and units sold for the segment): the pattern was reported again after the fix.",
            _ => item.ResolvedAt is { } at
                ? $"Judged by recurrence (no complaint data and units sold for the segment): {reports} report{(reports == 1 ? "" : "s")} of the pattern since it was resolved on {at:yyyy-MM-dd}."
                : "Judged by recurrence (no complaint data and units sold for the segment) once the item is resolved.",
        };
        return new(EffectivenessMethods.Recurrence, null, null, null, verdict, null, explanation, reports, []);
    }

    /// The latest check's verdict since the item was last resolved: verified is effective,
    /// reopened not; none yet is pending.
    async Task<string> RecurrenceVerdictAsync(WorkItem item, CancellationToken ct)
    {
        var last = await db.History.AsNoTracking()
            .Where(e => e.WorkItemId == item.Id && (e.Kind == HistoryKinds.Verified || e.Kind == HistoryKinds.Reopened))
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Kind, e.At }).FirstOrDefaultAsync(ct);
        if (last is null || item.ResolvedAt is { } resolved && last.At < resolved) return EffectivenessVerdicts.Pending;
        return last.Kind == HistoryKinds.Verified ? EffectivenessVerdicts.Effective : EffectivenessVerdicts.NotEffective;
    }

    static string Whole(double n) => Math.Round(n).ToString("N0", CultureInfo.InvariantCulture);
    static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    static bool Seasonal(ItemEffectiveness c) => c.Months.Count > 0;
    static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
