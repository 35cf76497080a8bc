namespace Routing.Engine.Reports;

internal static class ReportCategories
{
    public static readonly string[] All =
        ["quality", "supply", "design", "marketing", "sales-conduct", "pricing", "policy", "third-party", "other"];
}

internal static class Severities
{
    public static readonly string[] All = ["low", "medium", "high", "critical"];
}
