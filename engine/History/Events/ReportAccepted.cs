namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.ReportAccepted)]
internal sealed record ReportAccepted(string Title, string Product, string Category, string Severity, int ReportCount, string PatternKey)
    : HistoryData
{
    public override string Summary() => $"Report accepted: {Title} ({Category}, {Severity}, {ReportCount} reports)";
}
