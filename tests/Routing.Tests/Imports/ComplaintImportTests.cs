using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Imports;

/// A CSM imports complaints from the ticket system (ComplaintImport): each line stored once, in
/// any format; bad lines named by number and field while the good ones are stored; a file sent
/// again stores nothing twice.
public abstract class ComplaintImportTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static List<JsonObject> Tickets(string product, int count) =>
        [.. Enumerable.Range(1, count).Select(i => Complaint($"{product}-T{i}", product).With("region", i % 2 == 0 ? "Ohio" : "Michigan"))];

    Task<int> StoredAsync(string product) => fixture.WithStoreAsync(db => db.Complaints.CountAsync(c => c.Product == product));

    [Fact]
    public async Task The_same_tickets_as_NDJSON_CSV_or_a_JSON_array_are_the_same_complaints()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var tickets = Tickets(product, 3);
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));

        var first = await csm.PostAsync("/api/complaints", AsNdjson(tickets), Ndjson);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((3, 0, 0, ""), Counts(first.Body));
        // The same content in another format is recognised as the same complaint: a duplicate.
        Assert.Equal((0, 3, 0, ""), Counts((await csm.PostAsync("/api/complaints", AsCsv(tickets, ComplaintFields), Csv)).Body));
        Assert.Equal((0, 3, 0, ""), Counts((await csm.PostAsync("/api/complaints", AsJsonArray(tickets), Json)).Body));

        var stored = await fixture.WithStoreAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == $"{product}-T2"));
        Assert.Equal((new DateTimeOffset(2026, 11, 2, 8, 15, 0, TimeSpan.Zero), "quality", "Ohio", "65+", null, "phone", "Acme Controls", null),
            (stored.ReceivedAt, stored.Category, stored.Region, stored.AgeGroup, stored.Accessibility, stored.Channel, stored.Vendor, stored.Depot));
        Assert.Equal("Stops heating below -10 °C, says \"E4\", twice a day", stored.Summary);
        Assert.Equal(3, await StoredAsync(product));
    }

    [Fact]
    public async Task Bad_lines_are_named_by_number_and_field_and_the_good_ones_are_stored()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var lines = string.Join("\n",
            Complaint($"{product}-1", product).ToJsonString(),
            Complaint("", product).ToJsonString(),
            Complaint($"{product}-3", product, receivedAt: "2026-11-24T09:00:01Z").ToJsonString(),
            Complaint($"{product}-4", product, category: "weather").ToJsonString(),
            """{"id": "broken", "product": """,
            "",
            Complaint($"{product}-7", product, receivedAt: "last Tuesday").ToJsonString(),
            Complaint($"{product}-8", product).ToJsonString());

        var (status, body) = await admin.PostAsync("/api/complaints", lines, Ndjson);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0, 5, "2 id, 3 receivedAt, 4 category, 5 line, 7 receivedAt"), Counts(body));
        Assert.Equal("is in the future.", (string)body!["errors"]![1]!["message"]!);
        Assert.Equal(2, await StoredAsync(product));
        var imported = await fixture.LatestEventAsync<ComplaintsImported>(HistoryKinds.ComplaintsImported);
        Assert.Equal(("api", 2L, 0L, 5L, null), (imported.Source, imported.Accepted, imported.Duplicates, imported.Rejected, imported.File));
    }

    [Fact]
    public async Task A_CSV_line_is_numbered_as_the_file_is_and_a_missing_column_is_required()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var csv = AsCsv([Complaint($"{product}-1", product), Complaint($"{product}-2", product)], ["id", "receivedAt", "product", "summary"]);

        var (_, body) = await admin.PostAsync("/api/complaints", csv + $"{product}-3,2026-11-02T08:15:00Z\r\n", Csv);

        Assert.Equal((0, 0, 3, "2 category, 3 category, 4 line"), Counts(body));
    }

    [Fact]
    public async Task The_same_file_twice_stores_nothing_twice_and_a_retry_completes_a_cut_off_import()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var tickets = Tickets(product, 10);

        // The connection dropped after the first batches: what was committed stays.
        Assert.Equal((4, 0, 0, ""), Counts((await admin.PostAsync("/api/complaints", AsNdjson(tickets.Take(4)), Ndjson)).Body));
        Assert.Equal((6, 4, 0, ""), Counts((await admin.PostAsync("/api/complaints", AsNdjson(tickets), Ndjson)).Body));
        Assert.Equal((0, 10, 0, ""), Counts((await admin.PostAsync("/api/complaints", AsNdjson(tickets), Ndjson)).Body));

        Assert.Equal(10, await StoredAsync(product));
        var imported = await fixture.LatestEventAsync<ComplaintsImported>(HistoryKinds.ComplaintsImported);
        Assert.Equal((0L, 10L), (imported.Accepted, imported.Duplicates));
    }

    [Fact]
    public async Task An_id_seen_again_with_other_content_is_an_error_and_the_first_complaint_stays()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        await admin.PostAsync("/api/complaints", AsNdjson([Complaint($"{product}-1", product)]), Ndjson);

        var (_, body) = await admin.PostAsync("/api/complaints", AsNdjson([
            Complaint($"{product}-2", product), Complaint($"{product}-1", product, category: "design"),
            Complaint($"{product}-2", product, category: "supply")]), Ndjson);

        Assert.Equal((1, 0, 2, "2 id, 3 id"), Counts(body));
        Assert.Contains("other content", (string)body!["errors"]![0]!["message"]!);
        var categories = await fixture.WithStoreAsync(db => db.Complaints.Where(c => c.Product == product).OrderBy(c => c.Id).Select(c => c.Category).ToListAsync());
        Assert.Equal(["quality", "quality"], categories);
    }

    [Fact]
    public async Task Only_CSMs_and_admins_import_and_a_body_must_be_a_known_format_with_lines()
    {
        var line = AsNdjson([Complaint($"roles-{Guid.NewGuid():N}", "HX-200")]);
        foreach (var role in (string[])["department-head", "auditor"])
        {
            var client = fixture.App.ClientWithKey(await admin.CreateKeyAsync(role, role == "department-head" ? ["rnd"] : []));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/complaints", line, Ndjson)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/exposure", line, Ndjson)).Status);
        }

        var xml = await admin.PostAsync("/api/complaints", "<complaints/>", "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.Status);
        Assert.Contains("text/csv", (string)xml.Body!["title"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/complaints", "", Ndjson)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/exposure", "[]", Json)).Status);
    }

    [Fact]
    public async Task Text_no_store_keeps_is_an_error_on_its_line_and_not_a_failed_import()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var nul = AsNdjson([Complaint($"{product}-1", product), Complaint($"{product}-2", product).With("region", "Mich\0igan")]);
        Assert.Equal((1, 0, 1, "2 region"), Counts((await admin.PostAsync("/api/complaints", nul, Ndjson)).Body));

        var array = System.Text.Encoding.UTF8.GetBytes(AsJsonArray([Complaint($"{product}-3", product), Complaint($"{product}-4", product)]));
        var at = Array.IndexOf(array, (byte)'M', Array.IndexOf(array, (byte)'}'));
        using var invalid = new ByteArrayContent([.. array[..at], 0xC3, 0x28, .. array[at..]]) { Headers = { ContentType = new(Json) } };
        using var response = await admin.PostAsync("/api/complaints", invalid);
        Assert.Equal((1, 0, 1, "2 line"), Counts(JsonNode.Parse(await response.Content.ReadAsStringAsync())));

        var csv = System.Text.Encoding.UTF8.GetBytes(AsCsv([Complaint($"{product}-5", product), Complaint($"{product}-6", product)], ComplaintFields));
        at = Array.LastIndexOf(csv, (byte)'M');
        using var invalidCsv = new ByteArrayContent([.. csv[..at], 0xC3, 0x28, 0xFF, .. csv[at..]]) { Headers = { ContentType = new(Csv) } };
        using var csvResponse = await admin.PostAsync("/api/complaints", invalidCsv);
        Assert.Equal((1, 0, 1, "3 region"), Counts(JsonNode.Parse(await csvResponse.Content.ReadAsStringAsync())));
        Assert.Equal(3, await StoredAsync(product));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_imports_with_their_formats_and_answers()
    {
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;

        foreach (var path in (string[])["/api/complaints", "/api/exposure"])
        {
            var post = document["paths"]![path]!["post"]!;
            Assert.Equal(["application/x-ndjson", "text/csv", "application/json"], post["requestBody"]!["content"]!.AsObject().Select(c => c.Key));
            // Its own answers, and those of every call with a key (OpenApiDocumentTests).
            Assert.Equal(["200", "400", "401", "403", "415", "429", "503"], post["responses"]!.AsObject().Select(r => r.Key).Order());
            Assert.Equal("Imports", (string)post["tags"]![0]!);
        }
    }
}

public sealed class ComplaintImportOnSqlite(SqliteFixture fixture) : ComplaintImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ComplaintImportOnPostgres(PostgresFixture fixture) : ComplaintImportTests(fixture), IClassFixture<PostgresFixture>;
