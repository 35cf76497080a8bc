using System.Globalization;
using Routing.Engine.Effectiveness;

namespace Routing.Engine.History.Events;

/// The effectiveness criterion of a resolved item, fixed before any result is known: what the
/// segment's rate was, what it must fall to and how long it is watched. A target above the
/// default (Loosened) was accepted only with the resolve step's note.
[HistoryKind(HistoryKinds.CriterionFixed)]
internal sealed record EffectivenessCriterionFixed(
    string Segment, long BeforeComplaints, double BeforeUnitsSold, DateOnly BeforeFrom, DateOnly BeforeTo,
    double? BaselineRate, double DefaultTarget, double Target, bool Loosened, int WindowDays, long? MinimumExposure,
    DateOnly WatchFrom, DateOnly WatchTo) : HistoryData // WatchTo: the day after the last one watched, when the check runs
{
    public static EffectivenessCriterionFixed Of(ItemEffectiveness e) => new(
        e.Segment.Words(), e.BeforeComplaints, Math.Round(e.BeforeUnits, 1), e.BeforeFrom, e.BeforeTo, e.BaselineRate,
        e.DefaultTarget, e.Target, e.Loosened, e.WindowDays, e.MinimumExposure, e.AfterFrom, e.AfterTo);

    public override string Summary() =>
        $"Effectiveness criterion: {Segment} at {Percent(BeforeComplaints / BeforeUnitsSold)} ({Whole(BeforeComplaints)} complaints on {Whole(BeforeUnitsSold)} units sold) "
        + $"must fall to {Percent(Target)}"
        + (Loosened ? $", loosened from the default ({Percent(DefaultTarget)}, 30 days)" : Target < DefaultTarget ? $", tightened from {Percent(DefaultTarget)}" : "")
        + $"; watched {WatchFrom:yyyy-MM-dd} to {WatchTo.AddDays(-1):yyyy-MM-dd}"
        + (MinimumExposure is { } n ? $", {Whole(n)} units needed to judge" : ", no number of units can show the target");

    static string Whole(double n) => Math.Round(n).ToString("N0", CultureInfo.InvariantCulture);
    static string Percent(double rate) => (rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
