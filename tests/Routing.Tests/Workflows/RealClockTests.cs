using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Hangfire as the real clock: timers fire in real time, after restarts and across hosts.
[Collection(RealTime.Name)]
public sealed class RealClockTests
{
    [Fact]
    public async Task Restarted_embedded_host_still_fires_pending_timers_once()
    {
        var rules = ShortSlaRules.Create(TimeSpan.FromSeconds(8));
        await using var store = TestStore.Sqlite();
        string id;
        DateTimeOffset ackDueAt;
        await using (var first = new RoutingApplication(store, clock: null, rules))
        {
            var item = (await first.CreateClient().SubmitAsync(Reports.Valid("supply"))).Item("logistics");
            id = (string)item["id"]!;
            ackDueAt = DateTimeOffset.Parse((string)item["ackDueAt"]!);
        }
        Assert.True(DateTimeOffset.UtcNow < ackDueAt, "the first host must stop before the timer is due");

        await using var second = new RoutingApplication(store, clock: null, rules);
        var client = second.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetItemAsync(id)).State() == "Escalated",
            TimeSpan.FromSeconds(30), "the item escalates after two reminders");

        var kinds = (await client.TimelineAsync(id)).Kinds();
        Assert.Equal(2, kinds.Count(k => k == "work-item.reminded"));
        Assert.Equal(1, kinds.Count(k => k == "work-item.escalated"));
        Assert.Equal(3, kinds.Count(k => k == "timer.fired"));
        Directory.Delete(rules, recursive: true);
    }

    [Fact]
    public async Task Two_hosts_on_one_postgres_fire_each_timer_effect_exactly_once()
    {
        const int Items = 100;
        await using var receiver = await WebhookReceiver.StartAsync();
        // Logistics counts its due times on a calendar (around the clock, so seconds stay seconds).
        var rules = ShortSlaRules.Create(TimeSpan.FromSeconds(4), receiver.DepartmentsWithWebhook("logistics")
            .Replace("\"id\": \"logistics\",", "\"id\": \"logistics\", \"calendar\": \"always\","));
        await using var store = TestStore.Postgres();
        // Two processes, as two hosts run: nothing shared but the store.
        await using var a = new HostProcess(store, rules);
        await using var b = new HostProcess(store, rules);
        await a.StartAsync();
        await b.StartAsync();
        var clientA = a.Client();
        var clientB = b.Client();

        var ids = new List<string>();
        foreach (var chunk in Enumerable.Range(0, Items).Chunk(10))
        {
            var receipts = await Task.WhenAll(chunk.Select(i => (i % 2 == 0 ? clientA : clientB).SubmitAsync(Reports.Valid("supply"))));
            ids.AddRange(receipts.Select(r => (string)r.Item("logistics")["id"]!));
        }

        async Task<T> Read<T>(Func<RoutingDb, Task<T>> read)
        {
            await using var db = store.Open();
            return await read(db);
        }
        await Eventually.HoldsAsync(
            async () => await Read(db => db.WorkItems.CountAsync(w => w.State == "Escalated")) == Items
                        && receiver.Deliveries.Count(d => d.Event == "escalated") >= Items,
            TimeSpan.FromSeconds(150), $"all {Items} items escalate and their escalations are delivered",
            async () =>
            {
                var timers = await Read(db => FollowUps.DescribeAsync(db.Timers));
                var notifications = await Read(db => db.Notifications.GroupBy(n => new { n.Event, n.Status, n.Attempts })
                    .Select(g => $"{g.Key.Event}/{g.Key.Status}/attempts={g.Key.Attempts}: {g.Count()}").ToListAsync());
                var jobs = await Read(db => db.Database.SqlQueryRaw<string>(
                    "SELECT statename || ': ' || count(*) AS \"Value\" FROM hangfire.job GROUP BY statename").ToListAsync());
                var queue = await Read(db => db.Database.SqlQueryRaw<string>(
                    "SELECT CASE WHEN fetchedat IS NULL THEN 'waiting' ELSE 'fetched' END || ': ' || count(*) AS \"Value\" FROM hangfire.jobqueue GROUP BY 1").ToListAsync());
                var servers = await Read(db => db.Database.SqlQueryRaw<string>(
                    "SELECT id || ' ' || lastheartbeat AS \"Value\" FROM hangfire.server").ToListAsync());
                return $"{timers} notifications [{string.Join("; ", notifications)}] " +
                       $"deliveries {receiver.Deliveries.Count}; Hangfire jobs [{string.Join("; ", jobs)}] queue [{string.Join("; ", queue)}] servers [{string.Join("; ", servers)}] at {DateTime.UtcNow:O}\n" +
                       $"host A's last warnings:\n{Tail(a.Output)}\nhost B's last warnings:\n{Tail(b.Output)}";
            });

        await Read(async db =>
        {
            await FollowUps.AssertRemindedTwiceThenEscalatedAsync(db, [.. ids.Select(Guid.Parse)]);
            Assert.Equal(["always"], await db.WorkItems.Select(w => w.Calendar).Distinct().ToListAsync());
            return true;
        });

        var deliveries = receiver.Deliveries.ToList();
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.EventId).Distinct().Count());
        var perItem = deliveries.GroupBy(d => d.WorkItemId).ToList();
        Assert.Equal(ids.Order(), perItem.Select(g => g.Key).Order());
        Assert.All(perItem, g => Assert.Equal(["escalated", "reminder", "reminder", "routed"], g.Select(d => d.Event).Order()));

        // Both hosts sealed the history as they went: one chain, no forks.
        await Eventually.HoldsAsync(async () => (int)(await clientB.GetJsonAsync("/api/history/verify"))["unsealed"]! == 0,
            TimeSpan.FromSeconds(10), "the history is sealed");
        Assert.True((bool)(await clientA.GetJsonAsync("/api/history/verify"))["ok"]!);
        Directory.Delete(rules, recursive: true);
    }

    static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(30));
}
