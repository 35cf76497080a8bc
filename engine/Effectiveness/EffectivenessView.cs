namespace Routing.Engine.Effectiveness;

/// An item's effectiveness as it stands: the criterion fixed when it was resolved (null before),
/// the rate before and after the fix (after: so far, while the check is pending), the verdict and
/// the sentence that says it, and the segment month by month for the chart. DefaultTarget: the
/// target a resolve would fix now, before the item is resolved.
internal sealed record EffectivenessView(
    string Method, ItemEffectiveness? Criterion, SegmentRate? Before, SegmentRate? After, string Verdict, double? PValue,
    string Explanation, int ReportsSinceResolution, IReadOnlyList<EffectivenessMonth> Months, double? DefaultTarget = null);
