namespace Routing.Engine.Patterns;

/// A dismissed candidate stays dismissed while it stays about the size it was when a CSM
/// looked and said no; it comes back only when it has grown materially: its count or its
/// ratio (rate ratio or PRR) multiplied by the growth factor (2: doubled). Otherwise every
/// scan would bring back what the CSM already judged, after one more complaint.
internal static class MaterialGrowth
{
    /// Ratios are null when nothing happened elsewhere (infinitely out of line): a finite
    /// ratio becoming infinite has grown; an infinite one can only come back by its count.
    public static bool BringsBack(long dismissedCount, double? dismissedRatio, long count, double? ratio, double factor)
    {
        if (count >= factor * dismissedCount && count > dismissedCount)
            return true;
        return dismissedRatio is { } before && count > 0 && (ratio is not { } now || now >= factor * before);
    }
}
