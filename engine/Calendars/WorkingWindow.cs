namespace Routing.Engine.Calendars;

/// A stretch of working time: from Start (inclusive) to End (exclusive), both UTC instants.
public sealed record WorkingWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;
}
