using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// The next due time that matters for an item — acknowledgement while nobody has taken it,
/// resolution while it is being worked on — said as time left or time over.
internal sealed record Due(string Text, bool Overdue)
{
    public static Due? Next(WorkItem item, DateTimeOffset now)
    {
        var (due, what) = WorkItemLifecycle.AwaitingAcknowledgement.Contains(item.State) ? (item.AckDueAt, "acknowledge")
            : WorkItemLifecycle.AwaitingResolution.Contains(item.State) ? (item.ResolveDueAt, "resolve")
            : (default(DateTimeOffset?), "");
        if (due is null) return null;
        var left = due.Value - now;
        return left >= TimeSpan.Zero
            ? new($"{Span(left)} left to {what}", false)
            : new($"{what} overdue by {Span(-left)}", true);
    }

    public static string Span(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays} d {t.Hours} h" : t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes} min" : $"{Math.Max(1, (int)Math.Ceiling(t.TotalMinutes))} min";
}
