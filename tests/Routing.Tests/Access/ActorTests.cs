using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Access;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// History names who acted: a key's name can pass neither for the service's own actors nor for
/// another key, and every event of an action taken with a key records the key's id.
public abstract class ActorTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Theory]
    [InlineData("system:timer")]
    [InlineData("System:Bootstrap")]
    [InlineData("Anonymous")]
    public async Task A_key_named_like_the_service_itself_is_refused(string name)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name, role = "csm" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["name"]);
        Assert.DoesNotContain(JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray(),
            k => string.Equals((string)k!["name"]!, name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_second_key_with_a_name_in_use_is_refused_whatever_its_case()
    {
        var name = $"Night Desk {Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/keys", new { name, role = "csm" })).StatusCode);

        var again = await admin.PostAsJsonAsync("/api/keys", new { name = name.ToUpperInvariant(), role = "auditor" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.NotNull(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["errors"]!["name"]);
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.ApiKeys.CountAsync(k => k.Name.ToLower() == name.ToLower())));
    }

    [Fact]
    public async Task A_name_taken_between_the_check_and_the_insert_is_refused_by_the_store_not_a_crash()
    {
        var name = $"Race {Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/keys", new { name, role = "csm" })).StatusCode);

        // The second of two admins creating one name at once passed the check before the first stored it.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var late = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name.ToUpperInvariant(), "csm", [], "racer", CancellationToken.None);

        Assert.Null(late);
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.ApiKeys.CountAsync(k => k.Name.ToLower() == name.ToLower())));
    }

    [Fact]
    public async Task An_event_of_an_action_taken_with_a_key_records_the_key_id()
    {
        var (id, key) = await admin.CreateKeyWithIdAsync("csm");
        var csm = fixture.App.ClientWithKey(key);
        var receipt = await csm.SubmitAsync(Reports.Valid("other"));
        var item = (string)receipt.Item("triage")["id"]!;
        await csm.DoAsync(item, "acknowledge");

        var events = (await admin.GetJsonAsync($"/api/history?reportId={receipt["reportId"]}"))["events"]!.AsArray();
        var accepted = events.Single(e => (string)e!["kind"]! == "report.accepted")!;
        Assert.Equal(id, (string?)accepted["actorKeyId"]);
        var timeline = await admin.TimelineAsync(item);
        Assert.Equal(id, (string?)timeline.Single(e => ((string)e!["kind"]!).Contains("acknowledge"))!["actorKeyId"]);

        await fixture.SealHistoryAsync();
        Assert.True((bool)(await admin.GetJsonAsync("/api/history/verify"))["ok"]!);
        var lines = (await admin.GetStringAsync("/api/history/export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains((string)receipt["reportId"]!) && l.Contains($"\"actorKeyId\":\"{id}\""));
        Assert.Contains(id, await admin.GetStringAsync("/api/history/export?format=csv"));
    }
}

public sealed class ActorsOnSqlite(SqliteFixture fixture) : ActorTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ActorsOnPostgres(PostgresFixture fixture) : ActorTests(fixture), IClassFixture<PostgresFixture>;
