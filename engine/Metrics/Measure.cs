namespace Routing.Engine.Metrics;

/// Which SLA time a spread is of: opening to acknowledgement, or opening to first resolution.
internal enum Measure { Acknowledge, Resolve }
