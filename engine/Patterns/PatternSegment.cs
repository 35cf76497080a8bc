namespace Routing.Engine.Patterns;

/// The part of a product's complaints a candidate is about: a region, a season, or one value
/// of a customer attribute (age group, accessibility, channel) or of the supply chain (vendor, depot).
internal sealed record PatternSegment(
    string? Region = null, MonthRun? Season = null, string? AgeGroup = null, string? Accessibility = null,
    string? Channel = null, string? Vendor = null, string? Depot = null)
{
    /// The segment's identity across scans, with the product, category and method: a rescan
    /// finding the same segment updates its candidate. A season's months are part of it: a CSM's
    /// decision on Nov–Mar is about Nov–Mar, so a place whose season moves to Jun–Aug gets a new
    /// candidate, and the old one is kept, no longer flagged.
    public string Key(string product, string category, string method) => string.Join("|",
        product, category, method, Region ?? "", Season is { } s ? $"{s.First}-{s.Last}" : "",
        AgeGroup ?? "", Accessibility ?? "", Channel ?? "", Vendor ?? "", Depot ?? "");

    /// The parts that name it in the explanation: "Michigan", "Nov–Mar", "vendor: Acme".
    public IEnumerable<string> Words()
    {
        if (Region is not null) yield return Region;
        if (Season is not null) yield return Season.Words;
        if (AgeGroup is not null) yield return Explanation.Attribute("age group", AgeGroup);
        if (Accessibility is not null) yield return Explanation.Attribute("accessibility", Accessibility);
        if (Channel is not null) yield return Explanation.Attribute("channel", Channel);
        if (Vendor is not null) yield return Explanation.Attribute("vendor", Vendor);
        if (Depot is not null) yield return Explanation.Attribute("depot", Depot);
    }
}
