namespace Routing.Engine.Metrics;

/// How figures are grouped over time: ISO weeks (Monday 00:00 UTC) or calendar months (the 1st, 00:00 UTC).
internal enum MetricsInterval { Week, Month }
