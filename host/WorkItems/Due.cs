using Routing.Engine.WorkItems;

namespace Routing.Host.WorkItems;

/// The next due time that matters for an item — acknowledgement while nobody has taken it,
/// resolution while it is being worked on — said as time left or time over.
internal sealed record Due(string Text, bool Overdue)
{
    public static DateTimeOffset? At(WorkItemState state, DateTimeOffset ackDueAt, DateTimeOffset resolveDueAt) => state switch
    {
        WorkItemState.Routed or WorkItemState.Reopened => ackDueAt,
        WorkItemState.Acknowledged or WorkItemState.InProgress or WorkItemState.Escalated => resolveDueAt,
        _ => null,
    };

    public static Due? Next(WorkItem item, DateTimeOffset now)
    {
        if (At(item.State, item.AckDueAt, item.ResolveDueAt) is not { } due) return null;
        var what = item.State is WorkItemState.Routed or WorkItemState.Reopened ? "acknowledge" : "resolve";
        var left = due - now;
        return left >= TimeSpan.Zero
            ? new($"{Span(left)} left to {what}", false)
            : new($"{what} overdue by {Span(-left)}", true);
    }

    public static string Span(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays} d {t.Hours} h" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalMinutes))} min";
}
