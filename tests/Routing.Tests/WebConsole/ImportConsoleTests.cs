using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Imports;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// A CSM or an admin imports a file from the console's import page, as a form without script
/// sends it: the page says what was stored, lists the bad lines, and refuses a form it cannot
/// import with the reason at the field, storing nothing.
public abstract partial class ImportConsoleTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Theory]
    [InlineData("csm", true)]
    [InlineData("admin", true)]
    [InlineData("department-head", false)]
    [InlineData("auditor", false)]
    public async Task Only_csms_and_admins_are_offered_the_page_and_may_import(string role, bool allowed)
    {
        var browser = await SignedInAsync(role);
        var home = await browser.GetStringAsync("/console/inbox");
        Assert.Equal(allowed, home.Contains("<a href=\"/console/import\">Import</a>"));

        var page = await browser.GetAsync("/console/import");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, page.StatusCode);
        var product = $"HX-200 {Guid.NewGuid():N}";
        var file = $"{product}.csv";
        var sent = await browser.PostAsync("/console/import",
            Upload(allowed ? await page.Content.ReadAsStringAsync() : home, "complaints", file, AsCsv([Complaint($"{product}-1", product)], ComplaintFields)));
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, sent.StatusCode);
        Assert.Equal(allowed ? 1 : 0, await ImportsOfAsync(file));
    }

    [Fact]
    public async Task A_file_with_a_duplicate_and_a_bad_line_stores_the_good_ones_and_lists_the_bad()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var file = $"tickets {Guid.NewGuid():N}.csv";
        var browser = await SignedInAsync("csm");
        var csv = AsCsv([Complaint($"{product}-1", product), Complaint($"{product}-2", product), Complaint($"{product}-1", product),
            Complaint($"{product}-4", product, category: "weather"), Complaint($"{product}-5", product)], ComplaintFields);

        var response = await browser.PostAsync("/console/import", Upload(await browser.GetStringAsync("/console/import"), "complaints", file, csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("3 complaints accepted, 1 duplicate (already stored), 1 rejected.", html);
        // The header is line 1: the fourth complaint is on line 5.
        Assert.Equal(["5 | category | must be one of: "], ErrorRows(html).Select(r => r[..(r.IndexOf(':') + 2)]));
        Assert.Contains("<a href=\"/console/patterns\">See the patterns</a>", html);
        Assert.Equal(3, await fixture.WithStoreAsync(db => db.Complaints.CountAsync(c => c.Product == product)));
        var imported = await fixture.LatestEventAsync<ComplaintsImported>(HistoryKinds.ComplaintsImported);
        Assert.Equal(("console", file, 3L, 1L, 1L), (imported.Source, imported.File, imported.Accepted, imported.Duplicates, imported.Rejected));
    }

    [Fact]
    public async Task Of_many_bad_lines_the_page_lists_the_first_hundred_and_no_patterns_link_when_nothing_was_accepted()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var browser = await SignedInAsync("csm");
        var csv = AsCsv(Enumerable.Range(1, 120).Select(i => Complaint($"{product}-{i}", product, category: "weather")), ComplaintFields);

        var response = await browser.PostAsync("/console/import", Upload(await browser.GetStringAsync("/console/import"), "complaints", "bad.csv", csv));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("0 complaints accepted, 0 duplicates (already stored), 120 rejected.", html);
        Assert.Contains("<caption>The first 100 errors, by line</caption>", html);
        Assert.Equal(Enumerable.Range(2, 100).Select(l => $"{l} | category"), ErrorRows(html).Select(r => r[..r.LastIndexOf(" |")]));
        Assert.DoesNotContain("See the patterns", html);
    }

    [Fact]
    public async Task Units_sold_for_a_month_already_stored_replace_its_value_and_the_page_says_how_many()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var browser = await SignedInAsync("admin");
        JsonObject Sales(string region, string month, long units) => new() { ["product"] = product, ["region"] = region, ["month"] = month, ["unitsSold"] = units };
        // A file without an extension is read by its type, one with an extension by its extension.
        var first = await browser.PostAsync("/console/import", Upload(await browser.GetStringAsync("/console/import"), "exposure", "sales export",
            AsCsv([Sales("Michigan", "2026-01", 9000), Sales("Ohio", "2026-01", 400)], ["product", "region", "month", "unitsSold"]), Csv));
        Assert.Contains("2 rows of units sold accepted (0 of them replacing an earlier value)", await first.Content.ReadAsStringAsync());

        var file = $"sales {Guid.NewGuid():N}.json";
        var second = await browser.PostAsync("/console/import", Upload(await browser.GetStringAsync("/console/import"), "exposure", file,
            AsJsonArray([Sales("Michigan", "2026-01", 9500), Sales("Ohio", "2026-01", 400), Sales("Ohio", "2026-02", 380)]), "application/octet-stream"));

        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("2 rows of units sold accepted (1 of them replacing an earlier value), 1 duplicate (already stored), 0 rejected.", html);
        Assert.DoesNotContain("See the patterns", html);
        Assert.Equal([9500L, 400L, 380L], await fixture.WithStoreAsync(db => db.Exposure.Where(s => s.Product == product)
            .OrderBy(s => s.Region).ThenBy(s => s.Month).Select(s => s.UnitsSold).ToListAsync()));
        var imported = await fixture.LatestEventAsync<ExposureImported>(HistoryKinds.ExposureImported);
        Assert.Equal(("console", file, 2L, 1L, 1L), (imported.Source, imported.File, imported.Accepted, imported.Duplicates, imported.Replaced));
    }

    [Theory]
    [InlineData("complaints", "", "", "file", "Choose a file to import.")]
    [InlineData("complaints", "empty.csv", "", "file", "empty.csv has no lines.")]
    [InlineData("complaints", "header only.csv", "header", "file", "header only.csv has no lines.")]
    [InlineData("complaints", "tickets.xlsx", "lines", "file", "tickets.xlsx is not a CSV (.csv), NDJSON (.ndjson, .jsonl) or JSON array (.json) file.")]
    [InlineData("refunds", "tickets.csv", "lines", "kind", "\"refunds\" is not something to import: choose complaints or units sold.")]
    [InlineData(null, "tickets.csv", "lines", "kind", "Choose what the file holds: complaints or units sold.")]
    public async Task A_form_that_cannot_be_imported_says_why_at_the_field_and_stores_nothing(string? kind, string file, string content,
        string field, string message)
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var csv = AsCsv([Complaint($"{product}-1", product)], ComplaintFields);
        var browser = await SignedInAsync("csm");
        var before = await fixture.WithStoreAsync(db => db.History.CountAsync(h => h.Kind == HistoryKinds.ComplaintsImported));

        var response = await browser.PostAsync("/console/import", Upload(await browser.GetStringAsync("/console/import"), kind, file,
            content switch { "lines" => csv, "header" => csv[..csv.IndexOf('\n')], _ => "" }, file.EndsWith(".xlsx") ? "application/vnd.ms-excel" : Csv));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<p id=\"{field}-error\" class=\"error\">{message}</p>", html);
        Assert.Contains("Nothing was imported.", html);
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Complaints.CountAsync(c => c.Product == product)));
        Assert.Equal(before, await fixture.WithStoreAsync(db => db.History.CountAsync(h => h.Kind == HistoryKinds.ComplaintsImported)));
    }

    [Fact]
    public async Task A_form_without_its_own_anti_forgery_token_before_the_file_is_refused_and_stores_nothing()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var browser = await SignedInAsync("csm");
        var csv = AsCsv([Complaint($"{product}-1", product)], ComplaintFields);
        var otherSession = await ConsoleBrowser.Open(fixture.App).GetStringAsync("/console/sign-in");
        var parts = Upload(await browser.GetStringAsync("/console/import"), "complaints", "t.csv", csv).ToList();
        var tokenAfterFile = new MultipartFormDataContent();
        foreach (var part in parts.Skip(1).Append(parts[0])) tokenAfterFile.Add(part);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/console/import", Upload(otherSession, "complaints", "t.csv", csv))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/console/import", tokenAfterFile)).StatusCode);
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Complaints.CountAsync(c => c.Product == product)));
    }

    async Task<HttpClient> SignedInAsync(string role)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        var key = role == "admin" ? RoutingApplication.AdminKey : await admin.CreateKeyAsync(role, role == "department-head" ? ["logistics"] : []);
        await browser.SignInAsync(key);
        return browser;
    }

    Task<int> ImportsOfAsync(string file) => fixture.WithStoreAsync(db =>
        db.History.CountAsync(h => h.Kind == HistoryKinds.ComplaintsImported && h.Data.Contains(file)));

    /// The form as a browser sends it: the anti-forgery token of the page first, the kind, then
    /// the file (a file input left empty is sent with an empty name).
    internal static MultipartFormDataContent Upload(string page, string? kind, string fileName, string content, string contentType = Csv)
    {
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new(contentType) } };
        file.Headers.ContentDisposition = new("form-data") { Name = "\"file\"", FileName = $"\"{fileName}\"" };
        form.Add(file);
        return form;
    }

    /// The errors table's rows as "line | field | message".
    static IEnumerable<string> ErrorRows(string html) => Regex.Matches(html, "<tr><td data-label=\"Line\">(.*?)</td>\\s*<td data-label=\"Field\">(.*?)</td><td data-label=\"Problem\">(.*?)</td></tr>")
        .Select(m => $"{m.Groups[1].Value} | {m.Groups[2].Value} | {m.Groups[3].Value}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class ImportConsoleOnSqlite(SqliteFixture fixture) : ImportConsoleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ImportConsoleOnPostgres(PostgresFixture fixture) : ImportConsoleTests(fixture), IClassFixture<PostgresFixture>;
