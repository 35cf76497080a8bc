using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cronos;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Store;

namespace Routing.Workflows.Notifications;

/// Queues each subscribing department's digest (EmailSubscription.Digest) for the period just
/// ended, as recurring Hangfire jobs: hourly at the top of the hour, daily at DailyDigestCron. A
/// period's digest has one id, made from the department and the period, so a job run twice (two
/// hosts, a retry) queues it once; an empty digest is not sent. Delivery is the outbox's.
internal sealed class EmailDigests(
    RoutingDb db, HistoryJournal journal, IDepartmentDirectory departments, IOptions<EmailOptions> email, IOptions<PublicUrlOptions> links,
    TimeProvider clock)
{
    public const string HourlyJobId = "email-digest-hourly", DailyJobId = "email-digest-daily", HourlyCron = "0 * * * *";

    /// The digest jobs where e-mail is configured (in DigestTimeZone); with e-mail turned off, their jobs go.
    public static void Register(IRecurringJobManager recurring, EmailOptions options)
    {
        if (!options.Enabled)
        {
            recurring.RemoveIfExists(HourlyJobId);
            recurring.RemoveIfExists(DailyJobId);
            return;
        }
        var zone = new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.DigestTimeZone) };
        recurring.AddOrUpdate<EmailDigests>(HourlyJobId, j => j.RunAsync(EmailSubscription.Hourly, CancellationToken.None), HourlyCron, zone);
        recurring.AddOrUpdate<EmailDigests>(DailyJobId, j => j.RunAsync(EmailSubscription.Daily, CancellationToken.None), options.DailyDigestCron, zone);
    }

    /// Queues the digests of this kind (hourly or daily) due now; returns how many were queued.
    public async Task<int> RunAsync(string digest, CancellationToken ct)
    {
        if (!email.Value.Enabled) return 0;
        var o = email.Value;
        if (Period(digest == EmailSubscription.Hourly ? HourlyCron : o.DailyDigestCron, TimeZoneInfo.FindSystemTimeZoneById(o.DigestTimeZone), clock.Now())
            is not var (from, to)) return 0;
        var queued = 0;
        foreach (var department in departments.All.Where(d => d.Email?.Digest == digest && EmailAddress.IsValid(d.Contact)))
            if (await QueueAsync(department, digest, from, to, ct)) queued++;
        return queued;
    }

    /// The period a run at `now` reports on: from the job's occurrence before the latest to the
    /// latest at or before now, in the digests' time zone. A late run or a retry gets the same period
    /// (and so the same id); one period starts where the last ended, across a change to or from
    /// daylight saving time too (a daily period then is 23 or 25 hours). Null for a cron that did not
    /// come twice in the 512 days before now (29 February): no digest rather than a search without end.
    internal static (DateTimeOffset From, DateTimeOffset To)? Period(string cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        // Five fields, or six with seconds, as SchedulerOptions.IsCron takes it.
        var expression = CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        for (var back = TimeSpan.FromDays(2); back <= TimeSpan.FromDays(512); back *= 2)
        {
            var last = expression.GetOccurrences(now - back, now, zone, fromInclusive: true, toInclusive: true).TakeLast(2).ToList();
            if (last.Count == 2) return (last[0], last[1]);
        }
        return null;
    }

    async Task<bool> QueueAsync(Department department, string digest, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var id = IdOf(department.Id, digest, from);
        if (await db.Notifications.AnyAsync(n => n.Id == id, ct)) return false;
        var payload = await PayloadAsync(department.Id, digest, from, to, ct);
        if (payload.IsEmpty) return false;

        var now = clock.Now();
        db.Notifications.Add(new Notification
        {
            Id = id, Event = NotificationEvents.Digest, Department = department.Id, Role = RecipientRoles.Owner, RulesetVersion = departments.Version,
            Channel = NotificationOutbox.EmailChannel, To = department.Contact, WorkItemId = Guid.Empty, ReportId = Guid.Empty,
            Status = NotificationStatus.Pending, CreatedAt = now, NextAttemptAt = now,
            Payload = JsonSerializer.Serialize(payload, NotificationOutbox.Json),
        });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await journal.AppendAsync([new("system:notifier",
            new NotificationQueued(id, NotificationEvents.Digest, department.Id, RecipientRoles.Owner) { Channel = NotificationOutbox.EmailChannel },
            Department: department.Id)], ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another host queued this period's digest meanwhile: its id is taken.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    async Task<DigestPayload> PayloadAsync(string department, string digest, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var period = to - from;
        // A department's open items are few enough (its inbox) to judge in memory.
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => w.Department == department && w.Stage != WorkItemStage.Final)
            .Join(db.Reports, w => w.ReportId, r => r.Id, (w, r) => new { w.Id, r.Title, w.Priority, w.State, w.Stage, w.CreatedAt, w.AckDueAt, w.ResolveDueAt })
            .ToListAsync(ct);
        var urls = links.Value;
        var listed = items.Select(i => (i.CreatedAt, Open: i.Stage is WorkItemStage.Acknowledgement or WorkItemStage.Resolution,
                Item: new DigestItem(i.Id, i.Title, i.Priority, i.State, i.Stage == WorkItemStage.Acknowledgement ? i.AckDueAt : i.ResolveDueAt,
                    urls.Link($"/console/items/{i.Id}"))))
            .OrderBy(i => i.Item.DueAt).ToList();
        return new(department, digest, from, to,
            Section(listed.Where(i => i.CreatedAt >= from && i.CreatedAt < to).Select(i => i.Item)),
            Section(listed.Where(i => i.Open && i.Item.DueAt >= to && i.Item.DueAt < to + period).Select(i => i.Item)),
            Section(listed.Where(i => i.Open && i.Item.DueAt < to).Select(i => i.Item)));
    }

    static DigestSection Section(IEnumerable<DigestItem> items)
    {
        var all = items.ToList();
        return new(all.Count, [.. all.Take(DigestPayload.MaxListed)]);
    }

    /// One id per department, kind and period (the first 16 bytes of a SHA-256).
    static Guid IdOf(string department, string digest, DateTimeOffset from) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"digest|{department}|{digest}|{from.UtcDateTime:O}"))[..16]);
}
