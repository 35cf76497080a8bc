using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.WebConsole;

/// The rules editor edits lifecycles with the rest of the ruleset (HTML, as a browser posts the
/// form): a broken one is refused at the draft with its place and nothing is stored; an edited
/// one is compared with the active version in words, published, and rolled back.
public abstract partial class LifecycleEditorTests(RoutingFixture fixture)
{
    /// An admin's browser on the rules editor, with the active ruleset as the API shows it.
    async Task<(HttpClient Browser, JsonObject Active, string Page)> OpenEditorAsync()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var active = await fixture.Client.GetJsonAsync("/api/rules");
        return (browser, active, await browser.GetStringAsync("/console/rules"));
    }

    [Fact]
    public async Task An_admin_edits_a_lifecycle_sees_the_change_publishes_it_and_rolls_it_back()
    {
        var (browser, active, page) = await OpenEditorAsync();
        var before = (int)active["version"]!;
        // The editor holds the shown version's lifecycles, and says what they are.
        var shown = JsonNode.Parse(System.Net.WebUtility.HtmlDecode(Regex.Match(page, "<textarea id=\"lifecycles\" name=\"Lifecycles\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value))!;
        Assert.True(JsonNode.DeepEquals(active["lifecycles"], shown), "the editor shows the version's lifecycles");
        Assert.Contains("<label for=\"lifecycles\">Lifecycles (JSON)</label>", page);
        Assert.Contains("How to write one: “Writing a lifecycle” in the README.", Text(page));

        var stored = await fixture.WithStoreAsync(db => db.Rulesets.CountAsync());
        var broken = (JsonArray)shown.DeepClone();
        Action(broken, "corrective-action", "contain")["to"] = "Quarantined";
        var refused = await browser.PostAsync($"/console/rules?handler=Draft&version={before}", DraftForm(page, active, broken));
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<strong>lifecycles/corrective-action/actions/contain</strong>: to &#x27;Quarantined&#x27; is not one of its states.", errors);
        // The lifecycles' editor is the one marked, tied to the errors; what was typed stays in it.
        Assert.Matches("<textarea id=\"lifecycles\" name=\"Lifecycles\" [^>]*aria-invalid=\"true\" aria-describedby=\"lifecycles-hint draft-errors\">[^<]*Quarantined", errors);
        Assert.DoesNotMatch("<textarea id=\"workflows\"[^>]*aria-invalid", errors);
        Assert.Equal(stored, await fixture.WithStoreAsync(db => db.Rulesets.CountAsync()));

        var edited = (JsonArray)shown.DeepClone();
        Action(edited, "corrective-action", "contain")["fields"]!.AsArray()
            .Add(new JsonObject { ["name"] = "containment.checkedBy", ["type"] = "person", ["label"] = "Containment checked by" });
        Action(edited, "corrective-action", "find-cause")["label"] = "Record the root cause";
        var drafted = await browser.PostAsync($"/console/rules?handler=Draft&version={before}", DraftForm(page, active, edited));
        var draft = Text(await drafted.Content.ReadAsStringAsync());
        var version = int.Parse(Regex.Match(drafted.RequestMessage!.RequestUri!.Query, "version=(\\d+)").Groups[1].Value);
        Assert.Contains($"Compared with the active v{before}", draft);
        Assert.Contains("Lifecycle corrective-action changed: actions/contain/fields/containment.checkedBy set to " +
            "{\"name\":\"containment.checkedBy\",\"type\":\"person\",\"label\":\"Containment checked by\"} " +
            "actions/find-cause/label Record root cause → Record the root cause", draft);
        Assert.DoesNotContain("Rule ", draft[draft.IndexOf("Compared with")..draft.IndexOf("Edit as a new draft")]);

        var published = await (await browser.PostAsync($"/console/rules?handler=Publish&version={version}", ConsoleBrowser.Form(page, []))).Content.ReadAsStringAsync();
        Assert.Contains($"Published v{version} (was v{before}).", published);
        Assert.Equal("Record the root cause", await ActiveLabelAsync("find-cause"));

        var rolledBack = await (await browser.PostAsync($"/console/rules?handler=Publish&version={before}", ConsoleBrowser.Form(page, []))).Content.ReadAsStringAsync();
        Assert.Contains($"Rolled back to v{before} (was v{version}).", rolledBack);
        Assert.Equal("Record root cause", await ActiveLabelAsync("find-cause"));
    }

    [Fact]
    public async Task A_draft_posted_with_the_lifecycles_editor_left_empty_keeps_the_active_ones()
    {
        var (browser, active, page) = await OpenEditorAsync();

        var drafted = await browser.PostAsync($"/console/rules?handler=Draft&version={(int)active["version"]!}", ConsoleBrowser.Form(page, new()
        {
            ["Workflows"] = active["workflows"]!.ToJsonString(), ["Departments"] = active["departments"]!.ToJsonString(), ["Lifecycles"] = " ",
        }));

        var version = int.Parse(Regex.Match(drafted.RequestMessage!.RequestUri!.Query, "version=(\\d+)").Groups[1].Value);
        Assert.True(JsonNode.DeepEquals(active["lifecycles"], (await fixture.Client.GetJsonAsync($"/api/rules/versions/{version}"))["lifecycles"]));
        Assert.Contains("No difference.", await drafted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Simulating_a_draft_says_which_lifecycle_each_route_would_follow_in_it()
    {
        var (browser, active, page) = await OpenEditorAsync();
        var departments = active["departments"]!.DeepClone().AsArray();
        departments.Single(d => (string)d!["id"]! == "marketing")!["lifecycle"] = "corrective-action";
        var drafted = await browser.PostAsync($"/console/rules?handler=Draft&version={(int)active["version"]!}", ConsoleBrowser.Form(page, new()
        {
            ["Workflows"] = active["workflows"]!.ToJsonString(), ["Departments"] = departments.ToJsonString(), ["Lifecycles"] = active["lifecycles"]!.ToJsonString(),
        }));
        var version = int.Parse(Regex.Match(drafted.RequestMessage!.RequestUri!.Query, "version=(\\d+)").Groups[1].Value);
        Assert.Contains("Department marketing changed: lifecycle set to corrective-action", Text(await drafted.Content.ReadAsStringAsync()));

        async Task<string> SimulateAsync(int against) => Text(await (await browser.PostAsync($"/console/rules?handler=Simulate&version={against}",
            ConsoleBrowser.Form(page, new() { ["Report"] = Reports.Valid("marketing").ToJsonString() }))).Content.ReadAsStringAsync());
        Assert.Contains("Lifecycles: marketing follows corrective-action.", await SimulateAsync(version));
        Assert.Contains("Lifecycles: marketing follows standard.", await SimulateAsync((int)active["version"]!));
    }

    /// The label of an action of corrective-action, as GET /api/lifecycles shows the active one.
    async Task<string> ActiveLabelAsync(string action) =>
        (string)JsonNode.Parse(await fixture.Client.GetStringAsync("/api/lifecycles"))!.AsArray()
            .Single(l => (string)l!["lifecycle"]!["id"]! == "corrective-action")!["lifecycle"]!["actions"]!.AsArray()
            .Single(a => (string)a!["name"]! == action)!["label"]!;

    static JsonObject Action(JsonArray lifecycles, string lifecycle, string action) =>
        lifecycles.Single(l => (string)l!["id"]! == lifecycle)!["actions"]!.AsArray().Single(a => (string)a!["name"]! == action)!.AsObject();

    static FormUrlEncodedContent DraftForm(string page, JsonObject version, JsonArray lifecycles) => ConsoleBrowser.Form(page, new()
    {
        ["Workflows"] = version["workflows"]!.ToJsonString(),
        ["Departments"] = version["departments"]!.ToJsonString(),
        ["Lifecycles"] = lifecycles.ToJsonString(),
    });

    /// A page's text as a person reads it: no tags, white space collapsed.
    static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " "));
}

public sealed class LifecycleEditorOnSqlite(SqliteShippedLifecyclesFixture fixture) : LifecycleEditorTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class LifecycleEditorOnPostgres(PostgresShippedLifecyclesFixture fixture) : LifecycleEditorTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
