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
    public abstract record Judgement(EffectivenessOutcome Outcome, int ReportsSinceResolution)
    {
        public sealed record Verify(EffectivenessOutcome Outcome, int Reports) : Judgement(Outcome, Reports);
        public sealed record Reopen(EffectivenessOutcome Outcome, int Reports) : Judgement(Outcome, Reports);
        /// Too few units to judge: watched once more, to the new end of its window.
        public sealed record Extend(EffectivenessOutcome Outcome, int Reports, DateOnly WatchTo) : Judgement(Outcome, Reports);
        /// Too few units again: the CSM who submitted the pattern decides.
        public sealed record HandToCsm(EffectivenessOutcome Outcome, int Reports, string Csm) : Judgement(Outcome, Reports);
    }

    public async Task<Judgement> JudgeAsync(WorkItem item, Report report, DateTimeOffset resolvedAt, DateTimeOffset now, CancellationToken ct)
    {
        // A recurrence submitted while the item was resolved attached to it, and counts either way.
        var reports = await db.Reports.CountAsync(r => r.PatternKey == report.PatternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct);
        if (await db.Effectiveness.FirstOrDefaultAsync(e => e.WorkItemId == item.Id, ct) is not { } criterion)
        {
            var outcome = EffectivenessOutcome.Recurrence(reports, resolvedAt);
            return reports > 0 ? new Judgement.Reopen(outcome, reports) : new Judgement.Verify(outcome, reports);
        }

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
                return new Judgement.Extend(judged, reports, criterion.AfterTo);
            default:
                criterion.Verdict = EffectivenessVerdicts.Inconclusive;
                return new Judgement.HandToCsm(judged, reports, report.VerifiedBy);
        }
    }
}
