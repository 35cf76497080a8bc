namespace Routing.Engine.Patterns;

/// One count a scan needs: complaints of a product and category in a region ("" when unknown) and
/// month of the year (Attribute "region"), or naming a value of an attribute (MonthOfYear 0).
internal readonly record struct ComplaintCell(string Product, string Category, string Attribute, string Value, int MonthOfYear)
{
    public const string Region = "region";
}
