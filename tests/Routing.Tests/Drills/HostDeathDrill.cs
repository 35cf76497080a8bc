using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Reports;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Routing.Tests.Drills;

/// Two hosts share PostgreSQL; 2,000 timers fall due together and one host is killed
/// (SIGKILL) when about half have fired. The other finishes the work, and each timer's
/// effect happens once. 2,000 timers are 20 batches of 100, more than the two hosts' workers
/// (4 each) fire at once: the kill cuts batches in flight, as it did with 10,000, which cost the
/// run 90 s more (the bench measures bursts of 10,000).
[Collection(RealTime.Name)]
public sealed class HostDeathDrill(ITestOutputHelper output)
{
    const int Timers = 2_000;

    [Fact]
    public async Task Host_killed_halfway_through_2000_due_timers_leaves_each_effect_happening_once()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var receiver = await WebhookReceiver.StartAsync();
        var rules = receiver.RulesFolderFor("logistics");
        await using var store = TestStore.Postgres();
        // B takes over A's timers once they are lost: 10 s after A handed them rather than 30 s (the drill is about
        // each effect happening once; a shorter wait also hands them again sooner while they may still be firing).
        var lostAfter = new Dictionary<string, string> { ["Routing__Clock__LostAfter"] = "00:00:10" };
        await using var a = new HostProcess(store, rules, lostAfter);
        await using var b = new HostProcess(store, rules, lostAfter);
        // Started together, as a deployment starts them: one migrates the new store, the other waits its turn.
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: two hosts started");
        // Items that missed their last reminder: each timer escalates its item and tells the department.
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        var standard = TestRules.Lifecycle("standard");
        await using (var db = store.Open())
        {
            for (var i = 0; i < Timers; i++)
            {
                var report = ReportFactory.Create(new ReportSubmission($"Late deliveries {i}", $"drill-{i}", "supply", null, null, null, 1,
                    null, null, "low", null, ["ticket"], "drill", DateTimeOffset.UtcNow.AddHours(-1)), DateTimeOffset.UtcNow);
                var item = WorkItem.Open(report.Id, "logistics", "P4", new(TimeSpan.FromHours(1), TimeSpan.FromDays(5), null, null, Sla.DefaultCalendarTime), 1, standard, [], null, DateTimeOffset.UtcNow);
                db.Reports.Add(report);
                db.WorkItems.Add(item);
                db.Timers.Add(new WorkItemTimer { Id = Guid.NewGuid(), WorkItemId = item.Id, Step = "follow-up", Round = 2, DueAt = due, Status = TimerStatus.Pending });
            }
            await db.SaveChangesAsync();
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Timers} timers stored, due in {(due - DateTimeOffset.UtcNow).TotalSeconds:F1} s");

        await Eventually.HoldsAsync(async () => await FiredAsync(store) >= Timers / 2, TimeSpan.FromSeconds(120), "half the timers fire");
        await a.KillAsync();
        var firedAtKill = await FiredAsync(store);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: host A killed with {firedAtKill} of {Timers} timers fired, {receiver.Deliveries.Count} webhooks received");
        Assert.True(firedAtKill < Timers, "the kill came after every timer had fired: the drill proves nothing");

        await Eventually.HoldsAsync(async () => await FiredAsync(store) == Timers, TimeSpan.FromSeconds(240), "host B fires every timer",
            async () => $"{await FiredAsync(store)} fired\n{b.Output}");
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: every timer fired, {receiver.Deliveries.Count} webhooks received");
        await Eventually.HoldsAsync(
            async () =>
            {
                await using var db = store.Open();
                return !await db.Notifications.AnyAsync(n => n.Status == Engine.Notifications.NotificationStatus.Pending ||
                                                             n.Status == Engine.Notifications.NotificationStatus.Sending);
            },
            // The drill proves each effect happens once, not how fast: with the rest of a full run beside it on two
            // cores, B's deliveries took minutes.
            TimeSpan.FromSeconds(360), "host B delivers every notification",
            async () => $"{await FiredAsync(store)} fired, {receiver.Deliveries.Count} webhooks\n{b.Output}");

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: every notification delivered");
        await using (var db = store.Open())
        {
            var fired = await db.History.Where(e => e.Kind == HistoryKinds.TimerFired).Select(e => e.Data).ToListAsync();
            Assert.Equal(Timers, fired.Count);
            Assert.Equal(Timers, fired.Select(d => (string)JsonNode.Parse(d)!["timer"]!).Distinct().Count());
            Assert.Equal(Timers, await db.History.CountAsync(e => e.Kind == HistoryKinds.Escalated));
            Assert.Equal(Timers, await db.WorkItems.CountAsync(w => w.State == "Escalated"));

            // Every escalation told logistics once per event id; a delivery cut off by the kill
            // (sent, not yet recorded) is sent again with the same id, so receivers can drop it.
            var escalations = await db.Notifications.Where(n => n.Event == "escalated" && n.Department == "logistics")
                .Select(n => n.Id.ToString()).ToListAsync();
            var deliveries = receiver.Deliveries.Where(d => d.Event == "escalated").ToList();
            Assert.Equal(Timers, escalations.Count);
            Assert.Equal(escalations.Order(), deliveries.Select(d => d.EventId).Distinct().Order());
            output.WriteLine($"{deliveries.Count} deliveries for {escalations.Count} escalations");
            Assert.True(deliveries.Count - escalations.Count <= 200, $"{deliveries.Count - escalations.Count} repeated deliveries");
        }
        Directory.Delete(rules, recursive: true);
    }

    static async Task<int> FiredAsync(TestStore store)
    {
        await using var db = store.Open();
        return await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired);
    }
}
