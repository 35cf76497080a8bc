using System.Text.Json.Nodes;
using Npgsql;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.CalendarChangeFixture;

namespace Routing.Tests.Calendars;

/// A person acting on an item while a publish counts its due times again: neither is lost. On
/// PostgreSQL, where the two can interleave (SQLite takes one writer at a time), the publish's
/// write waits for the person's, finds the item changed, reads it again and counts from there.
public sealed class CalendarChangeRaceOnPostgres(PostgresCalendarChangeFixture fixture) : IClassFixture<PostgresCalendarChangeFixture>
{
    [Fact]
    public async Task A_person_changing_an_item_during_the_publish_keeps_the_change_and_the_item_still_moves()
    {
        var client = fixture.Client;
        var monday = await fixture.ToNextMondayAsync(10);
        var id = Guid.Parse((string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!);
        await fixture.ToAsync(At(monday, 12));
        var active = await client.GetJsonAsync("/api/rules");
        var draft = new JsonObject
        {
            ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone(), ["calendars"] = active["calendars"]!.DeepClone(),
        };
        draft["calendars"]!.AsArray().Single(c => (string)c!["id"]! == "office-logistics")!["holidays"] =
            new JsonObject { ["dates"] = new JsonArray($"{monday.AddDays(2):yyyy-MM-dd}") };
        var version = await client.DraftAsync(draft);

        // A person's change to the item, written and not yet committed, as an action in flight.
        await using var person = new NpgsqlConnection(fixture.Store.ConnectionString);
        await person.OpenAsync();
        await using var change = await person.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand(
            """UPDATE work_items SET "Version" = "Version" + 1, "Priority" = 'P2' WHERE "Id" = @id""", person, change))
        {
            update.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        var publishing = client.PostAsync($"/api/rules/versions/{version}/publish", null);
        await Eventually.HoldsAsync(async () =>
        {
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", person);
            return publishing.IsCompleted || (long)(await waiting.ExecuteScalarAsync())! > 0;
        }, TimeSpan.FromSeconds(30), "the publish waits for the person's change");
        await change.CommitAsync();

        var published = await publishing;
        Assert.Equal(System.Net.HttpStatusCode.OK, published.StatusCode);
        var item = await client.GetItemAsync($"{id}");
        Assert.Equal("P2", (string)item["priority"]!);
        // Moved as in CalendarChangeTests: the 14 hours left to acknowledge skip the Wednesday off.
        Assert.Equal(At(monday.AddDays(3), 10), DateTimeOffset.Parse((string)item["ackDueAt"]!));
        Assert.Equal(3, (int)item["version"]!); // opened 1, the person's 2, the publish's 3
        Assert.Single((await client.TimelineAsync($"{id}")).Kinds(), "work-item.due-times-moved");
    }
}
