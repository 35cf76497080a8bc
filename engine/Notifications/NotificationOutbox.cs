using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Notifications;

/// Queues work-item events for delivery in the caller's transaction. Everything a delivery
/// sends is fixed here, when the event happens: the payload, whom it goes to and why, and the
/// target (the ruleset version whose configuration of that department delivers it). One row per
/// channel: a department that also subscribes to the event by e-mail gets a second row, so a
/// retry of one never sends the other again.
internal sealed class NotificationOutbox(IDepartmentDirectory departments, IOptions<PublicUrlOptions> links, IOptions<EmailOptions> email)
{
    public const string EmailChannel = "email";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// Queues an event about the item for its own department, or for `to` (its escalation contact):
    /// the department's row first, then its e-mail row when its contact subscribes to the event.
    /// effectiveness: how a resolution check judged the fix (verified, reopened, inconclusive).
    public IReadOnlyList<Notification> Queue(
        RoutingDb db, string @event, WorkItem item, DateTimeOffset now, string? to = null, EffectivenessOutcome? effectiveness = null)
    {
        var department = to ?? item.Department;
        var role = to is null || to == item.Department ? RecipientRoles.Owner : RecipientRoles.Escalation;
        var report = ReportOf(db, item);
        List<Notification> rows = [Add(db, @event, item, report, now, department, role, effectiveness)];
        if (email.Value.Enabled && departments.Find(department) is { Email: { } subscription, Contact: { } contact } && subscription.Wants(@event))
            rows.Add(Add(db, @event, item, report, now, department, role, effectiveness, contact));
        return rows;
    }

    /// Queues an outcome of the item (NotificationEvents.SubmitterEvents) for the CSM who submitted its
    /// report, by e-mail, when their key (live) has an address; null otherwise. The address is fixed
    /// in the row now; the history names the key.
    public HistoryEntry? QueueSubmitter(RoutingDb db, string @event, WorkItem item, DateTimeOffset now, EffectivenessOutcome? effectiveness = null)
    {
        if (!email.Value.Enabled) return null;
        var report = ReportOf(db, item);
        if (report.SubmittedBy is not { } name) return null;
        var address = db.Tracked<Access.ApiKey>().FirstOrDefault(k => k.Name == name && k.RevokedAt == null)?.Email
            ?? db.ApiKeys.AsNoTracking().Where(k => k.Name == name && k.RevokedAt == null).Select(k => k.Email).FirstOrDefault();
        if (address is null) return null;
        var n = Add(db, @event, item, report, now, item.Department, RecipientRoles.Submitter, effectiveness, address);
        return Queued(n, item, to: name);
    }

    /// The history of a queued row: whom it is for (a department, or the submitting key's name; never an address).
    public static HistoryEntry Queued(Notification n, WorkItem item, string? to = null) =>
        new("system:notifier", new NotificationQueued(n.Id, n.Event, to ?? n.Department, n.Role) { Channel = n.Channel },
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);

    sealed record ReportFacts(string Title, string Product, string Category, string? SubmittedBy);

    // The report the caller tracks (added at intake, read by a timer firing) is found by its key,
    // without a query and without the scan for changes DbSet.Local makes: a burst of reminders
    // queues thousands. Otherwise it is read, once per transaction.
    static ReportFacts ReportOf(RoutingDb db, WorkItem item) =>
        db.Reports.Find(item.ReportId) is { } report
            ? new(report.Title, report.Product, report.Category, report.SubmittedBy)
            : throw new InvalidOperationException($"Work item {item.Id} names report {item.ReportId}, which is not stored.");

    Notification Add(RoutingDb db, string @event, WorkItem item, ReportFacts report, DateTimeOffset now, string department, string role,
        EffectivenessOutcome? effectiveness, string? address = null)
    {
        var n = new Notification
        {
            Id = Guid.CreateVersion7(now),
            Event = @event,
            Department = department,
            Role = role,
            RulesetVersion = departments.Version,
            Channel = address is null ? null : EmailChannel,
            To = address,
            WorkItemId = item.Id,
            ReportId = item.ReportId,
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            Payload = "",
        };
        var urls = links.Value;
        n.Payload = JsonSerializer.Serialize(new WebhookPayload(NotificationEvents.TypeOf(n.Event), now, new WorkItemEvent(
            WorkItemEvent.Version, n.Id, n.Event, n.Department, n.Role, item.Id, item.ReportId,
            report.Title, report.Product, report.Category, item.Department, item.State, item.Priority, item.AckDueAt, item.ResolveDueAt,
            new WebhookLinks(urls.Link($"/api/work-items/{item.Id}"), urls.Link($"/api/reports/{item.ReportId}"), urls.Link($"/console/items/{item.Id}")))
        {
            Effectiveness = effectiveness,
        }), Json);
        db.Notifications.Add(n);
        return n;
    }
}
