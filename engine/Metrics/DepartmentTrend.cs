namespace Routing.Engine.Metrics;

/// One department's figures, period by period, oldest first.
internal sealed record DepartmentTrend(string Department, IReadOnlyList<PeriodFigures> Periods);
