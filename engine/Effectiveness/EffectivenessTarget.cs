namespace Routing.Engine.Effectiveness;

/// The after-rate a fix must reach. By default back to the product's baseline rate outside
/// the segment, or at least halved — whichever is higher: max(baseline, before ÷ 2). Halving
/// is the floor because a segment far above its baseline is fixed when its failures are
/// clearly fewer, even if not yet down to the rest of the product. The department may give
/// its own target in the resolve step: lower is tighter and always allowed; higher loosens the
/// default, which the caller accepts only with a note the history keeps.
internal sealed record EffectivenessTarget(double Target, double Default, bool Loosens)
{
    /// baselineRate: null when the product sold nothing outside the segment (no baseline):
    /// then halving alone is the default.
    public static double DefaultFor(double beforeRate, double? baselineRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(beforeRate);
        var halved = beforeRate / 2;
        return baselineRate is { } baseline && baseline > halved ? baseline : halved;
    }

    public static EffectivenessTarget Choose(double beforeRate, double? baselineRate, double? departmentTarget)
    {
        var byDefault = DefaultFor(beforeRate, baselineRate);
        if (departmentTarget is not { } given)
            return new(byDefault, byDefault, Loosens: false);
        ArgumentOutOfRangeException.ThrowIfNegative(given);
        return new(given, byDefault, Loosens: given > byDefault);
    }
}
