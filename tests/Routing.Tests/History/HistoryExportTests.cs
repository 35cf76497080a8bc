using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.History;

/// The export holds exactly what the same search finds: every filter counts, in NDJSON and CSV.
public abstract class HistoryExportTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task The_export_holds_only_the_events_of_the_department_actor_and_kind_searched()
    {
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var from = fixture.Clock.GetUtcNow();
        // Two people acting on items of two departments.
        var (ann, annClient) = await PersonAsync("ann");
        var (bob, bobClient) = await PersonAsync("bob");
        var (logistics1, rnd1) = await SubmitAsync();
        var (logistics2, rnd2) = await SubmitAsync();
        await annClient.DoAsync(logistics1, "acknowledge");
        await annClient.DoAsync(rnd1, "acknowledge");
        await bobClient.DoAsync(logistics2, "acknowledge");
        await bobClient.DoAsync(rnd2, "acknowledge");
        var comment = await annClient.DoAsync(logistics2, "comment", "Depot 7 again");
        // An event written under a kind's former name, as older stores hold them.
        var former = await fixture.WithStoreAsync(async db =>
        {
            var e = new HistoryEvent
            {
                At = fixture.Clock.GetUtcNow(), Actor = ann, Kind = "work-item.acknowledge", Department = "logistics",
                WorkItemId = Guid.Parse(logistics1), Data = """{"before":"Routed","after":"Acknowledged","note":null}""",
            };
            db.History.Add(e);
            await db.SaveChangesAsync();
            return e.Sequence;
        });
        var since = $"from={Uri.EscapeDataString(from.ToString("O"))}";

        // What the store holds of that period, read directly: the answer each export must give.
        var mine = await fixture.WithStoreAsync(db => db.History.AsNoTracking().Where(e => e.At >= from)
            .Select(e => new { e.Sequence, e.Actor, e.Department, e.Kind, e.WorkItemId }).ToListAsync());
        long[] Expected(Func<string, string?, string, bool> keep) =>
            [.. mine.Where(e => keep(e.Actor, e.Department, HistoryKinds.Current(e.Kind))).Select(e => e.Sequence).Order()];

        var inLogistics = Expected((_, department, _) => department == "logistics");
        Assert.Equal(inLogistics, await SequencesAsync($"{since}&department=logistics"));
        Assert.Contains(mine, e => e.Department == "rnd");

        var annInLogistics = Expected((actor, department, _) => actor == ann && department == "logistics");
        Assert.Equal(3, annInLogistics.Length); // her acknowledgement, her comment, the former-named event
        Assert.Equal(annInLogistics, await SequencesAsync($"{since}&department=logistics&actor={ann}"));
        Assert.Equal(Expected((actor, _, _) => actor == bob), await SequencesAsync($"{since}&actor={bob}"));

        var commented = await SequencesAsync($"{since}&department=logistics&actor={ann}&kind={HistoryKinds.Commented}");
        Assert.Single(commented);
        Assert.Equal(Guid.Parse(logistics2), mine.Single(e => e.Sequence == commented[0]).WorkItemId);
        Assert.Equal("Acknowledged", comment.State());

        // Today's name finds the event stored under the former one too, and so does the former name.
        var acknowledged = Expected((actor, department, kind) => actor == ann && department == "logistics" && kind == HistoryKinds.Acknowledged);
        Assert.Equal(2, acknowledged.Length);
        Assert.Contains(former, acknowledged);
        Assert.Equal(acknowledged, await SequencesAsync($"{since}&department=logistics&actor={ann}&kind={HistoryKinds.Acknowledged}"));
        Assert.Equal(acknowledged, await SequencesAsync($"{since}&department=logistics&actor={ann}&kind=work-item.acknowledge"));
        Assert.Empty(await SequencesAsync($"{since}&department=rnd&actor={ann}&kind={HistoryKinds.Commented}"));
    }

    async Task<(string Logistics, string Rnd)> SubmitAsync() => (
        (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!,
        (string)(await admin.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!);

    [Fact]
    public async Task The_export_refuses_filters_the_search_refuses()
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.GetAsync("/api/history/export?kind=work-item.acknowledge-ish")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/history/export?actor=x%00y")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/history/export?workItemId=not-an-id")).StatusCode);

        // The OpenAPI document offers the export the search's filters, and its kinds.
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var parameters = document["paths"]!["/api/history/export"]!["get"]!["parameters"]!.AsArray();
        Assert.Superset(new HashSet<string> { "reportId", "workItemId", "department", "kind", "actor", "from", "to", "format" },
            parameters.Select(p => (string)p!["name"]!).ToHashSet());
        Assert.Equal(HistoryKinds.All, parameters.Single(p => (string)p!["name"]! == "kind")!["schema"]!["enum"].Strings());
        // The console's copy answers a signed-in browser (a cookie), not an API client: not in the document.
        Assert.DoesNotContain(document["paths"]!.AsObject().Select(p => p.Key), path => path.StartsWith("/console", StringComparison.Ordinal));
    }

    /// The sequences of the events exported with this query, the same in NDJSON and in CSV.
    async Task<long[]> SequencesAsync(string query)
    {
        var ndjson = (await admin.GetStringAsync($"/api/history/export?format=ndjson&{query}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (long)JsonNode.Parse(l)!["sequence"]!).ToArray();
        // The first column is the sequence, a number, never quoted; a row may hold no line break
        // (the data column is one line of JSON).
        var csv = (await admin.GetStringAsync($"/api/history/export?format=csv&{query}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => long.Parse(l[..l.IndexOf(',')])).ToArray();
        Assert.Equal(ndjson, csv);
        return ndjson;
    }

    /// A person with a key of their own, allowed to act on every department's items.
    async Task<(string Name, HttpClient Client)> PersonAsync(string who)
    {
        var name = $"{who}-{Guid.NewGuid():N}"[..16];
        var created = await admin.PostAsJsonAsync("/api/keys", new { name, role = "admin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (name, fixture.App.ClientWithKey((string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!));
    }
}

public sealed class HistoryExportOnSqlite(SqliteFixture fixture) : HistoryExportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HistoryExportOnPostgres(PostgresFixture fixture) : HistoryExportTests(fixture), IClassFixture<PostgresFixture>;
