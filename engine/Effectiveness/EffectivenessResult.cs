namespace Routing.Engine.Effectiveness;

/// A check's verdict with the numbers it was reached on and the sentence that says them.
internal sealed record EffectivenessResult(
    EffectivenessVerdict Verdict, SegmentRate Before, SegmentRate After, double Target, long? MinimumExposure,
    double PValue, string Explanation);
