namespace Routing.Engine.Patterns;

/// Units of a product sold in a region in a month of the year, over all years.
internal sealed class MonthlyUnits
{
    public required string Product { get; init; }
    public required string Region { get; init; }
    public int MonthOfYear { get; init; }
    public long UnitsSold { get; init; }
}
