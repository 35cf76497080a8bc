using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Routing.Tests.Drills;

/// A host process is killed (SIGKILL) while reports stream in, then started again.
public abstract class CrashDrills(Func<TestStore> newStore, ITestOutputHelper output)
{
    const int Writers = 8;
    const int AcceptedBeforeKill = 60;

    sealed record Attempt(string Key, string Body, HttpStatusCode? Status, JsonObject? Receipt);

    [Fact]
    public async Task Killed_mid_stream_it_loses_nothing_accepted_duplicates_nothing_and_fires_every_timer_once()
    {
        var rules = ShortSlaRules.Create(TimeSpan.FromSeconds(8));
        await using var store = newStore();
        await using var host = new HostProcess(store, rules);
        await host.StartAsync();

        var attempts = new ConcurrentQueue<Attempt>();
        using (var client = host.Client(TimeSpan.FromSeconds(5)))
        using (var stop = new CancellationTokenSource())
        {
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    attempts.Enqueue(await SendAsync(client, Guid.NewGuid().ToString(), Reports.Valid("supply").ToJsonString()));
            })).ToList();
            await Eventually.HoldsAsync(() => Task.FromResult(attempts.Count(a => a.Status == HttpStatusCode.Created) >= AcceptedBeforeKill),
                TimeSpan.FromSeconds(60), $"{AcceptedBeforeKill} reports are accepted");
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        var unanswered = attempts.Where(a => a.Status is null).ToList();
        output.WriteLine($"{attempts.Count(a => a.Status == HttpStatusCode.Created)} accepted before the kill, {unanswered.Count} without an answer");
        Assert.NotEmpty(unanswered);
        Assert.All(attempts, a => Assert.True(a.Status is null or HttpStatusCode.Created, $"{a.Status}: {a.Receipt}"));

        // Started again; every client retries what got no answer, with its Idempotency-Key.
        await host.StartAsync();
        var receipts = attempts.Where(a => a.Status == HttpStatusCode.Created).ToDictionary(a => a.Key, a => a.Receipt!);
        using (var client = host.Client())
            foreach (var retry in unanswered)
            {
                var again = await SendAsync(client, retry.Key, retry.Body);
                Assert.Equal(HttpStatusCode.Created, again.Status);
                receipts[retry.Key] = again.Receipt!;
            }

        var reportIds = receipts.Values.Select(r => Guid.Parse((string)r["reportId"]!)).ToList();
        var itemIds = receipts.Values.SelectMany(r => r.WorkItems()).Select(i => Guid.Parse((string)i["id"]!)).ToList();
        await using (var db = store.Open())
        {
            // One report per key: none lost, none twice.
            Assert.Equal(receipts.Count, await db.Reports.CountAsync());
            Assert.Equal(reportIds.Order(), (await db.Reports.Select(r => r.Id).ToListAsync()).Order());
            Assert.Equal(itemIds.Order(), (await db.WorkItems.Select(w => w.Id).ToListAsync()).Order());
            var withTimers = await db.Timers.Select(t => t.WorkItemId).Distinct().CountAsync();
            Assert.Equal(itemIds.Count, withTimers);
            var acceptedInHistory = await db.History.CountAsync(e => e.Kind == HistoryKinds.ReportAccepted);
            Assert.Equal(receipts.Count, acceptedInHistory);
        }

        // Every follow-up fires once: two reminders, then the escalation, for every item.
        await Eventually.HoldsAsync(async () =>
            {
                await using var db = store.Open();
                return !await db.Timers.AnyAsync(t => t.Step == "follow-up" && t.Status == TimerStatus.Pending);
            },
            TimeSpan.FromSeconds(120), "every follow-up has fired", async () =>
            {
                await using var db = store.Open();
                return $"{await db.Timers.CountAsync(t => t.Step == "follow-up" && t.Status == TimerStatus.Pending)} pending\n{host.Output}";
            });
        await using (var db = store.Open())
            await FollowUps.AssertRemindedTwiceThenEscalatedAsync(db, itemIds);
        Directory.Delete(rules, recursive: true);
    }

    static async Task<Attempt> SendAsync(HttpClient client, string key, string body)
    {
        try
        {
            using var response = await client.PostRawReportAsync(body, key);
            var text = await response.Content.ReadAsStringAsync();
            return new(key, body, response.StatusCode, JsonNode.Parse(text) as JsonObject);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // The host died under this request: the client does not know whether it was taken.
            await Task.Delay(20);
            return new(key, body, null, null);
        }
    }
}

[Collection(RealTime.Name)]
public sealed class CrashDrillsOnSqlite(ITestOutputHelper output) : CrashDrills(TestStore.Sqlite, output);

[Collection(RealTime.Name)]
public sealed class CrashDrillsOnPostgres(ITestOutputHelper output) : CrashDrills(TestStore.Postgres, output);
