namespace Routing.Engine.Patterns;

/// One segment a scan tested: its rate comparison or its disproportion, before the scan's
/// q-values say which are candidates.
internal sealed record PatternFinding(string Product, string Category, PatternSegment Segment, RateComparison? Rate, Disproportion? Table)
{
    public string Method => Rate is not null ? PatternMethod.Rate : PatternMethod.Prr;
    public double PValue => Rate?.PValue ?? Table!.PValue;
    public long Complaints => Rate?.Complaints ?? Table!.A;
    public double? Ratio => Rate is not null ? Rate.Ratio : Table!.Prr;
    public string Key => Segment.Key(Product, Category, Method);

    public bool IsFlagged(double qValue, PatternOptions options) =>
        Rate is not null ? PatternRule.Flags(Rate, qValue, options) : PatternRule.Flags(Table!, qValue, options);

    public string Explain(double qValue) => Rate is not null
        ? Explanation.ForRate(Product, Category, Segment.Words(), Rate, qValue)
        : Explanation.ForDisproportion(Product, Category, Segment.Words(), Table!, qValue);
}
