using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Timers driven by a fake clock: reminders, escalation, resolution checks and recurrences.
public abstract class TimerTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    // A P3 item: acknowledge within 2 days, follow up every day, resolve within 14 days.
    static readonly TimeSpan AckWithin = TimeSpan.FromDays(2);
    static readonly TimeSpan FollowUpEvery = TimeSpan.FromDays(1);

    async Task<string> NewItemAsync(JsonObject? report = null) =>
        (string)(await client.SubmitAsync(report ?? Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;

    static string[] Reminders(JsonArray timeline) => timeline.Kinds().Where(k => k == "work-item.reminded").ToArray();

    [Fact]
    public async Task Unacknowledged_item_is_reminded_twice_then_escalated()
    {
        var id = await NewItemAsync();

        await fixture.AdvanceAsync(AckWithin - TimeSpan.FromMinutes(1));
        Assert.Empty(Reminders(await client.TimelineAsync(id)));

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(Reminders(await client.TimelineAsync(id)));
        Assert.Equal("Routed", (await client.GetItemAsync(id)).State());

        await fixture.AdvanceAsync(FollowUpEvery);
        Assert.Equal(2, Reminders(await client.TimelineAsync(id)).Length);
        Assert.Equal("Routed", (await client.GetItemAsync(id)).State());

        await fixture.AdvanceAsync(FollowUpEvery);
        var item = await client.GetItemAsync(id);
        Assert.Equal("Escalated", item.State());
        var timeline = await client.TimelineAsync(id);
        var escalation = timeline.Single(e => (string)e!["kind"]! == "work-item.escalated")!;
        Assert.Equal("system:timer", (string)escalation["actor"]!);
        Assert.Equal("Routed", (string)escalation["data"]!["before"]!);
        var told = timeline.Where(e => (string)e!["kind"]! == "notification.attempted" && (string)e["data"]!["event"]! == "escalated")
            .Select(e => (Department: (string)e!["department"]!, Outcome: (string)e["data"]!["outcome"]!));
        // The department and its escalation contact (the CSM leads in triage) are both told.
        Assert.Equal([("logistics", "Delivered"), ("triage", "Delivered")], told.OrderBy(t => t.Department));
    }

    [Fact]
    public async Task Acknowledged_item_gets_no_reminder()
    {
        var id = await NewItemAsync();
        await client.DoAsync(id, "acknowledge");

        await fixture.AdvanceAsync(AckWithin + FollowUpEvery * 3);

        Assert.Empty(Reminders(await client.TimelineAsync(id)));
        Assert.Equal("Acknowledged", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task Item_not_resolved_by_its_due_time_is_escalated()
    {
        var id = await NewItemAsync();
        await client.DoAsync(id, "acknowledge");
        await client.DoAsync(id, "start");

        await fixture.AdvanceAsync(TimeSpan.FromDays(14));

        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());
        Assert.Contains("resolve", (await client.GetItemAsync(id))["allowedActions"].Strings());
    }

    [Fact]
    public async Task Resolved_item_without_recurrence_is_verified_after_the_check()
    {
        var id = await NewItemAsync();
        await client.DoAsync(id, "acknowledge");
        await client.DoAsync(id, "resolve", "fixed");

        await fixture.AdvanceAsync(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Equal("Resolved", (await client.GetItemAsync(id)).State());

        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        var item = await client.GetItemAsync(id);
        Assert.Equal("Verified", item.State());
        Assert.Equal(["comment"], item["allowedActions"].Strings());
    }

    [Fact]
    public async Task P1_item_is_checked_a_week_after_resolution()
    {
        var id = await NewItemAsync(Reports.Valid("supply", "critical"));
        await client.DoAsync(id, "acknowledge");
        await client.DoAsync(id, "resolve", "fixed");

        await fixture.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal("Verified", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task Pattern_that_returns_after_resolution_reopens_the_item_with_a_fresh_sla()
    {
        var report = Reports.Valid("supply", "medium").With("segment.region", "Ohio");
        var id = await NewItemAsync(report);
        await client.DoAsync(id, "acknowledge");
        await client.DoAsync(id, "resolve", "fixed");
        await fixture.AdvanceAsync(TimeSpan.FromDays(3));

        var again = await client.SubmitAsync(report.DeepClone());
        Assert.True((bool)again.Item("logistics")["recurrence"]!);
        Assert.Equal(id, (string)again.Item("logistics")["id"]!);

        await fixture.AdvanceAsync(TimeSpan.FromDays(11));
        var item = await client.GetItemAsync(id);
        Assert.Equal("Reopened", item.State());
        Assert.Equal(fixture.Clock.GetUtcNow() + AckWithin, DateTimeOffset.Parse((string)item["ackDueAt"]!));
        Assert.Contains("work-item.reopened", (await client.TimelineAsync(id)).Kinds());
    }

    [Fact]
    public async Task Same_pattern_while_open_attaches_as_a_recurrence_instead_of_a_duplicate()
    {
        var report = Reports.Valid("supply", "high").With("segment.region", "Texas");
        var first = await client.SubmitAsync(report);
        var second = await client.SubmitAsync(report.DeepClone());

        var id = (string)first.Item("logistics")["id"]!;
        Assert.Equal(id, (string)second.Item("logistics")["id"]!);
        Assert.True((bool)second.Item("logistics")["recurrence"]!);
        var product = (string)report["product"]!;
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.WorkItems.CountAsync(
            w => db.Reports.Any(r => r.Id == w.ReportId && r.Product == product))));
        Assert.Contains("work-item.recurred", (await client.TimelineAsync(id)).Kinds());
    }

    [Fact]
    public async Task Every_move_by_a_person_or_a_timer_bumps_the_version_once_and_leaves_the_timers_its_state_needs()
    {
        var report = Reports.Valid("supply", "medium").With("segment.region", "Nevada");
        var id = Guid.Parse(await NewItemAsync(report));
        async Task<(string State, int Version, DateTimeOffset UpdatedAt, string Pending)> ReadAsync() =>
            await fixture.WithStoreAsync(async db =>
            {
                var item = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == id);
                var pending = await db.Timers.Where(t => t.WorkItemId == id && t.Status == TimerStatus.Pending)
                    .Select(t => t.Step).ToListAsync();
                return (item.State.ToString(), item.Version, item.UpdatedAt, string.Join(" ", pending.Order()));
            });

        // A timer escalates (two reminders change no version): the resolution stays due.
        await fixture.AdvanceAsync(AckWithin + FollowUpEvery * 2);
        Assert.Equal(("Escalated", 2, fixture.Clock.GetUtcNow(), "resolution-due"), await ReadAsync());

        // A person resolves: only the check is left.
        await client.DoAsync(id.ToString(), "resolve", "fixed");
        var resolved = await ReadAsync();
        Assert.Equal(("Resolved", 3, "resolution-check"), (resolved.State, resolved.Version, resolved.Pending));

        // The pattern returns and a timer reopens: reminders and the resolution are due again.
        await fixture.AdvanceAsync(TimeSpan.FromDays(1));
        await client.SubmitAsync(report.DeepClone());
        await fixture.AdvanceAsync(TimeSpan.FromDays(13));
        Assert.Equal(("Reopened", 4, fixture.Clock.GetUtcNow(), "follow-up resolution-due"), await ReadAsync());

        // A person cancels: nothing is left to fire.
        await client.DoAsync(id.ToString(), "cancel", "a duplicate");
        var cancelled = await ReadAsync();
        Assert.Equal(("Cancelled", 5, ""), (cancelled.State, cancelled.Version, cancelled.Pending));
    }

    [Fact]
    public async Task A_timer_fires_once_however_often_it_is_run()
    {
        var id = Guid.Parse(await NewItemAsync());
        var timers = await fixture.WithStoreAsync(db => db.Timers.Where(t => t.WorkItemId == id).Select(t => t.Id).ToListAsync());
        fixture.Clock.Advance(AckWithin);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var firing = scope.ServiceProvider.GetRequiredService<Routing.Workflows.Timers.TimerFiring>();
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                await using var own = fixture.App.Services.CreateAsyncScope();
                await own.ServiceProvider.GetRequiredService<Routing.Workflows.Timers.TimerFiring>().FireAsync(timers, CancellationToken.None);
            }));
            await firing.FireAsync(timers, CancellationToken.None);
        }

        Assert.Single(Reminders(await client.TimelineAsync(id.ToString())));
        var followUp = await fixture.WithStoreAsync(db => db.Timers.SingleAsync(t => t.WorkItemId == id && t.Step == "follow-up" && t.Round == 0));
        Assert.Equal(TimerStatus.Fired, followUp.Status);
    }

    // A burst that takes longer than LostAfter (30 s) to fire: the dispatch every 15 s handed its
    // timers to Hangfire again while their jobs still ran, and each batch was fired twice.
    [Fact]
    public async Task A_timer_handed_to_the_scheduler_is_handed_again_only_once_it_is_lost()
    {
        var id = Guid.Parse(await NewItemAsync());
        fixture.Clock.Advance(AckWithin + TimeSpan.FromMinutes(1));
        async Task<DateTimeOffset?> DispatchAsync(TimeSpan after)
        {
            fixture.Clock.Advance(after);
            await using var scope = fixture.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Routing.Workflows.Timers.TimerDispatcher>().DispatchAsync(CancellationToken.None);
            return await fixture.WithStoreAsync(db => db.Timers.Where(t => t.WorkItemId == id && t.Step == "follow-up")
                .Select(t => t.HandedOffAt).SingleAsync());
        }

        var handed = await DispatchAsync(TimeSpan.Zero);
        Assert.Equal(fixture.Clock.Now(), handed);
        // Its job is still running 15 s later (overdue by more than 30 s), and 29 s later.
        Assert.Equal(handed, await DispatchAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(handed, await DispatchAsync(TimeSpan.FromSeconds(14)));
        // 31 s after it was handed, still pending: that job was lost, and the timer is handed again.
        var again = await DispatchAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(fixture.Clock.Now(), again);
    }

    // The job that fires a reminder delivers its notification: the dispatch handed each of a burst's
    // 10,000 notifications to Hangfire a second time, with a job of its own per hundred.
    [Fact]
    public async Task A_notification_a_timer_queued_is_handed_again_only_once_it_is_lost()
    {
        var id = Guid.Parse(await NewItemAsync());
        fixture.Clock.Advance(AckWithin + TimeSpan.FromMinutes(1));
        async Task<DateTimeOffset?> HandedAsync() => await fixture.WithStoreAsync(db => db.Notifications
            .Where(n => n.WorkItemId == id && n.Event == "reminder").Select(n => n.HandedOffAt).Distinct().SingleAsync());
        async Task DispatchAsync(TimeSpan after)
        {
            fixture.Clock.Advance(after);
            await using var scope = fixture.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Routing.Workflows.Timers.TimerDispatcher>().DispatchAsync(CancellationToken.None);
        }
        await fixture.WithStoreAsync(async db =>
        {
            var due = await db.Timers.Where(t => t.WorkItemId == id && t.Step == "follow-up").Select(t => t.Id).ToListAsync();
            await using var scope = fixture.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Routing.Workflows.Timers.TimerFiring>().FireAsync(due, CancellationToken.None);
        });

        var fired = fixture.Clock.Now();
        Assert.Equal(fired, await HandedAsync());
        await DispatchAsync(TimeSpan.Zero);
        await DispatchAsync(TimeSpan.FromSeconds(29));
        Assert.Equal(fired, await HandedAsync());
        // Its delivery job was lost: the dispatch hands it again.
        await DispatchAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(fixture.Clock.Now(), await HandedAsync());
    }
}

public sealed class TimersOnSqlite(SqliteFixture fixture) : TimerTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TimersOnPostgres(PostgresFixture fixture) : TimerTests(fixture), IClassFixture<PostgresFixture>;
