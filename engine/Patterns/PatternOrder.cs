namespace Routing.Engine.Patterns;

/// Strongest first, as the API lists candidates and the console shows them: the lowest q-value,
/// then the highest ratio, a null ratio (nothing elsewhere: infinitely out of line) before every
/// finite one of the same q; the key last, so that pages never overlap.
internal static class PatternOrder
{
    public static IOrderedQueryable<PatternCandidate> StrongestFirst(this IQueryable<PatternCandidate> candidates) =>
        candidates.OrderBy(c => c.QValue).ThenBy(c => c.Ratio == null ? 0 : 1).ThenByDescending(c => c.Ratio).ThenBy(c => c.Key);
}
