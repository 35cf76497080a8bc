namespace Routing.Engine.History;

internal static class HistoryKinds
{
    public const string ReportAccepted = "report.accepted";
    public const string ReportRouted = "report.routed";
    public const string WorkItemRouted = "work-item.routed";
    public const string RulesetPublished = "ruleset.published";
}
