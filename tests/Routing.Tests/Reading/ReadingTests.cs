using System.Net;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Reading;

/// What a CSM or department head reads back after a report was routed.
public abstract class ReadingTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Report_shows_its_items_and_why_each_was_routed()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality", "high")
            .With("unitsSold", 12000).With("affectedUnits", 1440).With("segment.months", new JsonArray(11, 12, 1)));

        var report = await client.GetJsonAsync($"/api/reports/{receipt["reportId"]}");

        Assert.Equal(0.12, (double)report["failureRate"]!, 6);
        Assert.Equal(1, (int)report["rulesetVersion"]!);
        Assert.Equal([1, 11, 12], report["segment"]!["months"]!.AsArray().Select(m => (int)m!));
        var rnd = report["workItems"]!.AsArray().Single(i => (string)i!["workItem"]!["department"]! == "rnd")!;
        var reason = rnd["reasons"]!.AsArray().Single()!;
        Assert.Equal("SeasonalQualityDefectToRnd", (string)reason["rule"]!);
        Assert.Contains("IsSeasonal", (string)reason["expression"]!);
    }

    [Fact]
    public async Task Work_item_shows_state_version_due_times_and_allowed_actions()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("supply"));
        var id = (string)receipt.Item("logistics")["id"]!;

        var item = await client.GetJsonAsync($"/api/work-items/{id}");

        Assert.Equal("Routed", (string)item["state"]!);
        Assert.Equal(1, (int)item["version"]!);
        Assert.Equal((string)receipt["reportId"]!, (string)item["reportId"]!);
        Assert.Equal(DateTimeOffset.Parse((string)receipt.Item("logistics")["ackDueAt"]!), DateTimeOffset.Parse((string)item["ackDueAt"]!));
        Assert.Equal(["acknowledge", "cancel", "comment", "hand-back", "start"], item["allowedActions"].Strings());
    }

    [Fact]
    public async Task Departments_are_listed_with_their_kind()
    {
        var response = await client.GetAsync("/api/departments");
        var departments = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        string KindOf(string id) => (string)departments.Single(d => (string)d!["id"]! == id)!["kind"]!;

        Assert.Equal("internal", KindOf("manufacturing"));
        Assert.Equal("vendor", KindOf("acme-parts"));
        Assert.Equal("triage", KindOf("triage"));
    }

    [Fact]
    public async Task Inbox_lists_the_department_items_most_urgent_first_and_pages()
    {
        var low = await client.SubmitAsync(Reports.Valid("pricing", "low"));
        var critical = await client.SubmitAsync(Reports.Valid("pricing", "critical"));
        var medium = await client.SubmitAsync(Reports.Valid("pricing", "medium"));

        var inbox = await client.GetJsonAsync("/api/departments/strategy/work-items?pageSize=200");
        var ids = inbox["items"]!.AsArray().Select(i => (string)i!["id"]!).ToList();
        var positions = new[] { critical, medium, low }.Select(r => ids.IndexOf((string)r.Item("strategy")["id"]!)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);

        var page2 = await client.GetJsonAsync("/api/departments/strategy/work-items?page=2&pageSize=1");
        Assert.Equal(ids[1], (string)page2["items"]![0]!["id"]!);
        Assert.Equal(ids.Count, (int)page2["total"]!);

        // The farthest page there can be is empty, not the first page again.
        var farthest = await client.GetJsonAsync($"/api/departments/strategy/work-items?page={int.MaxValue}&pageSize=1");
        Assert.Empty(farthest["items"]!.AsArray());
        Assert.Equal(int.MaxValue, (int)farthest["page"]!);

        var routed = await client.GetJsonAsync("/api/departments/strategy/work-items?state=Routed&pageSize=200");
        Assert.Equal(ids.Count, (int)routed["total"]!);
        var resolved = await client.GetJsonAsync("/api/departments/strategy/work-items?state=Resolved");
        Assert.Equal(0, (int)resolved["total"]!);
    }

    [Fact]
    public async Task Within_a_priority_open_items_come_by_the_due_time_of_their_stage_and_waiting_ones_last()
    {
        string ItemOf(JsonObject receipt) => (string)receipt.Item("logistics")["id"]!;
        var taken = ItemOf(await client.SubmitAsync(Reports.Valid("supply", "medium")));
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1)); // created in this order, they are not listed in it
        var untaken = ItemOf(await client.SubmitAsync(Reports.Valid("supply", "medium")));
        var waiting = ItemOf(await client.SubmitAsync(Reports.Valid("supply", "medium")));
        var cancelled = ItemOf(await client.SubmitAsync(Reports.Valid("supply", "medium")));
        // Taken first, its resolution is due after the acknowledgement of the one nobody has taken.
        await client.DoAsync(taken, "acknowledge");
        await client.DoAsync(waiting, "acknowledge");
        await client.DoAsync(waiting, "resolve", "depot rerouted");
        await client.DoAsync(cancelled, "cancel", "a duplicate");

        var ids = (await client.GetJsonAsync("/api/departments/logistics/work-items?pageSize=200"))["items"]!.AsArray()
            .Select(i => (string)i!["id"]!).ToList();
        var positions = new[] { untaken, taken, waiting, cancelled }.Select(id => ids.IndexOf(id)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Pages_walk_the_open_items_then_the_finished_ones_without_a_gap_or_a_repeat()
    {
        var reports = new List<JsonObject>();
        foreach (var severity in new[] { "low", "high", "medium", "critical", "low" })
            reports.Add(await client.SubmitAsync(Reports.Valid("pricing", severity)));
        await client.DoAsync((string)reports[1].Item("strategy")["id"]!, "cancel", "a duplicate");
        await client.DoAsync((string)reports[4].Item("strategy")["id"]!, "cancel", "a duplicate");

        var all = (await client.GetJsonAsync("/api/departments/strategy/work-items?pageSize=200"))["items"]!.AsArray();
        var ids = all.Select(i => (string)i!["id"]!).ToList();
        int At(int report) => ids.IndexOf((string)reports[report].Item("strategy")["id"]!);
        // Open first, finished after: a page may hold the last open items and the first finished ones.
        Assert.True(new[] { 0, 2, 3 }.Max(At) < new[] { 1, 4 }.Min(At));
        Assert.DoesNotContain(-1, Enumerable.Range(0, 5).Select(At));

        var walked = new List<string>();
        for (var page = 1; walked.Count < all.Count && page <= all.Count; page++)
            walked.AddRange((await client.GetJsonAsync($"/api/departments/strategy/work-items?page={page}&pageSize=2"))["items"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Equal(ids, walked);
    }

    [Theory]
    [InlineData("state=Lost", "state")]
    [InlineData("page=0", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=10737419&pageSize=200", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task Bad_inbox_query_is_400_naming_the_parameter(string query, string field)
    {
        var response = await client.GetAsync($"/api/departments/rnd/work-items?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData("/api/reports/0197a7c0-0000-7000-8000-000000000000")]
    [InlineData("/api/work-items/0197a7c0-0000-7000-8000-000000000000")]
    [InlineData("/api/departments/astrology/work-items")]
    [InlineData("/api/reports/not-a-guid")]
    public async Task Unknown_ids_are_404(string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_200_when_the_store_answers()
    {
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class ReadingOnSqlite(SqliteFixture fixture) : ReadingTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ReadingOnPostgres(PostgresFixture fixture) : ReadingTests(fixture), IClassFixture<PostgresFixture>;
