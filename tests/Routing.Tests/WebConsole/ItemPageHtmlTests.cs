using System.Net;
using System.Text.RegularExpressions;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// The work item page and Reports as the server writes them (no script): due times in words,
/// readable times, and what a head sees of the other departments and of recurrences.
public abstract partial class ItemPageHtmlTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task The_item_page_says_what_is_due_in_words_by_a_readable_time_and_drops_what_is_no_longer_owed()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("supply", severity: "medium")); // P3: acknowledge within 2 days
        var item = (string)receipt.Item("logistics")["id"]!;
        var ackDue = DateTimeOffset.Parse((string)receipt.Item("logistics")["ackDueAt"]!).ToUniversalTime();
        var head = await admin.CreateKeyAsync("department-head", "logistics");
        // Signed in anew each time: the clock moves past a session's lifetime.
        async Task<string> ItemPage() => await (await SignedInAsync(head)).GetStringAsync($"/console/items/{item}");

        var page = await ItemPage();
        Assert.Matches($"<dt>Acknowledge</dt><dd>within 2 days \\(by <time datetime=\"{ackDue.UtcDateTime:yyyy-MM-ddTHH:mm:ss}[.0-9]*Z\" data-local>{Readable}</time>\\)</dd>", page);
        Assert.Matches("<dt>Resolve</dt><dd>within \\d+ days", page);
        Assert.DoesNotMatch(@">[^<]*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", page); // no ISO time as text, only in datetime attributes

        fixture.Clock.Advance(ackDue - fixture.Clock.GetUtcNow() + TimeSpan.FromHours(27));
        page = await ItemPage();
        Assert.Contains("<dt>Acknowledge</dt><dd class=\"overdue\">overdue by 1 day 3 hours (by <time", page);

        await admin.DoAsync(item, "acknowledge");
        page = await ItemPage();
        Assert.DoesNotContain("<dt>Acknowledge</dt>", page);
        Assert.Contains("<dt>Resolve</dt>", page);
    }

    [Fact]
    public async Task A_head_sees_the_other_departments_of_the_report_by_name_and_state_and_opens_only_the_items_of_their_own()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("segment.accessibility", "low vision"));
        var rnd = (string)receipt.Item("rnd")["id"]!;
        var manufacturing = (string)receipt.Item("manufacturing")["id"]!;

        var rndHead = ConsoleBrowser.Open(fixture.App);
        await rndHead.SignInAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        var page = WebUtility.HtmlDecode(await rndHead.GetStringAsync($"/console/items/{rnd}"));
        Assert.Contains("<li>Manufacturing: Routed, P3</li>", page);
        Assert.DoesNotContain(manufacturing, page);
        Assert.DoesNotContain(ShortId.Of(manufacturing), page);

        var bothHead = ConsoleBrowser.Open(fixture.App);
        await bothHead.SignInAsync(await admin.CreateKeyAsync("department-head", "rnd", "manufacturing"));
        page = await bothHead.GetStringAsync($"/console/items/{rnd}");
        Assert.Matches($@"<a href=""/console/items/{manufacturing}"">Manufacturing</a>: Routed, P3", page);
    }

    [Fact]
    public async Task A_recurrence_is_in_reports_and_has_a_page_for_the_heads_of_the_item_it_joined_only()
    {
        var first = Reports.Valid("supply");
        var logistics = (string)(await admin.SubmitAsync(first)).Item("logistics")["id"]!;
        var title = $"Late again {Guid.NewGuid():N}";
        var again = (string)(await admin.SubmitAsync(first.DeepClone().AsObject().With("title", title).With("severity", "high")))["reportId"]!;

        var head = ConsoleBrowser.Open(fixture.App);
        await head.SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var reports = WebUtility.HtmlDecode(await head.GetStringAsync("/console/reports"));
        var row = Regex.Match(reports, $"<tr id=\"report-{ShortId.Of(again)}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(title, row);
        Assert.Matches($@"Recurrence of <a href=""/console/items/{logistics}"">Thermostat fails in cold months</a>\s*\(Logistics: Routed, P2; raised P3 → P2\)", row);

        var report = WebUtility.HtmlDecode(await head.GetStringAsync($"/console/reports/{again}"));
        Assert.Contains(title, report);
        Assert.Matches($@"Recurrence of <a href=""/console/items/{logistics}"">Thermostat fails in cold months</a>\s*\(Logistics: Routed, P2; raised P3 → P2\)", report);

        var other = ConsoleBrowser.Open(fixture.App);
        await other.SignInAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        Assert.DoesNotContain(title, await other.GetStringAsync("/console/reports"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/reports/{again}")).StatusCode);
    }

    async Task<HttpClient> SignedInAsync(string key)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(key);
        return browser;
    }

    /// "28 Nov 2026, 14:03 UTC"
    const string Readable = @"\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC";
}

public sealed class ItemPageHtmlOnSqlite(SqliteFixture fixture) : ItemPageHtmlTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ItemPageHtmlOnPostgres(PostgresFixture fixture) : ItemPageHtmlTests(fixture), IClassFixture<PostgresFixture>;
