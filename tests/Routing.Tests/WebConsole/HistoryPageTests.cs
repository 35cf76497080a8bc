using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Engine.History;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// The auditor's history page: kinds chosen from the catalogue, rows in names and words, and
/// exports that carry the search.
public abstract partial class HistoryPageTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task The_kind_is_chosen_from_the_catalogue_and_finds_only_that_kind()
    {
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var since = Uri.EscapeDataString(fixture.Clock.GetUtcNow().ToString("O"));
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await admin.DoAsync(item, "acknowledge", "on it");
        var browser = await AuditorAsync();

        var all = await browser.GetStringAsync($"/console/history?from={since}");
        var select = KindSelect().Match(all);
        Assert.True(select.Success, "the kind is a select");
        Assert.Equal(["", .. HistoryKinds.All.Order()], OptionValue().Matches(select.Value).Select(m => m.Groups[1].Value).Order());
        Assert.Contains("<optgroup label=\"Work items\">", select.Value);
        Assert.Contains(">Handed back</option>", select.Value);
        Assert.True(Kinds(all).Distinct().Count() > 1, "the period holds several kinds");

        var acknowledged = await browser.GetStringAsync($"/console/history?from={since}&kind={HistoryKinds.Acknowledged}");
        Assert.Equal([HistoryKinds.Acknowledged], Kinds(acknowledged));
        Assert.Contains($"<option value=\"{HistoryKinds.Acknowledged}\" selected=\"selected\">", acknowledged);
        // A former name in the address still finds the kind, and shows as today's.
        var former = await browser.GetStringAsync($"/console/history?from={since}&kind=work-item.acknowledge");
        Assert.Equal([HistoryKinds.Acknowledged], Kinds(former));
        Assert.Contains($"<option value=\"{HistoryKinds.Acknowledged}\" selected=\"selected\">", former);

        // The row in words: the department's name, a readable time, the item's short id as a link.
        var row = Row().Match(acknowledged).Value;
        Assert.Contains("<td data-label=\"Department\">Logistics</td>", row);
        Assert.Matches(@">\d{1,2} [A-Z][a-z]{2} 20\d\d, \d\d:\d\d:\d\d UTC</time>", row);
        Assert.Contains($"<a href=\"/console/items/{item}\">{ShortId.Of(item)}</a>", row);
    }

    [Fact]
    public async Task The_export_links_carry_every_filter_of_the_search()
    {
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var since = fixture.Clock.GetUtcNow().ToString("O");
        var name = $"carol-{Guid.NewGuid():N}"[..16];
        var created = JsonNode.Parse(await (await admin.PostAsJsonAsync("/api/keys", new { name, role = "admin" })).Content.ReadAsStringAsync())!;
        var carol = fixture.App.ClientWithKey((string)created["key"]!);
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await carol.DoAsync(item, "acknowledge");                                                                  // the one to find
        await carol.DoAsync(item, "comment", "Carrier called");                                                    // another kind
        await carol.DoAsync((string)(await admin.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!, "acknowledge"); // another department
        await admin.DoAsync((string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!, "acknowledge"); // another actor
        var browser = await AuditorAsync();

        var search = $"/console/history?department=logistics&actor={name}&kind={HistoryKinds.Acknowledged}&from={Uri.EscapeDataString(since)}";
        var page = await browser.GetStringAsync(search);
        Assert.Equal([HistoryKinds.Acknowledged], Kinds(page));
        Assert.Matches($"<datalist id=\"actors\">.*<option value=\"{name}\">", page.ReplaceLineEndings(" ")); // keys are suggested as actors
        foreach (var format in new[] { "ndjson", "csv" })
        {
            var link = WebUtility.HtmlDecode(Regex.Match(page, $"href=\"(/console/history/export\\?format={format}&[^\"]+)\">Export").Groups[1].Value);
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("https://localhost"), link).Query);
            Assert.Equal("logistics", query["department"]);
            Assert.Equal(name, query["actor"]);
            Assert.Equal(HistoryKinds.Acknowledged, query["kind"]);
            Assert.Equal(since, query["from"]);

            var lines = (await browser.GetStringAsync(link)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var events = format == "csv" ? lines.Skip(1).ToArray() : lines;
            Assert.Single(events);
            Assert.Contains(item, events[0]);
            Assert.Contains(HistoryKinds.Acknowledged, events[0]);
        }
    }

    async Task<HttpClient> AuditorAsync()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(await admin.CreateKeyAsync("auditor"));
        return browser;
    }

    /// The kinds of the events listed, as each row names them.
    static string[] Kinds(string html) => [.. KindHint().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<select id=\"kind\".*?</select>", RegexOptions.Singleline)]
    private static partial Regex KindSelect();

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex OptionValue();

    [GeneratedRegex("<td data-label=\"What happened\">.*?<span class=\"hint\">\\(([^)]+)\\)</span></td>", RegexOptions.Singleline)]
    private static partial Regex KindHint();

    [GeneratedRegex("<tr>\\s*<td data-label=\"Event\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}

public sealed class HistoryPageOnSqlite(SqliteFixture fixture) : HistoryPageTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HistoryPageOnPostgres(PostgresFixture fixture) : HistoryPageTests(fixture), IClassFixture<PostgresFixture>;
