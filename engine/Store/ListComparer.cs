using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Routing.Engine.Store;

/// Change tracking's comparer for the model's lists (a report's months and evidence, a work item's
/// matched rules…): element by element, snapshot by copy, as EF's own — but compiled once. EF's own
/// comparer of a list built a new comparer for its elements on every comparison and compiled it
/// (DynamicMethod.CreateDelegate), which was the host's largest cost per report in intake's profile.
internal static class ListComparer<T>
{
    public static readonly ValueComparer<List<T>> Instance = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list == null ? 0 : list.Aggregate(0, (hash, element) => HashCode.Combine(hash, element)),
        list => list == null ? null! : list.ToList());
}
