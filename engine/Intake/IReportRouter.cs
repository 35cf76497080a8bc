using Routing.Engine.Reports;

namespace Routing.Engine.Intake;

/// Decides which departments must act on a report. Always returns at least one route
/// (triage when nothing matched).
public interface IReportRouter
{
    Task<RoutingDecision> RouteAsync(ReportFacts report, CancellationToken ct);
}
