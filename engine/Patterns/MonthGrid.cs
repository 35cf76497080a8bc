namespace Routing.Engine.Patterns;

/// Counts (complaints of a product and category, or its units sold) by region and month of the
/// year, added up once so that every rate test of a scan reads its sums instead of summing again.
internal sealed class MonthGrid
{
    static readonly long[] None = new long[12];
    readonly Dictionary<string, long[]> byRegion = new(StringComparer.Ordinal);

    /// Every region's, including the unknown one (""): January first.
    public long[] AllRegions { get; } = new long[12];
    public long Total { get; private set; }

    public void Add(string region, int monthOfYear, long count)
    {
        if (!byRegion.TryGetValue(region, out var months)) byRegion[region] = months = new long[12];
        months[monthOfYear - 1] += count;
        AllRegions[monthOfYear - 1] += count;
        Total += count;
    }

    /// A region's twelve months, January first; zeros for a region it has nothing for.
    public long[] Of(string region) => byRegion.GetValueOrDefault(region, None);

    public long TotalOf(string region) => Of(region).Sum();

    public IEnumerable<string> Regions => byRegion.Keys;
}
