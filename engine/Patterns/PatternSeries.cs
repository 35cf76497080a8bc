using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// A candidate month by month, so a CSM sees whether it is steady, seasonal or new: for a rate,
/// the segment's complaints per unit sold against the rest of the product and category; for a
/// disproportion, the value's share of the product's complaints against its share elsewhere
/// (the same comparison the scan made over all months, PatternScan). The database counts, per
/// calendar month: a few dozen rows whatever the number of complaints.
internal static class PatternSeries
{
    /// The months a chart shows at most: two years, enough to see a season come back.
    public const int MaxMonths = 24;

    /// The latest months (at most MaxMonths) from the first to the last that hold any of the
    /// comparison's data, every month in between included.
    public static async Task<IReadOnlyList<PatternMonth>> OfAsync(RoutingDb db, PatternCandidate p, CancellationToken ct) =>
        p.Method == PatternMethod.Rate ? await RatesAsync(db, p, ct) : await SharesAsync(db, p, ct);

    /// Complaints and units sold by calendar month and region, sorted into the segment and the rest.
    static async Task<IReadOnlyList<PatternMonth>> RatesAsync(RoutingDb db, PatternCandidate p, CancellationToken ct)
    {
        var sql = $"""
            SELECT {ReceivedMonth.Calendar(db)} AS "Month", COALESCE("Region", '') AS "Region", COUNT(*) AS "Count"
            FROM complaints WHERE "Product" = {"{0}"} AND "Category" = {"{1}"}
            GROUP BY 1, 2
            """;
        var complaints = await db.Database.SqlQueryRaw<RegionCount>(sql, p.Product, p.Category).ToListAsync(ct);
        var units = await db.Exposure.AsNoTracking().Where(s => s.Product == p.Product)
            .Select(s => new RegionCount { Month = s.Month, Region = s.Region, Count = s.UnitsSold }).ToListAsync(ct);

        bool InPlace(RegionCount r) => p.Region is null || r.Region == p.Region;
        bool InSegment(RegionCount r) => InPlace(r) && (p.Months.Count == 0 || p.Months.Contains(r.Month % 100));
        // As the scan tests them: a season against its own place's other months, a region against the other regions.
        bool InRest(RegionCount r) => !InSegment(r) && (p.Months.Count == 0 || InPlace(r));
        return Months(complaints.Select(c => c.Month).Concat(units.Select(u => u.Month)), month =>
        {
            var (k, n) = (complaints.Where(c => c.Month == month), units.Where(u => u.Month == month));
            return new PatternMonth(month,
                k.Where(InSegment).Sum(c => c.Count), n.Where(InSegment).Sum(u => u.Count),
                k.Where(InRest).Sum(c => c.Count), n.Where(InRest).Sum(u => u.Count));
        });
    }

    /// Complaints that say the attribute, by calendar month, counted as in the product (for a
    /// vendor or a depot: in the category) or elsewhere, and as naming the value or another.
    static async Task<IReadOnlyList<PatternMonth>> SharesAsync(RoutingDb db, PatternCandidate p, CancellationToken ct)
    {
        var (column, value) = Attribute(p);
        // Customer attributes against other products of the category; vendors and depots
        // against the product's other categories (PatternScan.Disproportions).
        var supplyChain = column is "Vendor" or "Depot";
        var (population, scope) = supplyChain ? ("Product", "Category") : ("Category", "Product");
        var sql = $"""
            SELECT {ReceivedMonth.Calendar(db)} AS "Month",
                   CASE WHEN "{scope}" = {"{1}"} THEN 1 ELSE 0 END AS "InScope",
                   CASE WHEN "{column}" = {"{2}"} THEN 1 ELSE 0 END AS "IsValue",
                   COUNT(*) AS "Count"
            FROM complaints WHERE "{population}" = {"{0}"} AND "{column}" IS NOT NULL AND "{column}" <> ''
            GROUP BY 1, 2, 3
            """;
        var (populationValue, scopeValue) = supplyChain ? (p.Product, p.Category) : (p.Category, p.Product);
        var rows = await db.Database.SqlQueryRaw<ShareCount>(sql, populationValue, scopeValue, value).ToListAsync(ct);
        return Months(rows.Select(r => r.Month), month =>
        {
            var inMonth = rows.Where(r => r.Month == month).ToList();
            long Sum(bool inScope, bool? isValue) => inMonth.Where(r => (r.InScope == 1) == inScope && (isValue is null || (r.IsValue == 1) == isValue)).Sum(r => r.Count);
            return new PatternMonth(month, Sum(true, true), Sum(true, null), Sum(false, true), Sum(false, null));
        });
    }

    /// The column and value of a disproportion's segment (the scan sets exactly one).
    static (string Column, string Value) Attribute(PatternCandidate p) =>
        p.AgeGroup is { } ageGroup ? ("AgeGroup", ageGroup)
        : p.Accessibility is { } accessibility ? ("Accessibility", accessibility)
        : p.Channel is { } channel ? ("Channel", channel)
        : p.Vendor is { } vendor ? ("Vendor", vendor)
        : p.Depot is { } depot ? ("Depot", depot)
        : throw new InvalidOperationException($"Candidate {p.Id} names no attribute for its disproportion.");

    /// Every month (yyyymm) from the first to the last of `seen`, the latest MaxMonths of them.
    static IReadOnlyList<PatternMonth> Months(IEnumerable<int> seen, Func<int, PatternMonth> of)
    {
        var months = seen.ToList();
        if (months.Count == 0) return [];
        var (first, last) = (Index(months.Min()), Index(months.Max()));
        first = Math.Max(first, last - MaxMonths + 1);
        return [.. Enumerable.Range(first, last - first + 1).Select(i => of(i / 12 * 100 + i % 12 + 1))];
    }

    // Months counted from year 0, so that a range crosses the turn of a year.
    static int Index(int yyyymm) => yyyymm / 100 * 12 + yyyymm % 100 - 1;

    sealed class RegionCount
    {
        public int Month { get; init; }
        public required string Region { get; init; }
        public long Count { get; init; }
    }

    sealed class ShareCount
    {
        public int Month { get; init; }
        public int InScope { get; init; }
        public int IsValue { get; init; }
        public long Count { get; init; }
    }
}
