using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// An item's due times as its page says them: what is still owed, by when, and how long is left
/// ("within 3 hours") or over ("overdue by 2 days"). Acknowledgement is owed until someone takes
/// the item; resolution until it is resolved (both while it awaits acknowledgement).
internal sealed record DueInWords(string What, DateTimeOffset By, string Words, bool Overdue)
{
    public static IReadOnlyList<DueInWords> Of(WorkItem item, DateTimeOffset now)
    {
        var awaitingAck = WorkItemLifecycle.AwaitingAcknowledgement.Contains(item.State);
        var awaitingResolution = awaitingAck || WorkItemLifecycle.AwaitingResolution.Contains(item.State);
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

    /// The two largest units, in words: "2 days 3 hours", "3 hours", "12 minutes".
    public static string Span(TimeSpan t) =>
        t.TotalDays >= 1 ? Join(Unit((int)t.TotalDays, "day"), Unit(t.Hours, "hour"))
        : t.TotalHours >= 1 ? Join(Unit((int)t.TotalHours, "hour"), Unit(t.Minutes, "minute"))
        : Unit(Math.Max(1, (int)Math.Ceiling(t.TotalMinutes)), "minute");

    static string Unit(int n, string unit) => n == 0 ? "" : n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    static string Join(string a, string b) => b.Length == 0 ? a : $"{a} {b}";
}
