using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Routing.Tests.Drills;

/// PostgreSQL stops for about ten seconds under a running host process: requests get a 503
/// without hanging, the host recovers by itself when the database returns, nothing accepted is
/// lost, and the timers that fell due meanwhile fire afterwards.
[Collection(RealTime.Name)]
public sealed class OutageDrill(ITestOutputHelper output)
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);
    static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Database_outage_gives_fast_503s_and_the_host_recovers_losing_nothing()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var store = TestStore.Postgres(postgres.ConnectionString);
        var rules = ShortSlaRules.Create(TimeSpan.FromSeconds(6));
        await using var host = new HostProcess(store, rules);
        await host.StartAsync();
        using var client = host.Client(TimeSpan.FromSeconds(30));

        // Their first follow-ups fall due during the outage.
        var accepted = new List<JsonObject>();
        for (var i = 0; i < 20; i++) accepted.Add(await client.SubmitAsync(Reports.Valid("supply")));

        var itemIds = accepted.Select(r => Guid.Parse((string)r.Item("logistics")["id"]!)).ToList();
        await using (var db = store.Open())
        {
            var timersPerItem = await db.Timers.Where(t => itemIds.Contains(t.WorkItemId)).GroupBy(t => t.WorkItemId).Select(g => g.Count()).ToListAsync();
            Assert.True(timersPerItem.Count == itemIds.Count, $"timers for {timersPerItem.Count} of {itemIds.Count} items: {string.Join(",", accepted.Select(a => a.ToJsonString()))}");
        }

        await postgres.StopAsync();
        // No request may hang on the dead database: one that takes longer than this fails the drill.
        using var impatient = host.Client(FailFast);
        // A balancer's probe sends no key (with one, authentication itself needs the store).
        using var probe = new HttpClient { BaseAddress = host.Address, Timeout = FailFast };
        var answers = new List<(string Call, HttpStatusCode Status, string? ContentType, string Body)>();
        var outage = Stopwatch.StartNew();
        try
        {
            while (outage.Elapsed < Outage)
            {
                answers.Add(await AnswerAsync("POST /api/reports", () => impatient.PostReportAsync(Reports.Valid("supply"), Guid.NewGuid().ToString())));
                answers.Add(await AnswerAsync("GET /api/work-items/{id}", () => impatient.GetAsync($"/api/work-items/{accepted[0].Item("logistics")["id"]}")));
                answers.Add(await AnswerAsync("GET /health", () => probe.GetAsync("/health")));
                answers.Add(await AnswerAsync("GET /health/ready", () => probe.GetAsync("/health/ready")));
                answers.Add(await AnswerAsync("GET /health/live", () => probe.GetAsync("/health/live")));
                await Task.Delay(200);
            }
        }
        finally
        {
            // Back whatever happened: a request that failed here would otherwise leave the store's disposal
            // to report a refused connection in its place.
            await postgres.StartAgainAsync();
        }
        output.WriteLine($"{answers.Count} answers during the outage");

        // The process lives on (a probe must not restart it); it takes no traffic until the store is back.
        Assert.All(answers, a =>
        {
            var expected = a.Call == "GET /health/live" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
            Assert.True(a.Status == expected, $"{a.Call}: {(int)a.Status}");
            if (!a.Call.StartsWith("GET /health")) Assert.Equal("application/problem+json", a.ContentType);
        });
        // Anyone may ask /health/ready: it names the parts that are down in our own words, never an exception's.
        Assert.All(answers.Where(a => a.Call == "GET /health/ready"), a =>
        {
            var checks = JsonNode.Parse(a.Body)!["checks"]!.AsObject();
            Assert.Equal("The store does not answer.", (string?)checks["store"]!["description"]);
            Assert.All(checks, c => Assert.Contains((string?)c.Value!["description"],
                new[] { null, "The store does not answer.", "The scheduler's storage does not answer.",
                    "This host's Hangfire server has not announced itself or stopped beating." }));
            Assert.All(new[] { "Npgsql", "Exception", "connect", "refused", "127.0.0.1" }, word => Assert.DoesNotContain(word, a.Body));
        });

        // The same process takes reports again by itself.
        await Eventually.HoldsAsync(async () => (await client.PostReportAsync(Reports.Valid("supply"))).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60), "the host accepts reports again", () => Task.FromResult(host.Output));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the host is ready again", () => Task.FromResult(host.Output));

        // Nothing accepted before is lost, and the timers due during the outage fire after it, once.
        await Eventually.HoldsAsync(async () =>
            {
                await using var db = store.Open();
                return await db.History.CountAsync(e => e.Kind == HistoryKinds.Escalated && itemIds.Contains(e.WorkItemId!.Value)) == itemIds.Count;
            },
            TimeSpan.FromSeconds(120), "every item accepted before the outage is reminded twice and escalated", async () =>
            {
                await using var db = store.Open();
                return $"{await FollowUps.DescribeAsync(db.Timers.Where(t => itemIds.Contains(t.WorkItemId)))}\n{host.Output}";
            });
        await using (var db = store.Open())
        {
            var reportIds = accepted.Select(r => Guid.Parse((string)r["reportId"]!)).ToList();
            Assert.Equal(reportIds.Count, await db.Reports.CountAsync(r => reportIds.Contains(r.Id)));
            await FollowUps.AssertRemindedTwiceThenEscalatedAsync(db, itemIds);
        }
        Directory.Delete(rules, recursive: true);
    }

    static async Task<(string, HttpStatusCode, string?, string)> AnswerAsync(string call, Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        return (call, response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
