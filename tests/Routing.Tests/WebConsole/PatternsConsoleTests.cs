using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Patterns;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using Routing.Tests.Patterns;
using Routing.Tests.Imports;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// The console's Patterns pages over HTTP: who sees them, the list's order, filters and pages,
/// and a CSM's decisions about a candidate, which go through the API's PatternDecisions.
public abstract partial class PatternsConsoleTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task<HttpClient> SignedInAsync(string role, bool followRedirects = true)
    {
        var browser = ConsoleBrowser.Open(fixture.App, followRedirects);
        await browser.SignInAsync(role == "admin" ? RoutingApplication.AdminKey : await admin.CreateKeyAsync(role, role == "department-head" ? ["rnd"] : []));
        return browser;
    }

    /// A product whose Texas complaints run at five times Michigan's and Ohio's (5 a month on
    /// 1,000 units against 1), scanned: the Texas candidate.
    async Task<PatternCandidate> PlantAsync()
    {
        var product = $"AC-{Guid.NewGuid():N}"[..12];
        var complaints = new[] { "Michigan", "Ohio", "Texas" }.SelectMany(region => Enumerable.Range(1, 12)
            .SelectMany(month => PlantedPatterns.Many(product, "quality", region, month, region == "Texas" ? 5 : 1)));
        var units = new[] { "Michigan", "Ohio", "Texas" }.SelectMany(region => Enumerable.Range(1, 12).Select(month => new JsonObject
        {
            ["product"] = product, ["region"] = region, ["month"] = $"2025-{month:00}", ["unitsSold"] = 1_000,
        }));
        Assert.Equal(0L, (long)(await admin.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson)).Body!["rejected"]!);
        Assert.Equal(0L, (long)(await admin.PostAsync("/api/exposure", AsNdjson(units), Ndjson)).Body!["rejected"]!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/patterns/scan", "", Json)).Status);
        var candidates = await fixture.WithStoreAsync(db => db.Patterns.AsNoTracking().Where(p => p.Product == product).ToListAsync());
        return Assert.Single(candidates, p => p.Region == "Texas" && p.Method == PatternMethod.Rate && p.Months.Count == 0);
    }

    [Theory]
    [InlineData("csm", true)]
    [InlineData("auditor", true)]
    [InlineData("admin", true)]
    [InlineData("department-head", false)]
    public async Task The_menu_offers_the_patterns_to_the_roles_that_may_read_them_through_the_API(string role, bool allowed)
    {
        var browser = await SignedInAsync(role);
        var home = await PageAsync(browser, "/console");
        var menu = Regex.Match(home, "<nav aria-label=\"Console\">(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(allowed, menu.Contains("<a href=\"/console/patterns\">Patterns</a>"));
        var list = await browser.GetAsync("/console/patterns");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, list.StatusCode);
        var one = await browser.GetAsync($"/console/patterns/{Guid.NewGuid()}");
        Assert.Equal(allowed ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, one.StatusCode);
    }

    [Fact]
    public async Task The_list_is_strongest_first_by_status_and_product_fifty_a_page()
    {
        // 60 open candidates of one product (q from 0.0001 up; two of the same q: the one with
        // nothing elsewhere first, then the higher ratio), 3 dismissed, and another product's.
        var product = $"LS-{Guid.NewGuid():N}"[..12];
        var other = product + "-other";
        PatternCandidate Candidate(string name, int i, double q, double? ratio, string status = PatternStatus.Open) => new()
        {
            Id = Guid.CreateVersion7(), Key = $"{name}|{i}", Product = name, Category = "quality", Region = $"Region {i:00}", Method = PatternMethod.Rate,
            Complaints = 10 + i, UnitsSold = 1000, Rate = 0.01, BaselineRate = 0.001, Ratio = ratio, PValue = q / 2, QValue = q,
            Explanation = $"{name}, Region {i:00}: candidate {i}", Status = status, StillFlagged = i != 2,
            FirstSeenAt = RoutingFixture.Start, UpdatedAt = RoutingFixture.Start,
        };
        await fixture.WithStoreAsync(async db =>
        {
            db.Patterns.AddRange(Enumerable.Range(1, 60).Select(i => Candidate(product, i, 0.0001 * (i <= 2 ? 1 : i), i == 1 ? 3.0 : i == 2 ? null : 5.0)));
            db.Patterns.AddRange(Enumerable.Range(61, 3).Select(i => Candidate(product, i, 0.00001, 9.0, PatternStatus.Dismissed)));
            db.Patterns.Add(Candidate(other, 1, 0.00001, 9.0));
            return await db.SaveChangesAsync();
        });
        var browser = await SignedInAsync("csm");

        var first = await PageAsync(browser, $"/console/patterns?product={product}");
        Assert.Equal(["candidate 2", "candidate 1", .. Enumerable.Range(3, 48).Select(i => $"candidate {i}")], Rows(first));
        Assert.Contains("60 candidates, 1–50 shown.", first);
        Assert.Contains("no longer flagged", Row(first, 2));
        Assert.DoesNotContain("no longer flagged", Row(first, 1));
        Assert.Contains("<td data-label=\"Segment\">Region 01</td>", Row(first, 1));
        Assert.Contains("<td data-label=\"Rate vs baseline\" class=\"nowrap\">1.0% vs 0.1%</td>", Row(first, 1));
        Assert.Contains("<td data-label=\"Ratio\" class=\"nowrap\">none elsewhere</td>", Row(first, 2));
        Assert.Contains("Page 1 of 2", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        var next = Regex.Match(first, "<a href=\"([^\"]+)\" rel=\"next\">").Groups[1].Value;
        Assert.Equal($"/console/patterns?status=open&product={product}&pageNumber=2", next);

        var second = await PageAsync(browser, WebUtility.HtmlDecode(next));
        Assert.Equal(Enumerable.Range(51, 10).Select(i => $"candidate {i}"), Rows(second));
        Assert.Contains("rel=\"prev\"", second);
        Assert.DoesNotContain("rel=\"next\"", second);

        Assert.Equal(Enumerable.Range(61, 3).Select(i => $"candidate {i}"), Rows(await PageAsync(browser, $"/console/patterns?status=dismissed&product={product}")));
        var all = Rows(await PageAsync(browser, $"/console/patterns?status=all&product={product}"));
        Assert.Equal(["candidate 61", "candidate 62", "candidate 63", "candidate 2", "candidate 1"], all.Take(5));
        Assert.Equal(["candidate 1"], Rows(await PageAsync(browser, $"/console/patterns?product={other}")));
    }

    [Fact]
    public async Task A_csm_reads_a_candidate_submits_it_with_its_form_and_lands_on_the_routed_report()
    {
        var texas = await PlantAsync();
        var csm = await SignedInAsync("csm", followRedirects: false);
        var path = $"/console/patterns/{texas.Id}";
        var page = await PageAsync(csm, path);

        Assert.Contains(ShortId.Of(texas.Id), page);
        Assert.Contains($"<p class=\"explanation\">{texas.Explanation}</p>", page);
        Assert.Contains("<dt>Units sold</dt><dd>12,000</dd>", page);
        // The chart names itself and the table holds its numbers: Texas's 5 of 1,000 each month against 2 of 2,000.
        Assert.Matches("<svg role=\"img\" aria-labelledby=\"series-title\"[^>]*><title id=\"series-title\">Complaints per unit sold, month by month: Texas against", page);
        Assert.Equal(12, Regex.Matches(page, "<td data-label=\"Texas\">5 of 1,000 \\(0.5%\\)</td>").Count);
        Assert.Equal(12, Regex.Matches(page, "<td data-label=\"The rest\">2 of 2,000 \\(0.1%\\)</td>").Count);
        // Its 60 complaints, 20 a page, oldest first.
        Assert.Contains("60 complaints, oldest first; page 1 of 3.", page);
        Assert.Equal(20, Regex.Matches(page, "<td data-label=\"Region\">Texas</td>").Count);
        Assert.Contains("?evidence=2#evidence\" rel=\"next\"", page);
        Assert.Contains("page 3 of 3", await PageAsync(csm, path + "?evidence=3"));
        // The form, prefilled from the candidate.
        Assert.Contains($"value=\"{texas.Product}, Texas: quality complaints out of line\"", page);
        Assert.Contains($">{texas.Explanation}</textarea>", page);

        var noSeverity = await csm.PostAsync(path + "?handler=Submit", ConsoleBrowser.Form(FormOf(page, "Submit"), new()
        {
            ["title"] = "Texas units fail", ["severity"] = "", ["description"] = texas.Explanation, ["recommendation"] = "",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noSeverity.StatusCode);
        var refused = await BodyAsync(noSeverity);
        Assert.Matches("<select id=\"severity\"[^>]* aria-invalid=\"true\"\\s+aria-describedby=\"severity-error\">", refused);
        Assert.Contains("<p id=\"severity-error\" class=\"error\">Severity is required.</p>", refused);
        Assert.Contains("value=\"Texas units fail\"", refused); // kept as typed
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.PatternId == texas.Id)));

        var submitted = await csm.PostAsync(path + "?handler=Submit", ConsoleBrowser.Form(FormOf(refused, "Submit"), new()
        {
            ["title"] = "Texas units fail", ["severity"] = "high",
            ["description"] = texas.Explanation + "\nThe heat in the depot.", ["recommendation"] = "Check the seals",
        }));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var reportPath = submitted.Headers.Location!.OriginalString;
        Assert.Matches("^/console/reports/[0-9a-f-]{36}\\?submitted=true$", reportPath);

        var report = await fixture.WithStoreAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.PatternId == texas.Id));
        Assert.Equal(("Texas units fail", "high", "Check the seals", texas.Product, "Texas", 60, 60),
            (report.Title, report.Severity, report.Recommendation, report.Product, report.Region, report.ReportCount, report.Evidence.Count));
        // What the CSM added, then the candidate's sentence once.
        Assert.Equal("The heat in the depot.\n\n" + texas.Explanation, report.Description);
        var landed = await PageAsync(csm, reportPath);
        Assert.Contains("Submitted and routed: this report is", landed);
        Assert.Contains($"<a href=\"/console/patterns/{texas.Id}\">", landed);
        Assert.Contains(">Manufacturing</a>: Routed", landed);

        var after = await PageAsync(csm, path);
        Assert.Matches($"Submitted by csm-[^,]+, <time [^>]+>[^<]+</time>, as the report\\s+<a href=\"/console/reports/{report.Id}\">Texas units fail</a>", after);
        Assert.DoesNotContain("handler=Submit", after);
        Assert.DoesNotContain("handler=Dismiss", after);
        var again = await csm.PostAsync(path + "?handler=Submit", ConsoleBrowser.Form(FormOf(page, "Submit"), new() { ["severity"] = "high" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Not submitted: the candidate is submitted, not open.", await BodyAsync(again));
    }

    [Fact]
    public async Task A_csm_dismisses_a_candidate_with_a_reason_and_is_back_on_the_list()
    {
        var texas = await PlantAsync();
        var csm = await SignedInAsync("csm", followRedirects: false);
        var path = $"/console/patterns/{texas.Id}";
        var page = await PageAsync(csm, path);
        Assert.Contains("<details class=\"confirm\">", page); // asked in place, closed

        var noReason = await csm.PostAsync(path + "?handler=Dismiss", ConsoleBrowser.Form(FormOf(page, "Dismiss"), new() { ["reason"] = "  " }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var refused = await BodyAsync(noReason);
        Assert.Contains("<details class=\"confirm\" open=\"open\">", refused);
        Assert.Contains("<p id=\"reason-error\" class=\"error\">Reason is required.</p>", refused);
        Assert.Equal(PatternStatus.Open, await StatusAsync(texas.Id));

        var dismissed = await csm.PostAsync(path + "?handler=Dismiss", ConsoleBrowser.Form(FormOf(page, "Dismiss"), new() { ["reason"] = "Texas had a heatwave" }));
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal($"/console/patterns?dismissed={texas.Id}", dismissed.Headers.Location!.OriginalString);
        var list = await PageAsync(csm, dismissed.Headers.Location.OriginalString);
        Assert.Matches($"role=\"status\" class=\"notice\">Candidate <a href=\"/console/patterns/{texas.Id}\"><span class=\"short-id\">{ShortId.Of(texas.Id)}</span></a> dismissed", list);
        Assert.DoesNotContain($"id=\"pattern-{ShortId.Of(texas.Id)}\"", list);
        Assert.Contains($"id=\"pattern-{ShortId.Of(texas.Id)}\"", await PageAsync(csm, $"/console/patterns?status=dismissed&product={texas.Product}"));

        var stored = await fixture.WithStoreAsync(db => db.Patterns.AsNoTracking().SingleAsync(p => p.Id == texas.Id));
        Assert.Equal((PatternStatus.Dismissed, "Texas had a heatwave"), (stored.Status, stored.DismissedReason));
        Assert.StartsWith("csm-", stored.DismissedBy);
        // The history says who dismissed which candidate, and why.
        var history = await fixture.LatestEventAsync<PatternDismissed>(HistoryKinds.PatternDismissed);
        Assert.Equal((texas.Id, texas.Product, "Texas", "Texas had a heatwave", 60L, texas.Ratio),
            (history.PatternId, history.Product, history.Segment, history.Reason, history.Complaints, history.Ratio));
        var after = await PageAsync(csm, path);
        Assert.Contains($"Dismissed by {stored.DismissedBy}", after);
        Assert.Contains("“Texas had a heatwave”", after);
        Assert.DoesNotContain("handler=Dismiss", after);
    }

    [Fact]
    public async Task A_disproportions_page_shows_the_values_share_month_by_month_and_no_units()
    {
        // 20 of the kettle's 40 quality complaints name "visually impaired" (all in April), 5 of the lamp's 100.
        var kettle = $"KT-{Guid.NewGuid():N}"[..12];
        var lamp = kettle + "-lamp";
        var complaints = PlantedPatterns.Many(kettle, "quality", null, 4, 20, accessibility: "visually impaired")
            .Concat(PlantedPatterns.Many(kettle, "quality", null, 5, 20, accessibility: "none"))
            .Concat(PlantedPatterns.Many(lamp, "quality", null, 4, 5, accessibility: "visually impaired"))
            .Concat(PlantedPatterns.Many(lamp, "quality", null, 5, 95, accessibility: "none"));
        Assert.Equal(0L, (long)(await admin.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson)).Body!["rejected"]!);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/patterns/scan", "", Json)).Status);
        var candidate = await fixture.WithStoreAsync(db => db.Patterns.AsNoTracking().SingleAsync(p => p.Product == kettle));

        var page = await PageAsync(await SignedInAsync("csm"), $"/console/patterns/{candidate.Id}");
        Assert.Contains("<dt>Share</dt><dd>50.0% of the product's quality complaints that say it</dd>", page);
        Assert.Contains("<dt>Baseline</dt><dd>5.0% among other products' quality complaints</dd>", page);
        Assert.Contains("<dt>Ratio</dt><dd>PRR 10.0</dd>", page);
        Assert.DoesNotContain("<dt>Units sold</dt>", page);
        Assert.Contains("<title id=\"series-title\">Share of complaints, month by month: accessibility: visually impaired against other products' quality complaints", page);
        Assert.Matches("<th scope=\"row\">Apr 2025</th>\\s*<td data-label=\"accessibility: visually impaired\">20 of 20 \\(100.0%\\)</td>\\s*<td data-label=\"Elsewhere\">5 of 5 \\(100.0%\\)</td>", page);
        Assert.Matches("<th scope=\"row\">May 2025</th>\\s*<td data-label=\"accessibility: visually impaired\">0 of 20 \\(0%\\)</td>\\s*<td data-label=\"Elsewhere\">0 of 95 \\(0%\\)</td>", page);
    }

    [Fact]
    public async Task An_auditor_reads_a_candidate_but_is_offered_no_decision_and_refused_one()
    {
        var texas = await PlantAsync();
        var reader = await SignedInAsync("auditor", followRedirects: false);
        var path = $"/console/patterns/{texas.Id}";
        var page = await PageAsync(reader, path);
        Assert.Contains(texas.Explanation, page);
        Assert.DoesNotContain("handler=Submit", page);
        Assert.DoesNotContain("handler=Dismiss", page);

        var submit = await reader.PostAsync(path + "?handler=Submit", ConsoleBrowser.Form(FormOf(page, "Submit"), new() { ["severity"] = "high" }));
        var dismiss = await reader.PostAsync(path + "?handler=Dismiss", ConsoleBrowser.Form(FormOf(page, "Dismiss"), new() { ["reason"] = "not ours" }));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (submit.StatusCode, dismiss.StatusCode));
        Assert.Equal(PatternStatus.Open, await StatusAsync(texas.Id));
    }

    [Fact]
    public async Task An_admin_decides_as_the_API_lets_them()
    {
        var texas = await PlantAsync();
        var browser = await SignedInAsync("admin", followRedirects: false);
        var path = $"/console/patterns/{texas.Id}";
        var page = await PageAsync(browser, path);
        Assert.Contains("handler=Submit", page);
        var dismiss = await browser.PostAsync(path + "?handler=Dismiss", ConsoleBrowser.Form(FormOf(page, "Dismiss"), new() { ["reason"] = "a known recall" }));
        Assert.Equal(HttpStatusCode.Redirect, dismiss.StatusCode);
        Assert.Equal(PatternStatus.Dismissed, await StatusAsync(texas.Id));
    }

    [Fact]
    public async Task Four_dismissals_at_once_dismiss_once_and_a_submit_after_them_is_refused()
    {
        var texas = await PlantAsync();
        var path = $"/api/patterns/{texas.Id}";
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            admin.PostAsync(path + "/dismiss", $$"""{ "reason": "seen it ({{i}})" }""", Json)));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            answers.Select(a => a.Status).Order());
        var id = texas.Id.ToString();
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.History.CountAsync(e => e.Kind == HistoryKinds.PatternDismissed && e.Data.Contains(id))));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(path + "/submit", """{ "severity": "high" }""", Json)).Status);
    }

    [Fact]
    public async Task A_page_past_the_last_shows_the_last_and_the_API_names_a_page_beyond_any_list()
    {
        var texas = await PlantAsync();
        var browser = await SignedInAsync("csm");
        using var list = await browser.GetAsync($"/console/patterns?pageNumber={int.MaxValue}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await BodyAsync(list);
        Assert.Contains("<td class=\"candidate\">", html);
        var pager = Regex.Match(html, @"Page (\d+) of (\d+)");
        Assert.True(!pager.Success || pager.Groups[1].Value == pager.Groups[2].Value, pager.Value);
        using var evidence = await browser.GetAsync($"/console/patterns/{texas.Id}?evidence={int.MaxValue}");
        Assert.Equal(HttpStatusCode.OK, evidence.StatusCode);
        using var api = await admin.GetAsync($"/api/patterns?page={int.MaxValue}");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("\"page\"", await api.Content.ReadAsStringAsync());
    }

    /// The form that posts to the handler, with its own anti-forgery token; empty when the page has
    /// no such form (a reader's page: their post then carries the token of the sign-out form).
    static string FormOf(string page, string handler) =>
        Regex.Match(page, $"<form [^>]*handler={handler}\".*?</form>", RegexOptions.Singleline) is { Success: true } form ? form.Value : page;

    /// A page's HTML with its characters as a reader sees them (Razor writes "–" as "&#x2013;").
    static async Task<string> PageAsync(HttpClient browser, string path) => WebUtility.HtmlDecode(await browser.GetStringAsync(path));

    static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    Task<string> StatusAsync(Guid id) => fixture.WithStoreAsync(db => db.Patterns.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());

    /// The rows' explanations ("candidate 7"), in order.
    static List<string> Rows(string html) => [.. CandidateLink().Matches(html).Select(m => m.Groups[1].Value)];

    static string Row(string html, int i) => Regex.Match(html, $"<tr id=\"pattern-[0-9a-f]+\">\\s*<td class=\"candidate\">\\s*<a [^>]+>[^<]*: candidate {i}</a>.*?</tr>", RegexOptions.Singleline).Value;

    [GeneratedRegex("<td class=\"candidate\">\\s*<a href=\"/console/patterns/[0-9a-f-]+\">[^<]*: (candidate \\d+)</a>")]
    private static partial Regex CandidateLink();
}

public sealed class PatternsConsoleOnSqlite(SqliteFixture fixture) : PatternsConsoleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PatternsConsoleOnPostgres(PostgresFixture fixture) : PatternsConsoleTests(fixture), IClassFixture<PostgresFixture>;
