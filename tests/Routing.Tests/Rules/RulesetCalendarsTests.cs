using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Calendars are part of a ruleset version like lifecycles: shipped in the rules folder,
/// drafted with `calendars` (or, without, the active version's kept), shown by version,
/// compared, refused by place when broken; departments may name one.
public abstract class RulesetCalendarsTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    static string[] Ids(JsonNode? list) => [.. list!.AsArray().Select(c => (string)c!["id"]!)];

    static JsonObject Draft(JsonObject version) => new()
    {
        ["workflows"] = version["workflows"]!.DeepClone(),
        ["departments"] = version["departments"]!.DeepClone(),
        ["calendars"] = version["calendars"]!.DeepClone(),
    };

    static JsonObject Calendar(JsonObject draft, string id) =>
        draft["calendars"]!.AsArray().Single(c => (string)c!["id"]! == id)!.AsObject();

    static JsonObject Department(JsonObject draft, string id) =>
        draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();

    [Fact]
    public async Task The_shipped_calendars_are_the_first_version_and_a_draft_without_calendars_keeps_the_active_ones()
    {
        var active = await client.GetJsonAsync("/api/rules");
        Assert.Equal(["office-berlin", "office-chicago", "always"], Ids(active["calendars"]));

        var draft = Draft(active);
        Calendar(draft, "office-berlin")["week"]!.AsArray()[0]!["to"] = "16:00";
        Department(draft, "manufacturing")["calendar"] = "office-berlin";
        var edited = await client.DraftAsync(draft);
        var diff = await client.GetJsonAsync($"/api/rules/versions/{edited}/diff");
        Assert.Equal(["office-berlin"], diff["changedCalendars"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(["manufacturing"], diff["changedDepartments"]!.AsArray().Select(c => (string)c!["name"]!));
        // The console's draft page says it too.
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync($"/console/rules?version={edited}");
        Assert.Contains("Calendar <strong>office-berlin</strong> changed", page);
        await client.PublishAsync(edited);

        var withoutCalendars = Draft(await client.GetJsonAsync("/api/rules"));
        withoutCalendars.Remove("calendars");
        var kept = await client.DraftAsync(withoutCalendars);
        var keptVersion = await client.GetJsonAsync($"/api/rules/versions/{kept}");
        Assert.Equal("16:00", (string)Calendar(keptVersion, "office-berlin")["week"]![0]!["to"]!);
        Assert.Empty((await client.GetJsonAsync($"/api/rules/versions/{kept}/diff"))["changedCalendars"]!.AsArray());
        await client.PublishAsync((int)active["version"]!);
    }

    [Fact]
    public async Task A_broken_calendar_or_an_unknown_one_named_by_a_department_is_422_at_its_place_and_nothing_is_stored()
    {
        var draft = Draft(await client.GetJsonAsync("/api/rules"));
        Calendar(draft, "office-chicago")["timeZone"] = "America/Atlantis";
        Calendar(draft, "office-berlin")["holidays"]!["country"] = "XX";
        Department(draft, "sales")["calendar"] = "office-tokyo";
        var stored = await fixture.WithStoreAsync(db => db.Rulesets.CountAsync());

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("America/Atlantis", (string)errors["calendars/office-chicago/timeZone"]![0]!);
        Assert.Contains("'XX'", (string)errors["calendars/office-berlin/holidays/country"]![0]!);
        Assert.Equal(["calendar 'office-tokyo' is not one of the calendars."], errors["departments/sales"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(stored, await fixture.WithStoreAsync(db => db.Rulesets.CountAsync()));
    }
}

public sealed class RulesetCalendarsOnSqlite(SqliteFixture fixture) : RulesetCalendarsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RulesetCalendarsOnPostgres(PostgresFixture fixture) : RulesetCalendarsTests(fixture), IClassFixture<PostgresFixture>;
