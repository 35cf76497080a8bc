using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// What a scan needs from the store: tens of thousands of counts, kept as the complaints were
/// stored (ComplaintTallies), however many millions of complaints there are.
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
        var cells = await ComplaintTallies.FoldAsync(db, ct);
        var units = await db.Exposure.GroupBy(s => new { s.Product, s.Region, MonthOfYear = s.Month % 100 })
            .Select(g => new MonthlyUnits { Product = g.Key.Product, Region = g.Key.Region, MonthOfYear = g.Key.MonthOfYear, UnitsSold = g.Sum(s => s.UnitsSold) })
            .ToListAsync(ct);
        var byAttribute = cells.Counts.ToLookup(c => c.Key.Attribute);
        return new()
        {
            Monthly = [.. byAttribute[ComplaintCell.Region].Select(c => new MonthlyCount
                { Product = c.Key.Product, Category = c.Key.Category, Region = c.Key.Value, MonthOfYear = c.Key.MonthOfYear, Complaints = c.Value })],
            Units = units,
            Attributes = PatternScan.Attributes.ToDictionary(a => a, a => byAttribute[a].Select(c => new AttributeCount
                { Product = c.Key.Product, Category = c.Key.Category, Value = c.Key.Value, Complaints = c.Value }).ToList()),
        };
    }
}
