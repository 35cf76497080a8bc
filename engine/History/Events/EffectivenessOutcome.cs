using Routing.Engine.Effectiveness;

namespace Routing.Engine.History.Events;

/// How a resolution check judged a fix, as the history, the timeline and webhooks carry it: the
/// method, the verdict and, when measured, the numbers it was reached on.
internal sealed record EffectivenessOutcome(
    string Method, string Verdict, string Explanation,
    long? BeforeComplaints = null, double? BeforeUnitsSold = null, long? AfterComplaints = null, double? AfterUnitsSold = null,
    double? Target = null, double? PValue = null)
{
    public static EffectivenessOutcome Of(EffectivenessResult r) => new(
        EffectivenessMethods.Measured, EffectivenessVerdicts.Of(r.Verdict), r.Explanation,
        r.Before.Complaints, Math.Round(r.Before.UnitsSold, 1), r.After.Complaints, Math.Round(r.After.UnitsSold, 1), r.Target, r.PValue);

    /// The recurrence rule: no report of the pattern since the fix is effective.
    public static EffectivenessOutcome Recurrence(int reports, DateTimeOffset resolvedAt) => new(
        EffectivenessMethods.Recurrence,
        reports > 0 ? EffectivenessVerdicts.NotEffective : EffectivenessVerdicts.Effective,
        $"No complaint data and units sold for the segment, so judged by recurrence: {(reports == 0 ? "no report" : reports == 1 ? "1 report" : $"{reports} reports")} of the pattern since it was resolved on {resolvedAt:yyyy-MM-dd}.");
}
