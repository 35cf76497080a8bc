using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.WebConsole;

/// The console after measured checks, with the fake clock: three manufacturing fixes of a
/// known rate, two of which halve it and one does not. The overview's effective-fixes rate is
/// 2 of 3, each report page says its item's verdict, and the effective item's page shows the
/// criterion, the chart and its numbers.
public abstract partial class EffectivenessPagesTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    /// `units` a month from December 2025 to January 2027, and units ÷ 50 complaints a month (2%)
    /// from December 2025 to October 2026: for 3,000 a month, 660 before the fix, on about 35,300 units.
    async Task ImportAsync(string product, int units = 3000)
    {
        var sales = Enumerable.Range(0, 14).Select(i => new DateOnly(2025, 12, 1).AddMonths(i)).Select(m => new JsonObject
            { ["product"] = product, ["region"] = "Michigan", ["month"] = $"{m:yyyy-MM}", ["unitsSold"] = units });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/exposure", AsNdjson(sales), Ndjson)).Status);
        var complaints = Enumerable.Range(0, 11).SelectMany(month => Enumerable.Range(0, units / 50).Select(i =>
            Complaint($"{product}-before-{month}-{i}", product, receivedAt: $"{new DateOnly(2025, 12, 1).AddMonths(month).AddDays(i % 28):yyyy-MM-dd}T10:00:00Z")));
        await ComplaintsAsync(complaints);
    }

    async Task ComplaintsAsync(IEnumerable<JsonObject> complaints)
    {
        var (status, body) = await admin.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson);
        Assert.True(status == HttpStatusCode.OK && Counts(body).Rejected == 0, body?.ToJsonString());
    }

    /// After the fix (from 2026-11-25): `count` complaints in its first fortnight.
    static IEnumerable<JsonObject> After(string product, int count) => Enumerable.Range(0, count).Select(i =>
        Complaint($"{product}-after-{i}", product, receivedAt: $"{new DateOnly(2026, 11, 26).AddDays(i % 14):yyyy-MM-dd}T10:00:00Z"));

    [Fact]
    public async Task The_overview_counts_the_effective_fixes_and_the_report_and_item_pages_say_each_verdict_with_its_numbers()
    {
        string[] products = [.. Enumerable.Range(0, 4).Select(i => $"HX-{i} heater {Guid.NewGuid():N}")];
        var items = new List<(string Report, string Item)>();
        foreach (var product in products)
        {
            // The fourth sells too little (100 a month) to judge its fix: inconclusive, for a CSM to decide.
            await ImportAsync(product, product == products[3] ? 100 : 3000);
            var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("product", product).With("unitsSold", 36000).With("affectedUnits", 700));
            items.Add(((string)receipt["reportId"]!, (string)receipt.Item("manufacturing")["id"]!));
        }
        // A fix judged by recurrence (no numbers) does not count among the measured ones.
        var recurrence = (string)(await admin.SubmitAsync(Reports.Valid("quality"))).Item("manufacturing")["id"]!;
        foreach (var item in items.Select(i => i.Item).Append(recurrence))
            await admin.DoAsync(item, "acknowledge");

        // The item page's resolve takes the criterion; what it cannot take is said at its input.
        var head = ConsoleBrowser.Open(fixture.App);
        await head.SignInAsync(await admin.CreateKeyAsync("department-head", "manufacturing"));
        var first = $"/console/items/{items[0].Item}";
        var shortId = Routing.Host.Pages.ShortId.Of(items[0].Item);
        Dictionary<string, string> Resolve(string target, string days) => new()
        {
            ["item"] = items[0].Item, ["version"] = "2", ["action"] = "resolve", ["note"] = "New control board fitted",
            ["effectiveness.target"] = target, ["effectiveness.windowDays"] = days,
        };
        var form = await head.GetStringAsync(first);
        Assert.Contains("<label for=\"criterion-" + shortId + "-target\">Target (complaints per 1,000 units)</label>", form);
        // The default target, said per 1,000 units before the item is resolved (checked against the criterion below).
        var shown = double.Parse(System.Text.RegularExpressions.Regex.Match(form, @"or at least halve \(now ([0-9.]+) per 1,000 units\)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture) / 1000;
        Assert.DoesNotContain("Target (complaints per 1,000 units)", await head.GetStringAsync($"/console/items/{recurrence}")); // judged by recurrence: nothing to set
        var refused = await head.PostAsync($"{first}?handler=Act", ConsoleBrowser.Form(form, Resolve("five", "30")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"<p id=\"criterion-{shortId}-target-error\" class=\"error\">Target must be a number of complaints per 1,000 units sold", html);
        Assert.Contains("value=\"five\"", html);
        refused = await head.PostAsync($"{first}?handler=Act", ConsoleBrowser.Form(html, Resolve("5", "400")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode); // the server's check, at the same input
        Assert.Contains($"<p id=\"criterion-{shortId}-window-error\" class=\"error\">Watch for must be between 1 and 365 days.</p>",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // The everyday form carries the inputs beside every button: a comment is not refused for them.
        var comment = await head.PostAsync($"{first}?handler=Act", ConsoleBrowser.Form(html, new()
        {
            ["item"] = items[0].Item, ["version"] = "2", ["action"] = "comment", ["note"] = "Boards ordered", ["effectiveness.target"] = "five",
        }));
        Assert.Equal(HttpStatusCode.OK, comment.StatusCode);

        foreach (var item in items.Select(i => i.Item).Append(recurrence))
            await admin.DoAsync(item, "resolve", "New control board fitted");
        var byDefault = (double)(await admin.GetJsonAsync($"/api/work-items/{items[0].Item}/effectiveness"))["criterion"]!["defaultTarget"]!;
        Assert.InRange(shown, byDefault * 0.99, byDefault); // rounded down: typed as shown, no looser than the default

        await fixture.AdvanceAsync(TimeSpan.FromDays(16)); // 2026-12-10: the fortnight's complaints have come in
        await ComplaintsAsync([.. After(products[0], 2), .. After(products[1], 0), .. After(products[2], 60), .. After(products[3], 1)]);
        await fixture.AdvanceAsync(TimeSpan.FromDays(16)); // past 2026-12-25: every check has run

        // 2 of the 3 measured fixes halved their rate (the third stayed at 2%, and reopened); the
        // fourth's check is extended, not judged.
        var auditor = fixture.App.ClientWithKey(await admin.CreateKeyAsync("auditor"));
        var overview = await auditor.GetStringAsync("/console/overview");
        Assert.Equal($"{2 / 3.0:P0} (2 of 3)", Row(overview, "manufacturing", "Manufacturing")[^1]);
        Assert.Equal("—", Row(overview, "logistics", "Logistics")[^1]);

        var csm = ConsoleBrowser.Open(fixture.App);
        await csm.SignInAsync(await admin.CreateKeyAsync("csm"));
        string[] verdicts = ["Effective", "Effective", "Not effective"];
        for (var i = 0; i < 3; i++)
        {
            var report = WebUtility.HtmlDecode(await csm.GetStringAsync($"/console/reports/{items[i].Report}"));
            Assert.Matches($"<a href=\"/console/items/{items[i].Item}\">Manufacturing</a>: [^<]*<span class=\"hint\">[^<]*</span>\\s*"
                + $"<span class=\"effectiveness-of\">— effectiveness: <strong class=\"verdict verdict-[a-z-]+\">{verdicts[i]}</strong>", report);
        }

        var page = WebUtility.HtmlDecode(await csm.GetStringAsync($"/console/items/{items[0].Item}"));
        Assert.Contains("<strong class=\"verdict verdict-effective\">Effective</strong>", page);
        Assert.Contains("After the fix 2 complaints on ", page); // the explanation, with its numbers
        Assert.Contains($"<dt>Segment</dt><dd>{products[0]}, quality</dd>", page);
        Assert.Matches(@"<dt>Before the fix</dt><dd>660 complaints on 3\d,\d{3} units sold \(1\.\d\d%\), 2025-12-01 to 2026-11-23</dd>", page);
        Assert.Contains("<dt>Watched</dt><dd>2026-11-25 to 2026-12-24 (30 days)</dd>", page);
        Assert.Contains("the default (back to the baseline, or at least halved)", page);
        Assert.Contains("<figure class=\"chart effectiveness-chart\">", page);
        Assert.Contains("the fix on 2026-11-24, the target ", page);
        // The table: a row a month from December 2025; November 2026 has the 2 after the fix.
        Assert.Matches(@"<th scope=""row"">Nov 2026</th>\s*<td data-label=""Complaints"">2</td>", page);
        Assert.Matches(@"<th scope=""row"">Oct 2026</th>\s*<td data-label=""Complaints"">60</td>\s*<td data-label=""Units sold"">3,000</td>\s*<td data-label=""Rate"">2.00%</td>", page);
        Assert.DoesNotContain("Your decision", page); // no decision awaits an effective fix
        Assert.DoesNotContain("Your decision", await csm.GetStringAsync($"/console/items/{items[3].Item}")); // nor an extended check

        var judgedByRecurrence = WebUtility.HtmlDecode(await csm.GetStringAsync($"/console/items/{recurrence}"));
        Assert.Contains("Judged by recurrence", judgedByRecurrence);
        Assert.DoesNotContain("effectiveness-chart", judgedByRecurrence);

        // The extended window ends, still too few units: the CSM decides, with the numbers in front of them.
        await fixture.AdvanceAsync(TimeSpan.FromDays(31));
        var inconclusive = $"/console/items/{items[3].Item}";
        csm = ConsoleBrowser.Open(fixture.App); // signed in anew: the clock moved past the session's lifetime
        await csm.SignInAsync(await admin.CreateKeyAsync("csm"));
        page = WebUtility.HtmlDecode(await csm.GetStringAsync(inconclusive));
        Assert.Contains("<strong class=\"verdict verdict-inconclusive\">Inconclusive — for a CSM to decide</strong>", page);
        Assert.Contains("extended once: too few units were sold", page);
        Assert.Contains("<legend>Your decision</legend>", page);
        // A head of the department sees the numbers, not the form.
        head = ConsoleBrowser.Open(fixture.App); // signed in anew, as the CSM
        await head.SignInAsync(await admin.CreateKeyAsync("department-head", "manufacturing"));
        Assert.DoesNotContain("Your decision", await head.GetStringAsync(inconclusive));

        // Without a note: refused at the note, the choice kept.
        var version = (string)(await admin.GetItemAsync(items[3].Item))["version"]!.ToString();
        refused = await csm.PostAsync($"{inconclusive}?handler=Decide", ConsoleBrowser.Form(page, new() { ["verdict"] = "effective", ["version"] = version, ["note"] = " " }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<p id=\"decision-note-error\" class=\"error\">The note is required", again);
        Assert.Matches("value=\"effective\" checked", again);

        var decided = await csm.PostAsync($"{inconclusive}?handler=Decide", ConsoleBrowser.Form(again, new()
            { ["verdict"] = "effective", ["version"] = version, ["note"] = "No complaint in two months; the board change is in every unit" }));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        page = WebUtility.HtmlDecode(await decided.Content.ReadAsStringAsync());
        Assert.Contains("Decided: the fix was effective; the item is now Verified.", page);
        Assert.Contains("Inconclusive — decided by ", page);
        Assert.DoesNotContain("<legend>Your decision</legend>", page);
        Assert.Contains("— effectiveness: <strong class=\"verdict verdict-inconclusive\">Inconclusive — decided by ",
            WebUtility.HtmlDecode(await csm.GetStringAsync($"/console/reports/{items[3].Report}")));
    }

    /// The cells after the department's name in its table row.
    static string[] Row(string html, string department, string name)
    {
        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\"><a href=\"/console/inbox\\?department={department}\">{Regex.Escape(name)}</a></th>(.*?)</tr>", RegexOptions.Singleline);
        return row.Success ? [.. Cell().Matches(row.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))] : [];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

public sealed class EffectivenessPagesOnSqlite(SqliteFixture fixture) : EffectivenessPagesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EffectivenessPagesOnPostgres(PostgresFixture fixture) : EffectivenessPagesTests(fixture), IClassFixture<PostgresFixture>;
