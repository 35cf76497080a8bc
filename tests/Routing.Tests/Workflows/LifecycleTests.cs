using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Department heads move items through the lifecycle; the API refuses what the state does not allow.
public abstract class LifecycleTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    async Task<string> NewItemAsync(string category = "supply", string department = "logistics") =>
        (string)(await client.SubmitAsync(Reports.Valid(category))).Item(department)["id"]!;

    [Fact]
    public async Task Head_acknowledges_starts_and_resolves_an_item()
    {
        var id = await NewItemAsync();

        var acknowledged = await client.DoAsync(id, "acknowledge", "on it");
        Assert.Equal("Acknowledged", acknowledged.State());
        Assert.Equal(2, (int)acknowledged["version"]!);
        Assert.Equal("InProgress", (await client.DoAsync(id, "start")).State());
        var resolved = await client.DoAsync(id, "resolve", "new supplier contract");
        Assert.Equal("Resolved", resolved.State());
        Assert.Equal(4, (int)resolved["version"]!);

        var timeline = await client.TimelineAsync(id);
        Assert.Equal(["work-item.routed", "work-item.acknowledged", "work-item.started", "work-item.resolved"], timeline.Kinds());
        var resolve = timeline[^1]!["data"]!;
        Assert.Equal("InProgress", (string)resolve["before"]!);
        Assert.Equal("Resolved", (string)resolve["after"]!);
        Assert.Equal("new supplier contract", (string)resolve["note"]!);
    }

    [Fact]
    public async Task Every_action_the_state_does_not_allow_is_409_listing_the_allowed_ones()
    {
        var all = new[] { "acknowledge", "start", "resolve", "hand-back", "cancel", "comment" };
        var paths = new[] { new string[0], ["acknowledge"], ["start"], ["start", "resolve"], ["hand-back"], ["cancel"] };
        var checkedStates = new List<string>();
        foreach (var path in paths)
        {
            var id = await NewItemAsync();
            foreach (var action in path) await client.DoAsync(id, action, "done in a test");
            var item = await client.GetItemAsync(id);
            var allowed = item["allowedActions"].Strings();
            checkedStates.Add(item.State());

            foreach (var action in all.Except(allowed))
            {
                var response = await client.ActAsync(id, action, (int)item["version"]!, "note");
                var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{action} in {item.State()}: {(int)response.StatusCode}");
                Assert.Equal(allowed, problem["allowedActions"].Strings());
            }
            Assert.Equal((int)item["version"]!, (int)(await client.GetItemAsync(id))["version"]!);
        }
        Assert.Equal(["Routed", "Acknowledged", "InProgress", "Resolved", "HandedBack", "Cancelled"], checkedStates);
    }

    [Fact]
    public async Task Stale_version_is_409_with_the_current_state_and_changes_nothing()
    {
        var id = await NewItemAsync();
        await client.DoAsync(id, "acknowledge");

        var response = await client.ActAsync(id, "start", version: 1);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Acknowledged", (string)problem["state"]!);
        Assert.Equal(2, (int)problem["version"]!);
        Assert.Equal("Acknowledged", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task Comment_changes_no_state_and_lands_in_the_timeline()
    {
        var id = await NewItemAsync();
        var after = await client.DoAsync(id, "comment", "waiting for the depot's numbers");

        Assert.Equal("Routed", after.State());
        Assert.Equal(1, (int)after["version"]!);
        var last = (await client.TimelineAsync(id))[^1]!;
        Assert.Equal("work-item.commented", (string)last["kind"]!);
        Assert.Equal("waiting for the depot's numbers", (string)last["data"]!["note"]!);
    }

    [Fact]
    public async Task Hand_back_sends_a_misrouted_item_to_triage_with_the_note()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("supply"));
        var id = (string)receipt.Item("logistics")["id"]!;

        Assert.Equal("HandedBack", (await client.DoAsync(id, "hand-back", "this is a vendor problem")).State());

        var report = await client.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        var triage = report["workItems"]!.AsArray().Select(i => i!["workItem"]!).Single(i => (string)i["department"]! == "triage");
        Assert.Equal("Routed", (string)triage["state"]!);
        var routed = (await client.TimelineAsync((string)triage["id"]!))[0]!["data"]!;
        Assert.Equal("this is a vendor problem", (string)routed["note"]!);
        Assert.Equal("logistics", (string)routed["from"]!);
    }

    [Fact]
    public async Task A_handed_back_item_is_announced_to_triage_as_routed_like_an_item_intake_opens()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("supply"));
        await client.DoAsync((string)receipt.Item("logistics")["id"]!, "hand-back", "not ours");

        var report = await client.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        var triage = Guid.Parse((string)report["workItems"]!.AsArray().Select(i => i!["workItem"]!).Single(i => (string)i["department"]! == "triage")["id"]!);
        await using var db = fixture.Store.Open();
        var queued = await db.Notifications.Where(n => n.WorkItemId == triage).Select(n => new { n.Event, n.Department }).ToListAsync();
        Assert.Equal([new { Event = "routed", Department = "triage" }], queued);
    }

    [Theory]
    [InlineData("acknowledge", "{\"note\": \"x\"}", "version", HttpStatusCode.BadRequest)]
    [InlineData("comment", "{\"version\": 1}", "note", HttpStatusCode.UnprocessableEntity)]
    public async Task Missing_fields_are_refused_naming_them(string action, string body, string field, HttpStatusCode status)
    {
        var id = await NewItemAsync();
        var response = await client.PostAsync($"/api/work-items/{id}/{action}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Theory]
    [InlineData("resolve", "is required to resolve: say what was done.")]
    [InlineData("hand-back", "is required to hand back: say why the item is not this department's.")]
    [InlineData("cancel", "is required to cancel: say why no work is needed.")]
    public async Task Resolve_hand_back_and_cancel_without_a_note_are_422_naming_the_note_and_change_nothing(string action, string reason)
    {
        var id = await NewItemAsync();
        await client.DoAsync(id, "acknowledge");
        var before = await client.GetItemAsync(id);
        var timeline = (await client.TimelineAsync(id)).Count;

        foreach (var note in new string?[] { null, "", "   " })
        {
            var response = await client.ActAsync(id, action, (int)before["version"]!, note);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(reason, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["note"]![0]!);
        }
        var after = await client.GetItemAsync(id);
        Assert.Equal((before.State(), (int)before["version"]!), (after.State(), (int)after["version"]!));
        Assert.Equal(timeline, (await client.TimelineAsync(id)).Count);
    }

    [Fact]
    public async Task Unknown_action_or_item_is_404()
    {
        var id = await NewItemAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.ActAsync(id, "teleport", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.ActAsync(Guid.NewGuid().ToString(), "acknowledge", 1)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_actions_on_one_item_one_wins_the_rest_get_409()
    {
        var id = await NewItemAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.ActAsync(id, "acknowledge", 1)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single((await client.TimelineAsync(id)).Kinds(), k => k == "work-item.acknowledged");
    }

    [Fact]
    public async Task Graph_exports_the_lifecycle_as_mermaid_and_dot()
    {
        var mermaid = await client.GetStringAsync("/api/workflows/work-item/graph?format=mermaid");
        var dot = await client.GetStringAsync("/api/workflows/work-item/graph?format=dot");
        Assert.Contains("Routed --> Acknowledged", mermaid);
        Assert.Contains("Resolved --> Reopened", mermaid);
        Assert.DoesNotContain("Comment", mermaid);
        Assert.StartsWith("digraph", dot);
        Assert.Contains("Routed -> HandedBack [label=\"hand-back\"]", dot); // the API's action names
        Assert.Contains("Resolved -> Reopened [label=\"reopen\", style=dashed]", dot); // a timer's move
        Assert.Contains("Cancelled [peripheries=2]", dot); // final
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/workflows/work-item/graph?format=png")).StatusCode);
    }
}

public sealed class LifecycleOnSqlite(SqliteFixture fixture) : LifecycleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LifecycleOnPostgres(PostgresFixture fixture) : LifecycleTests(fixture), IClassFixture<PostgresFixture>;
