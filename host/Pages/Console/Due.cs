using Routing.Engine.WorkItems;

namespace Routing.Host.Pages.Console;

/// The next due time that matters for an item — acknowledgement while nobody has taken it,
/// resolution while it is being worked on — said as time left or time over.
internal sealed record Due(string Text, bool Overdue)
{
    public static Due? Next(WorkItem item, DateTimeOffset now)
    {
        DateTimeOffset? at = item.State switch
        {
            WorkItemState.Routed or WorkItemState.Reopened => item.AckDueAt,
            WorkItemState.Acknowledged or WorkItemState.InProgress or WorkItemState.Escalated => item.ResolveDueAt,
            _ => null,
        };
        if (at is not { } due) return null;
        var what = item.State is WorkItemState.Routed or WorkItemState.Reopened ? "acknowledge" : "resolve";
        var left = due - now;
        return left >= TimeSpan.Zero
            ? new($"{Span(left)} left to {what}", false)
            : new($"{what} overdue by {Span(-left)}", true);
    }

    static string Span(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays} d {t.Hours} h" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalMinutes))} min";
}
