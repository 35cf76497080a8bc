using Routing.Engine.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.WorkItems;

/// An item's due times as its page says them: what is still owed, by when, and how long is left
/// ("within 3 hours") or over ("overdue by 2 days"). Acknowledgement is owed until someone takes
/// the item; resolution until it is resolved (both while it awaits acknowledgement).
internal sealed record DueInWords(string What, DateTimeOffset By, string Words, bool Overdue)
{
    public static IReadOnlyList<DueInWords> Of(WorkItem item, DateTimeOffset now)
    {
        var awaitingAck = item.Stage == WorkItemStage.Acknowledgement;
        var awaitingResolution = awaitingAck || item.Stage == WorkItemStage.Resolution;
        return
        [
            .. awaitingAck ? [Line("Acknowledge", item.AckDueAt, now)] : Array.Empty<DueInWords>(),
            .. awaitingResolution ? [Line("Resolve", item.ResolveDueAt, now)] : Array.Empty<DueInWords>(),
        ];
    }

    static DueInWords Line(string what, DateTimeOffset by, DateTimeOffset now)
    {
        var left = by - now;
        return left >= TimeSpan.Zero ? new(what, by, $"within {Span(left)}", false) : new(what, by, $"overdue by {Span(-left)}", true);
    }

    /// The two largest units, in words, counting a started minute as a whole one (so a window of
    /// two days just opened is "2 days", not "1 day 23 hours"): "2 days 3 hours", "3 hours", "12 minutes".
    public static string Span(TimeSpan t)
    {
        var minutes = Math.Max(1, (long)Math.Ceiling(t.TotalMinutes));
        var (days, hours, rest) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
        return days > 0 ? Join(Unit(days, "day"), Unit(hours, "hour"))
            : hours > 0 ? Join(Unit(hours, "hour"), Unit(rest, "minute"))
            : Unit(rest, "minute");
    }

    static string Unit(long n, string unit) => n == 0 ? "" : n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    static string Join(string a, string b) => b.Length == 0 ? a : $"{a} {b}";
}
