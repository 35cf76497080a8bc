namespace Routing.Engine.Telemetry;

/// The store's figures behind the gauges, as the sampler last read them.
internal sealed record TelemetrySample(long PendingTimers, TimeSpan SealingLag);
