using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// Strongest first, as the API lists candidates and the console shows them: the lowest q-value,
/// then the highest ratio, a null ratio (nothing elsewhere: infinitely out of line) before every
/// finite one of the same q; the key last, so that pages never overlap.
internal static class PatternOrder
{
    public static IOrderedQueryable<PatternCandidate> StrongestFirst(this IQueryable<PatternCandidate> candidates, RoutingDb db) =>
        db.Database.IsNpgsql()
            // PostgreSQL puts nulls first in a descending order, as its indexes on (…, QValue, Ratio DESC, Key) hold
            // them: a page of 10,000 candidates is read from an index, not sorted.
            ? candidates.OrderBy(c => c.QValue).ThenByDescending(c => c.Ratio).ThenBy(c => c.Key)
            // SQLite puts them last: said in so many words.
            : candidates.OrderBy(c => c.QValue).ThenBy(c => c.Ratio == null ? 0 : 1).ThenByDescending(c => c.Ratio).ThenBy(c => c.Key);
}
