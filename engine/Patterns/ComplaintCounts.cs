using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// What a scan needs from the store: a few tens of thousands of rows of counts, kept as the
/// complaints were stored (ComplaintTallies), however many millions of complaints there are.
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
        // One query, so one snapshot of the tallies however imports go on.
        var cells = await db.ComplaintTallies
            .GroupBy(t => new { t.Product, t.Category, t.Attribute, t.Value, t.MonthOfYear })
            .Select(g => new { g.Key.Product, g.Key.Category, g.Key.Attribute, g.Key.Value, g.Key.MonthOfYear, Complaints = g.Sum(t => t.Complaints) })
            .Where(c => c.Complaints != 0)
            .ToListAsync(ct);
        var units = await db.Exposure.GroupBy(s => new { s.Product, s.Region, MonthOfYear = s.Month % 100 })
            .Select(g => new MonthlyUnits { Product = g.Key.Product, Region = g.Key.Region, MonthOfYear = g.Key.MonthOfYear, UnitsSold = g.Sum(s => s.UnitsSold) })
            .ToListAsync(ct);
        var byAttribute = cells.ToLookup(c => c.Attribute);
        return new()
        {
            Monthly = [.. byAttribute[ComplaintTallies.Region].Select(c => new MonthlyCount
                { Product = c.Product, Category = c.Category, Region = c.Value, MonthOfYear = c.MonthOfYear, Complaints = c.Complaints })],
            Units = units,
            Attributes = PatternScan.Attributes.ToDictionary(a => a, a => byAttribute[a].Select(c => new AttributeCount
                { Product = c.Product, Category = c.Category, Value = c.Value, Complaints = c.Complaints }).ToList()),
        };
    }
}
