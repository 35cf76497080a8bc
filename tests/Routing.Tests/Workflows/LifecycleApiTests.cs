using System.Net;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// The lifecycles through the API on the shipped rules: listed and drawn for every role; an
/// item shows its lifecycle, its next actions and what they require; an action's fields are
/// checked, then recorded on the item and in the history; a CAPA runs to its check.
public abstract class LifecycleApiTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    async Task<string> ManufacturingItemAsync() =>
        (string)(await client.SubmitAsync(Reports.Valid("quality", "medium"))).Item("manufacturing")["id"]!;

    [Theory]
    [InlineData("admin")]
    [InlineData("csm")]
    [InlineData("auditor")]
    [InlineData("department-head")]
    public async Task Every_role_lists_the_lifecycles_with_their_version_and_the_departments_that_follow_each(string role)
    {
        var reader = role == "admin" ? client : fixture.App.ClientWithKey(await client.CreateKeyAsync(role, role == "department-head" ? new[] { "rnd" } : []));

        var response = await reader.GetAsync("/api/lifecycles");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var version = (int)(await client.GetJsonAsync("/api/rules"))["version"]!;
        Assert.All(listed, l => Assert.Equal(version, (int)l!["version"]!));
        Assert.Equal(
            [
                ("standard", "marketing, sales, strategy, triage"),
                ("corrective-action", "logistics, manufacturing, rnd"),
                ("supplier-corrective-action", "acme-parts, vendors"),
            ],
            listed.Select(l => ((string)l!["lifecycle"]!["id"]!, string.Join(", ", l["departments"].Strings().Order(StringComparer.Ordinal)))));
        var capa = listed.Single(l => (string)l!["lifecycle"]!["id"]! == "corrective-action")!["lifecycle"]!;
        Assert.Equal("Routed", (string)capa["start"]!);
        Assert.Contains(capa["states"]!.AsArray(), s => (string)s!["name"]! == "CauseFound");
    }

    [Fact]
    public async Task A_lifecycle_is_drawn_as_dot_and_mermaid_from_its_data()
    {
        var dot = await client.GetAsync("/api/lifecycles/corrective-action/graph?format=dot");
        Assert.Equal("text/vnd.graphviz", dot.Content.Headers.ContentType!.MediaType);
        var dotText = await dot.Content.ReadAsStringAsync();
        Assert.StartsWith("digraph \"corrective-action\"", dotText);
        Assert.Contains("Contained -> CauseFound [label=\"find-cause\"];", dotText);
        Assert.Contains("Resolved -> Verified [label=\"verify\", style=dashed];", dotText);

        var mermaid = await client.GetStringAsync("/api/lifecycles/supplier-corrective-action/graph?format=mermaid");
        Assert.Contains("CauseProposed --> RootCauseAccepted : accept-cause", mermaid);
        Assert.DoesNotContain("Contained", mermaid);
    }

    [Fact]
    public async Task An_unknown_lifecycle_is_404_and_an_unknown_format_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/lifecycles/eight-d/graph?format=dot")).StatusCode);
        var bad = await client.GetAsync("/api/lifecycles/standard/graph?format=png");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("dot")]
    [InlineData("mermaid")]
    public async Task The_old_work_item_graph_is_the_standard_lifecycle(string format) =>
        Assert.Equal(await client.GetStringAsync($"/api/lifecycles/standard/graph?format={format}"),
            await client.GetStringAsync($"/api/workflows/work-item/graph?format={format}"));

    [Fact]
    public async Task An_item_shows_its_lifecycle_its_allowed_actions_and_the_fields_each_requires()
    {
        var item = await client.GetItemAsync(await ManufacturingItemAsync());

        Assert.Equal("corrective-action", (string)item["lifecycle"]!["id"]!);
        Assert.Equal((int)item["rulesetVersion"]!, (int)item["lifecycle"]!["version"]!);
        Assert.Equal(["acknowledge", "cancel", "comment", "contain", "hand-back"], item["allowedActions"].Strings());
        var actions = item["actions"]!.AsArray();
        Assert.Equal(["acknowledge", "contain", "hand-back", "cancel"], actions.Select(a => (string)a!["name"]!));
        var contain = actions.Single(a => (string)a!["name"]! == "contain")!;
        Assert.Equal(("Record containment", "department", "Contained"), ((string)contain["label"]!, (string)contain["by"]!, (string)contain["to"]!));
        var field = Assert.Single(contain["fields"]!.AsArray())!;
        Assert.Equal(("containment", "text", "Containment done now"), ((string)field["name"]!, (string)field["type"]!, (string)field["label"]!));
        Assert.Equal("say why the item is not this department's", (string)actions.Single(a => (string)a!["name"]! == "hand-back")!["noteRequired"]!);
        Assert.Empty(item["fields"]!.AsObject());
    }

    [Fact]
    public async Task A_missing_or_invalid_required_field_is_422_naming_it_and_nothing_changes()
    {
        var id = await ManufacturingItemAsync();
        var before = await client.GetItemAsync(id);
        var history = (await client.TimelineAsync(id)).Count;

        var missing = await client.RefusedAsync(id, "contain", null);
        Assert.Equal(["fields.containment"], missing.Select(e => e.Key));
        Assert.Contains("is required to record containment.", (string)missing["fields.containment"]![0]!);
        Assert.Equal(["fields.containment"], (await client.RefusedAsync(id, "contain", new { containment = "  " })).Select(e => e.Key));
        Assert.Equal(["fields.containment"], (await client.RefusedAsync(id, "contain", new { containment = 42 })).Select(e => e.Key));

        var after = await client.GetItemAsync(id);
        Assert.Equal(((int)before["version"]!, "Routed"), ((int)after["version"]!, after.State()));
        Assert.Empty(after["fields"]!.AsObject());
        Assert.Equal(history, (await client.TimelineAsync(id)).Count);
    }

    [Fact]
    public async Task A_choice_outside_its_choices_and_a_bad_date_are_422_naming_each_field()
    {
        var id = await ManufacturingItemAsync();
        await client.DoWithAsync(id, "contain", LifecycleActions.CapaSteps[0].Fields);

        var cause = await client.RefusedAsync(id, "find-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "guesswork", ["rootCause.cause"] = "Cold", ["rootCause.elsewhere"] = "Nowhere",
        });
        Assert.Equal(["fields.rootCause.method"], cause.Select(e => e.Key));
        Assert.Contains("must be one of: 5-whys, fishbone, fault-tree, other", (string)cause["fields.rootCause.method"]![0]!);

        await client.DoWithAsync(id, "find-cause", LifecycleActions.CapaSteps[1].Fields);
        var plan = await client.RefusedAsync(id, "plan-action", new Dictionary<string, object>
        {
            ["correctiveAction.plan"] = "New solder", ["correctiveAction.owner"] = "Dana", ["correctiveAction.due"] = "15/12/2026",
        });
        Assert.Equal(["fields.correctiveAction.due"], plan.Select(e => e.Key));
        Assert.Equal("CauseFound", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task A_field_the_action_does_not_record_is_422_naming_it()
    {
        var id = await ManufacturingItemAsync();

        var errors = await client.RefusedAsync(id, "contain", new { containment = "Stopped the line", colour = "red" });

        Assert.Equal(["fields.colour"], errors.Select(e => e.Key));
        Assert.Equal(["fields.rootCause"], (await client.RefusedAsync(id, "acknowledge", new { rootCause = "x" })).Select(e => e.Key));
        Assert.Equal("Routed", (await client.GetItemAsync(id)).State());
    }

    [Fact]
    public async Task Fields_are_recorded_on_the_item_and_in_the_history_event_of_their_action()
    {
        var id = await ManufacturingItemAsync();

        var item = await client.DoWithAsync(id, "contain", new { containment = "  Quarantined 400 boards  " });

        Assert.Equal("Contained", item.State());
        Assert.Equal("Quarantined 400 boards", (string)item["fields"]!["containment"]!);
        Assert.Equal(["find-cause"], item["actions"]!.AsArray().Select(a => (string)a!["name"]!).Where(n => n != "cancel"));
        var taken = (await client.TimelineAsync(id)).Last(e => (string)e!["kind"]! == "work-item.acted")!;
        Assert.Equal(("contain", "Routed", "Contained"), ((string)taken["data"]!["action"]!, (string)taken["data"]!["before"]!, (string)taken["data"]!["after"]!));
        Assert.Equal("Quarantined 400 boards", (string)taken["data"]!["fields"]!["containment"]!);
        Assert.Contains("containment: Quarantined 400 boards", (string)taken["summary"]!);
        Assert.Equal(item["fields"]!.ToJsonString(), (await client.GetItemAsync(id))["fields"]!.ToJsonString());
    }

    [Fact]
    public async Task A_capa_runs_contain_find_cause_plan_action_resolve_and_the_resolution_check_verifies_it()
    {
        var id = await ManufacturingItemAsync();

        foreach (var (action, fields) in LifecycleActions.CapaSteps) await client.DoWithAsync(id, action, fields);

        var resolved = await client.GetItemAsync(id);
        Assert.Equal("Resolved", resolved.State());
        Assert.Equal(["comment"], resolved["allowedActions"].Strings());
        Assert.Equal(["containment", "correctiveAction.due", "correctiveAction.owner", "correctiveAction.plan", "correctiveAction.taken",
            "preventiveAction", "rootCause.cause", "rootCause.elsewhere", "rootCause.method"],
            resolved["fields"]!.AsObject().Select(f => f.Key).Order(StringComparer.Ordinal));
        var timeline = await client.TimelineAsync(id);
        var resolve = timeline.Single(e => (string)e!["kind"]! == "work-item.resolved")!;
        Assert.Equal("Cold test added to the HX-300 line", (string)resolve["data"]!["fields"]!["preventiveAction"]!);
        Assert.Equal(["contain", "find-cause", "plan-action"],
            timeline.Where(e => (string)e!["kind"]! == "work-item.acted").Select(e => (string)e!["data"]!["action"]!));

        await fixture.AdvanceAsync(TimeSpan.FromDays(14)); // a P3's resolution check

        Assert.Equal("Verified", (await client.GetItemAsync(id)).State());
        Assert.Contains("work-item.verified", (await client.TimelineAsync(id)).Kinds());
    }

    [Fact]
    public async Task A_capa_whose_pattern_comes_back_is_reopened_by_the_check_and_its_containment_is_asked_again()
    {
        var report = Reports.Valid("quality", "medium");
        var id = (string)(await client.SubmitAsync(report)).Item("manufacturing")["id"]!;
        foreach (var (action, fields) in LifecycleActions.CapaSteps) await client.DoWithAsync(id, action, fields);
        await fixture.AdvanceAsync(TimeSpan.FromDays(1));
        await client.SubmitAsync(report.DeepClone()); // the same pattern, after the fix

        await fixture.AdvanceAsync(TimeSpan.FromDays(13));

        var reopened = await client.GetItemAsync(id);
        Assert.Equal("Reopened", reopened.State());
        Assert.Contains("contain", reopened["allowedActions"].Strings());
    }
}

public sealed class LifecycleApiOnSqlite(SqliteShippedLifecyclesFixture fixture) : LifecycleApiTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class LifecycleApiOnPostgres(PostgresShippedLifecyclesFixture fixture) : LifecycleApiTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
