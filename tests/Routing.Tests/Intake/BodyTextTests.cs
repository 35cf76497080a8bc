using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// What every JSON body is held to beyond its fields' types: no key given twice (the last one
/// would silently win) and no NUL character (PostgreSQL refuses it in text). Either is a 400
/// naming the field, on every endpoint, and nothing is stored.
public abstract class BodyTextTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Theory]
    [InlineData("{", "{\"title\":\"Another title\",", "title")]
    [InlineData("\"segment\":{", "\"segment\":{\"region\":\"Ohio\",", "segment.region")]
    [InlineData("{", "{\"Title\":\"Another title\",", "title")]
    public async Task A_key_given_twice_is_400_naming_it(string at, string insert, string field)
    {
        var json = Reports.Valid().ToJsonString();
        var index = json.IndexOf(at, StringComparison.Ordinal);
        var body = json[..index] + insert + json[(index + at.Length)..];

        var problem = await ExpectRefusedAsync("/api/reports", body);

        var (named, messages) = problem["errors"]!.AsObject().Single();
        Assert.Equal(field, named, ignoreCase: true);
        Assert.Contains("more than once", (string)messages![0]!);
    }

    [Theory]
    [InlineData("report title", "title")]
    [InlineData("report evidence", "evidence")]
    [InlineData("report segment", "segment.region")]
    [InlineData("report key", "body")]
    [InlineData("simulation", "report.title")]
    [InlineData("key name", "name")]
    [InlineData("ruleset draft", "workflows.Rules.RuleName")]
    [InlineData("action note", "note")]
    public async Task A_NUL_character_anywhere_is_400_naming_the_field_and_stores_nothing(string where, string field)
    {
        var report = Reports.Valid();
        var (path, body) = where switch
        {
            "report title" => ("/api/reports", report.With("title", "Thermostat\0fails")),
            "report evidence" => ("/api/reports", report.With("evidence", new JsonArray("ticket-1", "ticket\0-2"))),
            "report segment" => ("/api/reports", report.With("segment.region", "\0")),
            "report key" => ("/api/reports", report.With("ti\0tle", "x")),
            "simulation" => ("/api/rules/simulate", new JsonObject { ["report"] = report.With("title", "a\0b") }),
            "key name" => ("/api/keys", new JsonObject { ["name"] = "robot\0", ["role"] = "csm" }),
            "ruleset draft" => ("/api/rules/versions", NulInARuleName()),
            _ => ($"/api/work-items/{await ItemAsync()}/comment", new JsonObject { ["note"] = "seen\0", ["version"] = 1 }),
        };

        var problem = await ExpectRefusedAsync(path, body.ToJsonString());

        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("NUL", (string)problem["errors"]![field]![0]!);
    }

    static JsonObject NulInARuleName()
    {
        var draft = Rulesets.ShippedDraft();
        draft.Rule("SupplyProblemToLogistics")["RuleName"] = "Supply\0ToLogistics";
        return draft;
    }

    async Task<string> ItemAsync() => (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;

    async Task<JsonObject> ExpectRefusedAsync(string path, string body)
    {
        var before = await CountsAsync();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
        return JsonNode.Parse(text)!.AsObject();
    }

    Task<string> CountsAsync() => fixture.WithStoreAsync(async db =>
        $"reports {await db.Reports.CountAsync()}, items {await db.WorkItems.SumAsync(w => w.Version)}, rulesets {await db.Rulesets.CountAsync()}, " +
        $"keys {await db.ApiKeys.CountAsync()}, history {await db.History.CountAsync()}");
}

public sealed class BodyTextOnSqlite(SqliteFixture fixture) : BodyTextTests(fixture), IClassFixture<SqliteFixture>;

public sealed class BodyTextOnPostgres(PostgresFixture fixture) : BodyTextTests(fixture), IClassFixture<PostgresFixture>;
