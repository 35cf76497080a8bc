using Microsoft.EntityFrameworkCore;
using Routing.Engine.Complaints;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// What a scan needs from the store, counted by the database: a few tens of thousands of rows
/// of counts however many millions of complaints there are. PostgreSQL counts in one parallel
/// pass (PostgresCounts); SQLite with a GROUP BY per count, the same numbers, slower.
internal sealed class ComplaintCounts
{
    /// Complaints per product, category, region ("" when unknown) and month of the year.
    public required List<MonthlyCount> Monthly { get; init; }
    /// Units sold per product, region and month of the year (summed over the years).
    public required List<MonthlyUnits> Units { get; init; }
    /// Complaints per product, category and value, per attribute (PatternScan.Attributes).
    public required Dictionary<string, List<AttributeCount>> Attributes { get; init; }

    public static async Task<ComplaintCounts> ReadAsync(RoutingDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) return await PostgresCounts.ReadAsync(db, ct);
        var sql = $"""
            SELECT "Product", "Category", COALESCE("Region", '') AS "Region", {ReceivedMonth.OfYear(db)} AS "MonthOfYear", COUNT(*) AS "Complaints"
            FROM complaints GROUP BY "Product", "Category", COALESCE("Region", ''), {ReceivedMonth.OfYear(db)}
            """;
        var monthly = await db.Database.SqlQueryRaw<MonthlyCount>(sql).ToListAsync(ct);
        var units = await db.Exposure.GroupBy(s => new { s.Product, s.Region, MonthOfYear = s.Month % 100 })
            .Select(g => new MonthlyUnits { Product = g.Key.Product, Region = g.Key.Region, MonthOfYear = g.Key.MonthOfYear, UnitsSold = g.Sum(s => s.UnitsSold) })
            .ToListAsync(ct);
        var attributes = new Dictionary<string, List<AttributeCount>>();
        foreach (var attribute in PatternScan.Attributes)
            attributes[attribute] = (await Of(db.Complaints, attribute).ToListAsync(ct)).Where(a => !string.IsNullOrEmpty(a.Value)).ToList();
        return new() { Monthly = monthly, Units = units, Attributes = attributes };
    }

    static IQueryable<AttributeCount> Of(IQueryable<Complaint> complaints, string attribute) => attribute switch
    {
        "ageGroup" => complaints.Where(c => c.AgeGroup != null).GroupBy(c => new { c.Product, c.Category, Value = c.AgeGroup })
            .Select(g => new AttributeCount { Product = g.Key.Product, Category = g.Key.Category, Value = g.Key.Value!, Complaints = g.LongCount() }),
        "accessibility" => complaints.Where(c => c.Accessibility != null).GroupBy(c => new { c.Product, c.Category, Value = c.Accessibility })
            .Select(g => new AttributeCount { Product = g.Key.Product, Category = g.Key.Category, Value = g.Key.Value!, Complaints = g.LongCount() }),
        "channel" => complaints.Where(c => c.Channel != null).GroupBy(c => new { c.Product, c.Category, Value = c.Channel })
            .Select(g => new AttributeCount { Product = g.Key.Product, Category = g.Key.Category, Value = g.Key.Value!, Complaints = g.LongCount() }),
        "vendor" => complaints.Where(c => c.Vendor != null).GroupBy(c => new { c.Product, c.Category, Value = c.Vendor })
            .Select(g => new AttributeCount { Product = g.Key.Product, Category = g.Key.Category, Value = g.Key.Value!, Complaints = g.LongCount() }),
        "depot" => complaints.Where(c => c.Depot != null).GroupBy(c => new { c.Product, c.Category, Value = c.Depot })
            .Select(g => new AttributeCount { Product = g.Key.Product, Category = g.Key.Category, Value = g.Key.Value!, Complaints = g.LongCount() }),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not an attribute of a complaint."),
    };
}
