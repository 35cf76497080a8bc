using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// Many CSMs reporting the same pattern at once (an outage seen by everyone) is one piece of work
/// per department that recurs, never a 503 and never a second item for the same pattern.
public abstract class ConcurrentRecurrenceTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    const int Concurrent = 40;

    [Fact]
    public async Task Forty_concurrent_reports_of_a_new_pattern_open_one_item_per_department_and_recur_on_it()
    {
        // A seasonal quality defect goes to two departments, so each report touches two items.
        var pattern = Reports.Valid("quality").With("segment.months", new JsonArray(11, 12, 1));

        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => client.PostReportAsync(pattern)));

        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers.Zip(bodies), a => Assert.True(a.First.StatusCode == HttpStatusCode.Created,
            $"expected 201, got {(int)a.First.StatusCode}: {a.Second}"));
        var receipts = bodies.Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
        foreach (var department in new[] { "manufacturing", "rnd" })
        {
            var items = receipts.Select(r => r.Item(department)).ToList();
            // Every report names the same item; exactly one of them opened it.
            var id = Assert.Single(items.Select(i => (string)i["id"]!).Distinct());
            Assert.Single(items, i => !(bool)i["recurrence"]!);
            // Each recurrence counted once, in turn: 1, 2, … N-1, as the timeline tells it.
            var recurred = (await client.TimelineAsync(id))
                .Where(e => (string)e!["kind"]! == "work-item.recurred")
                .Select(e => (int)e!["data"]!["recurrences"]!)
                .Order();
            Assert.Equal(Enumerable.Range(1, Concurrent - 1), recurred);
            Assert.Equal(Concurrent - 1, await fixture.WithStoreAsync(db =>
                db.WorkItems.Where(w => w.Id == Guid.Parse(id)).Select(w => w.Recurrences).SingleAsync()));
        }

        await fixture.SealHistoryAsync();
        var verify = await client.GetJsonAsync("/api/history/verify");
        Assert.True((bool)verify["ok"]!, verify.ToJsonString());
    }
}

public sealed class ConcurrentRecurrenceOnSqlite(SqliteFixture fixture) : ConcurrentRecurrenceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ConcurrentRecurrenceOnPostgres(PostgresFixture fixture) : ConcurrentRecurrenceTests(fixture), IClassFixture<PostgresFixture>;
