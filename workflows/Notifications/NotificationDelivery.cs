using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;

namespace Routing.Workflows.Notifications;

/// Delivers queued notifications. A notification is claimed before it is sent, so two
/// jobs or hosts never send it twice; a failed send is retried with growing pauses, and
/// every attempt is recorded in history.
internal sealed class NotificationDelivery(
    RoutingDb db,
    HistoryJournal journal,
    IDepartmentDirectory departments,
    IEnumerable<INotificationChannel> channels,
    TimeProvider clock,
    ILogger<NotificationDelivery> log)
{
    public const int MaxAttempts = 6;
    /// How long a claimed notification stays claimed; a sender that died is taken over after it.
    // Three times the webhook timeout: a live sender is done long before.
    static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    readonly INotificationChannel[] ordered = [.. channels.OrderBy(c => c.Order)];

    /// 10 s, 30 s, 90 s, 4.5 min, 13.5 min after attempts 1..5.
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(10 * Math.Pow(3, attempts - 1));

    /// Delivers those of the given notifications that are due; returns when the next retry among them is due.
    public async Task<DateTimeOffset?> DeliverAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        DateTimeOffset? retryAt = null;
        foreach (var id in ids)
            if (await DeliverOneAsync(id, ct) is { } at && (retryAt is null || at < retryAt)) retryAt = at;
        return retryAt;
    }

    /// Delivers every notification that is due now.
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.Now();
        var due = await db.Notifications.AsNoTracking()
            .Where(n => (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending) && n.NextAttemptAt <= now)
            .OrderBy(n => n.NextAttemptAt).Select(n => n.Id).ToListAsync(ct);
        await DeliverAsync(due, ct);
        return due.Count;
    }

    async Task<Department?> TargetAsync(Notification n)
    {
        if (n.RulesetVersion is not { } version) return departments.Find(n.Department);
        try
        {
            return await departments.FindAsync(version, n.Department);
        }
        catch (InvalidOperationException e)
        {
            // A stored version a newer release no longer compiles: the active webhook rather than
            // a notification stuck in Sending for good.
            log.LogWarning(e, "Notification {EventId}: ruleset version {Version} does not compile; delivering to {Department}'s active webhook",
                n.Id, version, n.Department);
            return departments.Find(n.Department);
        }
    }

    async Task<DateTimeOffset?> DeliverOneAsync(Guid id, CancellationToken ct)
    {
        var now = clock.Now();
        var claimed = await db.Notifications
            .Where(n => n.Id == id && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending) && n.NextAttemptAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, NotificationStatus.Sending)
                .SetProperty(n => n.NextAttemptAt, now + Lease)
                .SetProperty(n => n.Attempts, n => n.Attempts + 1), ct);
        if (claimed == 0) return null;
        using var trace = RoutingTelemetry.Source.StartActivity("routing.notification.deliver");

        var n = await db.Notifications.FirstAsync(x => x.Id == id, ct);
        // The department as the event's ruleset version had it: the target was fixed when the event happened.
        var department = await TargetAsync(n) ?? new Department(n.Department, n.Department, Department.Internal);
        // A row that names its channel (an e-mail) goes there; the others to the first that serves the department.
        var channel = n.Channel is { } name ? ordered.First(c => c.Name == name) : ordered.First(c => c.Serves(department));
        string? error = null;
        RoutingTelemetry.Delivering(trace, n, channel.Name);
        try
        {
            await channel.SendAsync(department, n, ct);
        }
        catch (DeliveryFailure e)
        {
            error = e.Message;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Any other failure, a channel's bug included, is an attempt too: it runs out to Failed
            // rather than leaving the row in Sending, re-claimed for good, and the rest of the pass behind it.
            error = DeliveryError.Classify(e);
        }

        var done = clock.Now();
        n.Status = error is null ? NotificationStatus.Delivered
            : n.Attempts >= MaxAttempts ? NotificationStatus.Failed
            : NotificationStatus.Pending;
        n.NextAttemptAt = n.Status == NotificationStatus.Pending ? done + Backoff(n.Attempts) : done;
        n.HandedOffAt = null;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await journal.AppendAsync(
        [
            new("system:notifier", new NotificationAttempted(n.Id, n.Event, channel.Name, n.Attempts, n.Status, error),
                // A digest is about many items: its row holds Guid.Empty for none.
                ReportId: n.ReportId == Guid.Empty ? null : n.ReportId, WorkItemId: n.WorkItemId == Guid.Empty ? null : n.WorkItemId,
                Department: n.Department),
        ], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        RoutingTelemetry.Delivered(trace, channel.Name, n.Status, error);

        if (error is not null)
            log.LogWarning("Notification {EventId} to {Department} failed (attempt {Attempt}): {Error}", n.Id, n.Department, n.Attempts, error);
        return n.Status == NotificationStatus.Pending ? n.NextAttemptAt : null;
    }
}
