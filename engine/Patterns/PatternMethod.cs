namespace Routing.Engine.Patterns;

/// How a candidate was found: a rate against units sold (RateTest), or a disproportion among
/// complaints where units sold are not known (ReportingRatio).
internal static class PatternMethod
{
    public const string Rate = "rate";
    public const string Prr = "prr";
}
