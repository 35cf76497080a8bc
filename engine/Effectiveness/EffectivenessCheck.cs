namespace Routing.Engine.Effectiveness;

/// The check at the end of the window: did the segment's rate fall, significantly, to the target?
/// Effective: RateDropTest gives p < 0.05 and the after-rate is at or under the target — a
/// clear fall counts as soon as it is seen, however few units, and so does a clear rise (the
/// other tail, p < 0.05): not effective. Otherwise: inconclusive below the criterion's minimum
/// exposure (or when no exposure could ever show the target), not effective at or above it.
internal static class EffectivenessCheck
{
    public static EffectivenessResult Judge(EffectivenessCriterion criterion, SegmentRate after)
    {
        var before = criterion.Before;
        var target = criterion.Target.Target;
        var pValue = RateDropTest.PValue(after.Complaints, after.UnitsSold, before.Complaints, before.UnitsSold);
        var atTarget = after.Rate is { } rate && rate <= target;
        var rose = RateDropTest.RiseP(after.Complaints, after.UnitsSold, before.Complaints, before.UnitsSold) < MinimumExposure.Alpha;
        var verdict =
            pValue < MinimumExposure.Alpha && atTarget ? EffectivenessVerdict.Effective
            : rose || criterion.MinimumExposure is { } needed && after.UnitsSold >= needed ? EffectivenessVerdict.NotEffective
            : EffectivenessVerdict.Inconclusive;
        return new(verdict, before, after, target, criterion.MinimumExposure, pValue,
            EffectivenessExplanation.For(verdict, before, after, target, criterion.MinimumExposure, pValue, atTarget));
    }
}
