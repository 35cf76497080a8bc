namespace Routing.Engine.Metrics;

/// How long a set of items took: how many, the median and the 90th percentile (percentile_cont),
/// null when there are none.
internal sealed record Spread(int Count, TimeSpan? Median, TimeSpan? P90)
{
    public static readonly Spread None = new(0, null, null);
}
