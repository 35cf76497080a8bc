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

    // A seasonal quality defect goes to two departments, so each report touches two items.
    static JsonObject Pattern() => Reports.Valid("quality").With("segment.months", new JsonArray(11, 12, 1));

    static readonly string[] Departments = ["manufacturing", "rnd"];

    [Fact]
    public async Task Concurrent_reports_of_a_new_pattern_open_one_item_per_department_and_recur_on_it()
    {
        var receipts = await SubmitConcurrentlyAsync(Pattern(), Concurrent);

        await AssertOneItemPerDepartmentRecurringAsync(receipts, Concurrent - 1);
    }

    [Fact]
    public async Task Concurrent_reports_of_an_open_pattern_are_all_accepted_as_recurrences()
    {
        var pattern = Pattern();
        var first = await client.SubmitAsync(pattern);

        var receipts = await SubmitConcurrentlyAsync(pattern, Concurrent);

        await AssertOneItemPerDepartmentRecurringAsync([first, .. receipts], Concurrent);
    }

    async Task<List<JsonObject>> SubmitConcurrentlyAsync(JsonObject pattern, int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => client.PostReportAsync(pattern)));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.All(answers.Zip(bodies), a => Assert.True(a.First.StatusCode == HttpStatusCode.Created,
            $"expected 201, got {(int)a.First.StatusCode}: {a.Second}"));
        return [.. bodies.Select(b => JsonNode.Parse(b)!.AsObject())];
    }

    /// What a user sees: every receipt names the same one item per department, exactly one
    /// receipt opened it, and its timeline counts each recurrence once, in turn: 1, 2, … N.
    async Task AssertOneItemPerDepartmentRecurringAsync(List<JsonObject> receipts, int recurrences)
    {
        Assert.All(receipts, r => Assert.Equal(Departments, r.Departments()));
        foreach (var department in Departments)
        {
            var items = receipts.Select(r => r.Item(department)).ToList();
            var id = Assert.Single(items.Select(i => (string)i["id"]!).Distinct());
            Assert.Single(items, i => !(bool)i["recurrence"]!);
            var recurred = (await client.TimelineAsync(id))
                .Where(e => (string)e!["kind"]! == "work-item.recurred")
                .Select(e => (int)e!["data"]!["recurrences"]!)
                .Order();
            Assert.Equal(Enumerable.Range(1, recurrences), recurred);
            Assert.Equal(recurrences, await fixture.WithStoreAsync(db =>
                db.WorkItems.Where(w => w.Id == Guid.Parse(id)).Select(w => w.Recurrences).SingleAsync()));
        }

        await fixture.SealHistoryAsync();
        var verify = await client.GetJsonAsync("/api/history/verify");
        Assert.True((bool)verify["ok"]!, verify.ToJsonString());
    }
}

public sealed class ConcurrentRecurrenceOnSqlite(SqliteFixture fixture) : ConcurrentRecurrenceTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ConcurrentRecurrenceOnPostgres(PostgresFixture fixture) : ConcurrentRecurrenceTests(fixture), IClassFixture<PostgresFixture>;
