using Microsoft.EntityFrameworkCore;
using Routing.Engine.Effectiveness;
using Routing.Engine.History.Events;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// At the end of a resolved item's observation window: did the fix work? Measured when the item
/// has a criterion (the segment's complaint rate after the fix against it, EffectivenessCheck),
/// else by the recurrence rule (a new report of the pattern since it was resolved reopens it).
internal sealed class ResolutionCheck(RoutingDb db, EffectivenessMeasure measure)
{
    /// What the check decided.
    public abstract record Judgement
    {
        public sealed record Verify(EffectivenessOutcome Outcome, int Reports) : Judgement;
        public sealed record Reopen(EffectivenessOutcome Outcome, int Reports) : Judgement;
        /// Too few units to judge: watched once more, to the new end of its window.
        public sealed record Extend(EffectivenessOutcome Outcome, DateOnly WatchTo) : Judgement;
        /// Too few units again: the CSM who submitted the pattern decides.
        public sealed record HandToCsm(EffectivenessOutcome Outcome, string Csm) : Judgement;
        /// Not yet: the window's last month's units sold are not imported. The check runs again at Until.
        public sealed record Wait(DateTimeOffset Until) : Judgement;
        /// Nothing to do: a timer left from before — this criterion's check already ran, or its
        /// window has not ended (its own timer comes then).
        public sealed record Nothing : Judgement;
    }

    /// Monthly units sold are imported after their month ends: the check waits for the window's
    /// last month, looking again every week, for at most 60 days before judging on what it has.
    static readonly TimeSpan Recheck = TimeSpan.FromDays(7), LongestWait = TimeSpan.FromDays(60);

    public async Task<Judgement> JudgeAsync(WorkItem item, Report report, DateTimeOffset resolvedAt, DateTimeOffset now, CancellationToken ct)
    {
        // A recurrence submitted while the item was resolved attached to it, and counts either way.
        var reports = await db.Reports.CountAsync(r => r.PatternKey == report.PatternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct);
        if (await db.Effectiveness.Latest(item.Id).FirstOrDefaultAsync(ct) is not { } criterion)
        {
            var outcome = EffectivenessOutcome.Recurrence(reports, resolvedAt);
            return reports > 0 ? new Judgement.Reopen(outcome, reports) : new Judgement.Verify(outcome, reports);
        }

        var due = EffectivenessMeasure.Instant(criterion.AfterTo);
        if (criterion.Verdict != EffectivenessVerdicts.Pending || now < due) return new Judgement.Nothing();
        if (now < due + LongestWait && !await measure.LastMonthImportedAsync(criterion, ct)) return new Judgement.Wait(now + Recheck);

        var after = await measure.AfterAsync(criterion, criterion.AfterTo, ct);
        var result = EffectivenessCheck.Judge(criterion.Criterion, after);
        var judged = EffectivenessOutcome.Of(result);
        criterion.AfterComplaints = after.Complaints;
        criterion.AfterUnits = after.UnitsSold;
        criterion.PValue = result.PValue;
        criterion.CheckedAt = now;
        switch (result.Verdict)
        {
            case EffectivenessVerdict.Effective:
                criterion.Verdict = EffectivenessVerdicts.Effective;
                return new Judgement.Verify(judged, reports);
            case EffectivenessVerdict.NotEffective:
                criterion.Verdict = EffectivenessVerdicts.NotEffective;
                return new Judgement.Reopen(judged, reports);
            case EffectivenessVerdict.Inconclusive when !criterion.Extended:
                criterion.Extended = true;
                criterion.AfterTo = SeasonDays.End(criterion.AfterTo, criterion.WindowDays, criterion.Months);
                return new Judgement.Extend(judged, criterion.AfterTo);
            default:
                criterion.Verdict = EffectivenessVerdicts.Inconclusive;
                return new Judgement.HandToCsm(judged, report.VerifiedBy);
        }
    }
}
