using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsvHelper;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.History;

/// An auditor exports a department's CAPA records for a period: one row per work item opened in
/// it, each field its lifecycle records in a column of its own, holding the latest value.
public abstract partial class CapaRecordsTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static readonly string[] Columns = ["workItemId", "reportTitle", "product", "lifecycle", "lifecycleVersion", "state", "openedAt", "resolvedAt"];

    static readonly string[] CapaFields =
    [
        "containment", "rootCause.method", "rootCause.cause", "rootCause.elsewhere",
        "correctiveAction.plan", "correctiveAction.owner", "correctiveAction.due", "correctiveAction.taken", "preventiveAction",
    ];

    /// A fresh period: the clock moves on, so the items a test opens now are the only ones in it.
    async Task<DateTimeOffset> NewPeriodAsync()
    {
        await fixture.AdvanceAsync(TimeSpan.FromDays(30));
        return fixture.Clock.GetUtcNow();
    }

    static string Period(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

    async Task<string> OpenAsync(string category, string department, string title = "Thermostat fails in cold months") =>
        (string)(await admin.SubmitAsync(Reports.Valid(category).With("title", title))).Item(department)["id"]!;

    /// The CSV's header and its rows, each by column name.
    static async Task<(string[] Header, List<Dictionary<string, string>> Rows)> CsvAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        await using var reader = CsvReader.Create(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)), CsvReaderOptions.Default with { Separator = ',' });
        await reader.ReadHeaderAsync();
        var header = reader.Headers.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (await reader.ReadAsync())
            rows.Add(header.Select((h, i) => (h, v: reader.GetString(i) ?? "")).ToDictionary(c => c.h, c => c.v));
        return (header, rows);
    }

    [Fact]
    public async Task Each_item_of_the_department_is_a_row_with_each_field_in_its_column()
    {
        var from = await NewPeriodAsync();
        var worked = await OpenAsync("quality", "manufacturing", "Boards crack in the cold");
        await admin.DoWithAsync(worked, "contain", LifecycleActions.CapaSteps[0].Fields);
        await admin.DoWithAsync(worked, "find-cause", LifecycleActions.CapaSteps[1].Fields);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var untouched = await OpenAsync("quality", "manufacturing", "Knob comes off");
        var elsewhere = await OpenAsync("supply", "logistics");
        await admin.DoWithAsync(elsewhere, "contain", new { containment = "Rerouted via Detroit" });

        var (header, rows) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=manufacturing&{Period(from, from.AddDays(1))}&format=csv"));

        Assert.Equal([.. Columns, .. CapaFields], header);
        Assert.Equal([worked, untouched], rows.Select(r => r["workItemId"]));
        var row = rows[0];
        Assert.Equal(("Boards crack in the cold", "corrective-action", "1", "CauseFound", ""),
            (row["reportTitle"], row["lifecycle"], row["lifecycleVersion"], row["state"], row["resolvedAt"]));
        Assert.StartsWith("HX-200 heater", row["product"]);
        Assert.Equal(from, DateTimeOffset.Parse(row["openedAt"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("Quarantined 400 boards at the Flint plant", "5-whys", "Solder joint cracks below -10 C", "The HX-300 uses the same board", ""),
            (row["containment"], row["rootCause.method"], row["rootCause.cause"], row["rootCause.elsewhere"], row["correctiveAction.plan"]));
        // An item that recorded nothing is listed, its fields empty: an auditor looks for exactly those.
        Assert.Equal(("Knob comes off", "Routed"), (rows[1]["reportTitle"], rows[1]["state"]));
        Assert.All(CapaFields, f => Assert.Equal("", rows[1][f]));
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_escaped()
    {
        var from = await NewPeriodAsync();
        var id = await OpenAsync("quality", "manufacturing", "=HYPERLINK(\"http://x.example\")");
        await admin.DoWithAsync(id, "contain", new { containment = "+1 line stopped" });

        var (_, rows) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=manufacturing&{Period(from, from.AddDays(1))}"));

        var row = Assert.Single(rows);
        Assert.Equal(("'=HYPERLINK(\"http://x.example\")", "'+1 line stopped"), (row["reportTitle"], row["containment"]));
    }

    [Fact]
    public async Task A_resolved_item_shows_when_and_the_latest_value_of_each_field()
    {
        var from = await NewPeriodAsync();
        var id = await OpenAsync("design", "rnd");
        foreach (var (action, fields) in LifecycleActions.CapaSteps) await admin.DoWithAsync(id, action, fields);
        var resolvedAt = fixture.Clock.GetUtcNow();

        var response = await admin.GetAsync($"/api/work-items/records?department=rnd&{Period(from, from.AddDays(1))}&format=ndjson");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var line = Assert.Single((await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var record = JsonNode.Parse(line)!;
        Assert.Equal((id, "Resolved", 1), ((string)record["workItemId"]!, (string)record["state"]!, (int)record["lifecycleVersion"]!));
        Assert.Equal(resolvedAt, (DateTimeOffset)record["resolvedAt"]!);
        Assert.Equal("Cold test added to the HX-300 line", (string)record["fields"]!["preventiveAction"]!);
        var (_, rows) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=rnd&{Period(from, from.AddDays(1))}"));
        Assert.Equal(resolvedAt, DateTimeOffset.Parse(Assert.Single(rows)["resolvedAt"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Only_items_opened_in_the_period_are_listed()
    {
        var before = await NewPeriodAsync();
        var early = await OpenAsync("quality", "manufacturing");
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var from = fixture.Clock.GetUtcNow();
        var inside = await OpenAsync("quality", "manufacturing");
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var to = fixture.Clock.GetUtcNow();
        var late = await OpenAsync("quality", "manufacturing");
        await admin.DoWithAsync(early, "contain", LifecycleActions.CapaSteps[0].Fields); // worked in the period, opened before it

        var (_, rows) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=manufacturing&{Period(from, to)}"));
        Assert.Equal([inside], rows.Select(r => r["workItemId"]));

        var (_, all) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=manufacturing&from={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.Equal([early, inside, late], all.Select(r => r["workItemId"]));
    }

    [Fact]
    public async Task Items_opened_under_another_version_keep_their_lifecycles_fields_in_columns_of_their_own()
    {
        var from = await NewPeriodAsync();
        var old = await OpenAsync("quality", "manufacturing");
        var draft = ShippedDraft.Build();
        draft.Lifecycle("corrective-action").Part("actions", "contain")["fields"] = new JsonArray(
            new JsonObject { ["name"] = "containment", ["type"] = "text" },
            new JsonObject { ["name"] = "containment.lots", ["type"] = "list", ["label"] = "Lots quarantined" });
        var first = (int)(await admin.GetJsonAsync("/api/rules"))["version"]!;
        var second = await admin.DraftAsync(draft);
        await admin.PublishAsync(second);
        try
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
            var fresh = await OpenAsync("quality", "manufacturing");
            await admin.DoWithAsync(fresh, "contain", new Dictionary<string, object> { ["containment"] = "Sorted", ["containment.lots"] = new[] { "L-1", "L-2" } });
            await admin.DoWithAsync(old, "contain", LifecycleActions.CapaSteps[0].Fields);

            var (header, rows) = await CsvAsync(await admin.GetAsync($"/api/work-items/records?department=manufacturing&{Period(from, from.AddDays(1))}"));

            Assert.Equal([.. Columns, "containment", "containment.lots", .. CapaFields[1..]], header);
            Assert.Equal([(old, first.ToString(), ""), (fresh, second.ToString(), "L-1; L-2")],
                rows.Select(r => (r["workItemId"], r["lifecycleVersion"], r["containment.lots"])));
        }
        finally
        {
            await admin.PublishAsync(first);
        }
    }

    [Theory]
    [InlineData("auditor", "manufacturing", HttpStatusCode.OK)]
    [InlineData("csm", "manufacturing", HttpStatusCode.OK)]
    [InlineData("department-head", "manufacturing", HttpStatusCode.OK)]
    [InlineData("department-head", "rnd", HttpStatusCode.NotFound)]
    public async Task Auditors_admins_and_csms_export_any_department_and_a_head_only_theirs(string role, string head, HttpStatusCode expected)
    {
        var from = await NewPeriodAsync();
        await OpenAsync("quality", "manufacturing");
        var reader = fixture.App.ClientWithKey(await admin.CreateKeyAsync(role, role == "department-head" ? new[] { head } : []));

        var response = await reader.GetAsync($"/api/work-items/records?department=manufacturing&{Period(from, from.AddDays(1))}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Single((await CsvAsync(response)).Rows);
    }

    [Theory]
    [InlineData("", "department")]
    [InlineData("department=manufacturing&from=yesterday", "from")]
    [InlineData("department=manufacturing&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "to")]
    [InlineData("department=manufacturing&format=xlsx", "format")]
    public async Task Bad_parameters_are_400_naming_them(string query, string parameter)
    {
        var response = await admin.GetAsync($"/api/work-items/records?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![parameter]);
    }

    [Fact]
    public async Task The_openapi_document_offers_the_export_with_its_parameters()
    {
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!;
        var parameters = document["paths"]!["/api/work-items/records"]!["get"]!["parameters"]!.AsArray();
        Assert.Superset(new HashSet<string> { "department", "from", "to", "format" }, parameters.Select(p => (string)p!["name"]!).ToHashSet());
        Assert.Null(document["paths"]!["/console/work-items/records"]);
    }

    [Fact]
    public async Task An_unknown_department_is_404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/work-items/records?department=astrology")).StatusCode);

    [Fact]
    public async Task The_history_page_links_the_chosen_departments_records_for_its_period()
    {
        var from = await NewPeriodAsync();
        var id = await OpenAsync("quality", "manufacturing");
        await admin.DoWithAsync(id, "contain", LifecycleActions.CapaSteps[0].Fields);
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(await admin.CreateKeyAsync("auditor"));

        var unchosen = await browser.GetStringAsync("/console/history");
        Assert.DoesNotContain("/console/work-items/records", unchosen);
        Assert.Contains("Choose a department to export its CAPA records", unchosen);

        var page = await browser.GetStringAsync($"/console/history?department=manufacturing&kind=work-item.acted&{Period(from, from.AddDays(1))}");
        var link = WebUtility.HtmlDecode(RecordsLink().Match(page).Groups[1].Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), link).Query);
        Assert.Equal(("manufacturing", from.ToString("O"), "csv"), (query["department"].ToString(), query["from"].ToString(), query["format"].ToString()));
        Assert.False(query.ContainsKey("kind"));
        var (_, rows) = await CsvAsync(await browser.GetAsync(link));
        Assert.Equal("Quarantined 400 boards at the Flint plant", Assert.Single(rows)["containment"]);
    }

    [GeneratedRegex("href=\"(/console/work-items/records\\?[^\"]+)\">Export CAPA records")]
    private static partial Regex RecordsLink();
}

public sealed class CapaRecordsOnSqlite(SqliteShippedLifecyclesFixture fixture) : CapaRecordsTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class CapaRecordsOnPostgres(PostgresShippedLifecyclesFixture fixture) : CapaRecordsTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
