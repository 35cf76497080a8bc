namespace Routing.Engine.Patterns;

/// Complaints of a product and category in a region ("" when unknown) in a month of the year, over all years.
internal sealed class MonthlyCount
{
    public required string Product { get; init; }
    public required string Category { get; init; }
    public required string Region { get; init; }
    public int MonthOfYear { get; init; }
    public long Complaints { get; init; }
}
