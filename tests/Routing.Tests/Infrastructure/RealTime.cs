namespace Routing.Tests.Infrastructure;

/// Tests that run hosts against the real clock, kill processes or saturate the CPU run one
/// at a time: side by side on two cores they starved each other's clocks.
[CollectionDefinition(Name)]
public sealed class RealTime
{
    public const string Name = "real time";
}
