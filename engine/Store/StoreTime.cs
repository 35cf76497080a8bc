namespace Routing.Engine.Store;

internal static class StoreTime
{
    /// Now, to the whole millisecond: both stores keep that exactly, so what an answer
    /// says, what a later read says and what the history hashes are the same instant.
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var t = clock.GetUtcNow();
        return new DateTimeOffset(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }
}
