using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Routing.Engine.Notifications;
using Routing.Tests.Infrastructure;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Notifications;

/// Department heads and CSMs hear of their work by e-mail, through a real SMTP server: the messages
/// are read back from it. Every attempt is in history, which names no address.
public abstract class EmailTests(EmailFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static string Console(string item) => $"{EmailFixture.PublicUrl}/console/items/{item}";

    static List<MimeMessage> About(string address, string item) =>
        [.. TestMailbox.To(address).Where(m => m.TextBody!.Contains(Console(item), StringComparison.Ordinal))];

    /// The event a message is about, from its subject: "[Routing] P1 escalated: …".
    static string EventOf(MimeMessage m) => m.Subject!.Split(' ')[2].TrimEnd(':');

    async Task<JsonNode[]> AttemptsAsync(string item) =>
        [.. (await admin.TimelineAsync(item)).Where(e => (string)e!["kind"]! == "notification.attempted").Select(e => e!["data"]!)];

    [Fact]
    public async Task Subscribed_events_reach_the_department_contact_as_text_and_html_with_the_console_link()
    {
        var title = $"<script>alert('x')</script> Fan & grille {Guid.NewGuid():N}"[..60];
        var item = (string)(await admin.SubmitAsync(Reports.Valid("design", "critical").With("title", title))).Item("rnd")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);

        var routed = Assert.Single(About(fixture.Rnd, item));
        Assert.Equal($"[Routing] P1 routed: {title} (Research & Development)", routed.Subject);
        Assert.Contains(title, routed.TextBody);
        Assert.Contains("A new P1 work item for Research & Development.", routed.TextBody);
        // The HTML says the same, every value encoded: the title is text, never markup.
        Assert.Contains($"href=\"{Console(item)}\"", routed.HtmlBody);
        Assert.DoesNotContain("<script>", routed.HtmlBody);
        Assert.Contains("&lt;script&gt;", routed.HtmlBody);
        Assert.Contains("Research &amp; Development", routed.HtmlBody);
        Assert.Equal("Routing", routed.From.Mailboxes.Single().Name);
        Assert.EndsWith("@routing", routed.MessageId);

        // Reminders are not subscribed to; the escalation is, once the due times pass.
        await fixture.AdvanceAsync(TimeSpan.FromDays(4));
        Assert.Equal("Escalated", (await admin.GetItemAsync(item)).State());
        Assert.Equal(["routed", "escalated"], About(fixture.Rnd, item).Select(EventOf));
        Assert.Contains("This work item escalated", About(fixture.Rnd, item)[1].TextBody);

        // R&D has no webhook: its own row is logged, as before e-mail; each e-mail is an attempt of its own.
        var attempts = await AttemptsAsync(item);
        Assert.Contains(attempts, a => (string)a["channel"]! == "log" && (string)a["event"]! == "reminder");
        Assert.Equal(["routed", "escalated"], attempts.Where(a => (string)a["channel"]! == "email").Select(a => (string)a["event"]!));
        Assert.All(attempts, a => Assert.Equal("Delivered", (string)a["outcome"]!));
    }

    [Fact]
    public async Task Every_attempt_is_in_history_a_refused_address_runs_out_and_history_names_no_address()
    {
        var later = (string)(await admin.SubmitAsync(Reports.Valid("marketing"))).Item("marketing")["id"]!;
        var refused = (string)(await admin.SubmitAsync(Reports.Valid("pricing"))).Item("strategy")["id"]!;

        await fixture.AdvanceAsync(TimeSpan.Zero);
        await fixture.AdvanceAsync(NotificationDelivery.Backoff(1));
        var tried = (await AttemptsAsync(later)).Where(a => (string)a["channel"]! == "email").ToList();
        Assert.Equal([(1, "Pending", "SMTP 451"), (2, "Pending", "SMTP 451")],
            tried.Select(a => ((int)a["attempts"]!, (string)a["outcome"]!, (string)a["error"]!)));
        for (var attempt = 2; attempt < NotificationDelivery.MaxAttempts; attempt++)
            await fixture.AdvanceAsync(NotificationDelivery.Backoff(attempt));

        var failed = (await AttemptsAsync(refused)).Where(a => (string)a["channel"]! == "email").ToList();
        Assert.Equal(NotificationDelivery.MaxAttempts, failed.Count);
        Assert.All(failed, a => Assert.Equal("SMTP 550", (string)a["error"]!));
        Assert.Equal("Failed", (string)failed[^1]["outcome"]!);
        Assert.Empty(TestMailbox.To(fixture.Strategy));

        await fixture.SealHistoryAsync();
        Assert.True((bool)(await admin.GetJsonAsync("/api/history/verify"))["ok"]!);
        foreach (var item in new[] { later, refused })
        {
            var history = await admin.GetStringAsync($"/api/history?workItemId={item}");
            Assert.DoesNotContain("@example.test", history);
        }
        Assert.DoesNotContain(fixture.Strategy, fixture.App.Logs.All);
        Assert.DoesNotContain(fixture.Marketing, fixture.App.Logs.All);
    }

    [Fact]
    public async Task The_submitting_csm_hears_routed_resolved_reopened_and_verified_and_a_key_without_an_address_hears_nothing()
    {
        var address = TestMailbox.NewAddress("csm");
        var csm = fixture.App.ClientWithKey(await CreateKeyAsync("csm", address));
        var silent = fixture.App.ClientWithKey(await CreateKeyAsync("csm", email: null));
        var report = Reports.Valid("supply", "medium").With("title", $"Late pallets {Guid.NewGuid():N}").With("segment.region", "Ohio");
        var item = (string)(await csm.SubmitAsync(report)).Item("logistics")["id"]!;
        var other = (string)(await silent.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);

        await admin.DoAsync(item, "acknowledge");
        await admin.DoAsync(item, "resolve", "new supplier");
        await fixture.AdvanceAsync(TimeSpan.FromDays(3));
        await csm.SubmitAsync(report.DeepClone()); // the pattern comes back: the check reopens the item
        await fixture.AdvanceAsync(TimeSpan.FromDays(11));
        Assert.Equal("Reopened", (await admin.GetItemAsync(item)).State());
        await admin.DoAsync(item, "acknowledge");
        await admin.DoAsync(item, "resolve", "second supplier");
        await fixture.AdvanceAsync(TimeSpan.FromDays(15));
        Assert.Equal("Verified", (await admin.GetItemAsync(item)).State());

        var mails = About(address, item);
        Assert.Equal(["routed", "resolved", "reopened", "resolved", "verified"], mails.Select(EventOf));
        Assert.Contains("Your report went to Logistics", mails[0].TextBody!);
        Assert.Contains("you submitted the report", mails[0].TextBody);
        Assert.All(mails, m => Assert.Contains(Console(item), m.HtmlBody));
        Assert.DoesNotContain(TestMailbox.To(address), m => m.TextBody!.Contains(other, StringComparison.Ordinal));
        // History says who was told by the key's name, never the address.
        var history = await admin.GetStringAsync($"/api/history?workItemId={item}");
        Assert.Contains("who submitted the report", history);
        Assert.DoesNotContain(address, history);
    }

    [Fact]
    public async Task The_daily_digest_lists_new_due_and_overdue_items_once_and_an_empty_department_gets_none()
    {
        string Title(string what) => $"Digest {what} {Guid.NewGuid():N}";
        var (overdue, due, later) = (Title("overdue"), Title("due"), Title("later"));
        await admin.SubmitAsync(Reports.Valid("other", "critical").With("title", overdue)); // P1: acknowledge within 4 h
        await admin.SubmitAsync(Reports.Valid("other", "high").With("title", due)); // P2: within a day
        await admin.SubmitAsync(Reports.Valid("other", "low").With("title", later)); // P4: within 5 days
        // The job runs 23 h later (nothing fired meanwhile): its day began before the items came in.
        fixture.Clock.Advance(TimeSpan.FromHours(23));

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var digests = scope.ServiceProvider.GetRequiredService<EmailDigests>();
            Assert.Equal(1, await digests.RunAsync("daily", CancellationToken.None));
            Assert.Equal(0, await digests.RunAsync("daily", CancellationToken.None)); // a second run (another host) queues nothing
            // A run 70 minutes late (a retry, a busy host) reports on the same day: the same digest, not a second one.
            fixture.Clock.Advance(TimeSpan.FromMinutes(70));
            Assert.Equal(0, await digests.RunAsync("daily", CancellationToken.None));
        }
        await fixture.AdvanceAsync(TimeSpan.Zero);

        var digest = Assert.Single(TestMailbox.To(fixture.Triage), m => m.TextBody!.Contains(overdue, StringComparison.Ordinal));
        Assert.Equal("[Routing] Daily digest for Customer service triage: 3 new, 1 falling due, 1 overdue", digest.Subject);
        var text = digest.TextBody!;
        string Section(string heading, string? next) =>
            text[text.IndexOf($"\n{heading} (", StringComparison.Ordinal)..(next is null ? text.IndexOf("\nOpen the inbox", StringComparison.Ordinal) : text.IndexOf($"\n{next} (", StringComparison.Ordinal))];
        Assert.All(new[] { overdue, due, later }, t => Assert.Contains(t, Section("New", "Falling due")));
        Assert.Contains(due, Section("Falling due", "Overdue"));
        Assert.DoesNotContain(overdue, Section("Falling due", "Overdue"));
        Assert.Contains(overdue, Section("Overdue", null));
        Assert.DoesNotContain(later, Section("Overdue", null));
        Assert.Contains($"{EmailFixture.PublicUrl}/console/inbox", text);
        Assert.Contains($"href=\"{EmailFixture.PublicUrl}/console/items/", digest.HtmlBody);
        Assert.Empty(TestMailbox.To(fixture.Sales));
    }

    [Fact]
    public async Task A_stored_address_the_mail_library_cannot_parse_runs_out_to_failed_with_every_attempt_in_history()
    {
        var item = Guid.Parse((string)(await admin.SubmitAsync(Reports.Valid("design", "critical"))).Item("rnd")["id"]!);
        // An address queued before it was refused up front (an older release's key), written as the store holds it.
        var id = Guid.NewGuid();
        await fixture.WithStoreAsync(async db =>
        {
            var routed = await db.Notifications.AsNoTracking().FirstAsync(n => n.WorkItemId == item && n.Channel == NotificationOutbox.EmailChannel);
            db.Notifications.Add(new Notification
            {
                Id = id, Event = routed.Event, Department = routed.Department, Role = RecipientRoles.Submitter, RulesetVersion = routed.RulesetVersion,
                Channel = routed.Channel, To = "a.@example.test", WorkItemId = item, ReportId = routed.ReportId, Payload = routed.Payload,
                Status = NotificationStatus.Pending, CreatedAt = fixture.Clock.GetUtcNow(), NextAttemptAt = fixture.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        await fixture.AdvanceAsync(TimeSpan.Zero);
        for (var attempt = 1; attempt < NotificationDelivery.MaxAttempts; attempt++)
            await fixture.AdvanceAsync(NotificationDelivery.Backoff(attempt));

        var tried = (await AttemptsAsync(item.ToString())).Where(a => (Guid)a["eventId"]! == id).ToList();
        Assert.Equal(NotificationDelivery.MaxAttempts, tried.Count);
        Assert.All(tried, a => Assert.Equal("address not accepted", (string)a["error"]!));
        Assert.Equal("Failed", (string)tried[^1]["outcome"]!);
        Assert.Equal(NotificationStatus.Failed, await fixture.WithStoreAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_key_carries_an_email_address_that_admins_see_and_a_bad_one_is_refused_by_field()
    {
        var address = TestMailbox.NewAddress("dana");
        var created = await admin.PostAsJsonAsync("/api/keys", new { name = $"Dana {Guid.NewGuid():N}"[..20], role = "csm", email = address });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var listed = JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray().Single(k => (string)k!["id"]! == id)!;
        Assert.Equal(address, (string)listed["email"]!);
        // Not in the key's history: an address is personal data, and history is never erased.
        Assert.DoesNotContain(address, await admin.GetStringAsync("/api/history?kind=key.created"));

        // "dana.@example.test": .NET takes it, MimeKit (which sends) does not.
        foreach (var bad in new[] { "dana", "dana.@example.test", "Dana <dana@example.test>", "dana@example.test\r\nBcc: all@example.test", new string('d', 250) + "@x.test" })
        {
            var refused = await admin.PostAsJsonAsync("/api/keys", new { name = $"Bad {Guid.NewGuid():N}"[..20], role = "csm", email = bad });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["email"]);
        }
    }

    [Fact]
    public async Task A_subscription_needs_an_address_for_contact_known_events_and_an_hourly_or_daily_digest()
    {
        var active = await admin.GetJsonAsync("/api/rules");
        var draft = new JsonObject { ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone() };
        JsonObject Department(string id) => draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();
        Department("logistics")["contact"] = "the logistics desk";
        Department("logistics")["email"] = new JsonObject { ["events"] = new JsonArray("routed") };
        Department("sales")["email"] = new JsonObject { ["events"] = new JsonArray("routed", "closed"), ["digest"] = "weekly" };
        Department("rnd")["email"] = new JsonObject { ["events"] = new JsonArray("routed", null) };

        var response = await admin.PostAsJsonAsync("/api/rules/versions", draft);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("the department's contact must be an e-mail address", body);
        Assert.Contains("email.events names 'closed'", body);
        Assert.Contains("email.digest is 'weekly'", body);
        Assert.Contains("email.events names 'null'", body);
    }

    async Task<string> CreateKeyAsync(string role, string? email)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = $"{role}-{Guid.NewGuid():N}"[..20], role, email });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!;
    }
}

public sealed class EmailOnSqlite(SqliteEmailFixture fixture) : EmailTests(fixture), IClassFixture<SqliteEmailFixture>;

public sealed class EmailOnPostgres(PostgresEmailFixture fixture) : EmailTests(fixture), IClassFixture<PostgresEmailFixture>;
