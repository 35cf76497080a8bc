namespace Routing.Engine.Effectiveness;

/// What a fix must achieve, fixed when its item is resolved — before any result is known:
/// the segment's rate before the fix, the target after-rate, how long to watch, and the
/// fewest units sold after the fix that can show the target was met.
/// MinimumExposure is null when no number of units can (too few complaints before, or a
/// target at or above the before-rate): then every result short of effective is inconclusive.
/// Loosens says the department's target is above the default; the caller demands a note.
internal sealed record EffectivenessCriterion(
    SegmentRate Before, double? BaselineRate, EffectivenessTarget Target, TimeSpan Window, long? MinimumExposure)
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// baseline: the product's complaints and units outside the segment over the same period;
    /// null, or no units, when there is none. window: P30D when not given.
    public static EffectivenessCriterion Fix(
        SegmentRate before, (long Complaints, double UnitsSold)? baseline, double? departmentTarget = null, TimeSpan? window = null)
    {
        if (before.Rate is not { } beforeRate)
            throw new ArgumentException("A criterion needs units sold before the fix.", nameof(before));
        double? baselineRate = baseline is { UnitsSold: > 0 } b ? b.Complaints / b.UnitsSold : null;
        var target = EffectivenessTarget.Choose(beforeRate, baselineRate, departmentTarget);
        return new(before, baselineRate, target, window ?? DefaultWindow,
            Effectiveness.MinimumExposure.Units(before.Complaints, before.UnitsSold, target.Target));
    }
}
