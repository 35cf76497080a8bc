using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// Admins edit the rules in the console: a draft with errors names each bad rule and stores
/// nothing; a good one is compared with the active version, simulated, and published.
public abstract partial class RulesConsoleTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task An_admin_drafts_compares_simulates_and_publishes_a_ruleset()
    {
        var browser = await AdminBrowserAsync();
        var page = await (await browser.GetAsync("/console/rules")).Content.ReadAsStringAsync();
        Assert.Contains("Rules: version 1 (active)", page);
        var versions = Regex.Matches(page, "<a href=\"/console/rules\\?version=").Count;

        var broken = Rulesets.ShippedDraft();
        broken.Rule("SupplyProblemToLogistics")["Expression"] = "report.Category == (";
        broken.Rule("HighSeverity")["Properties"]!["priority"] = "P9";
        var refused = await browser.PostAsync("/console/rules?handler=Draft&version=1", DraftForm(page, broken));
        var errors = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("<strong>HighSeverity</strong>: priority &#x27;P9&#x27; must be one of", errors);
        Assert.Contains("report.Category == (", errors); // what was typed stays in the editor
        Assert.Equal(versions, Regex.Matches(errors, "<a href=\"/console/rules\\?version=").Count);

        var drafted = await browser.PostAsync("/console/rules?handler=Draft&version=1", DraftForm(page, Rulesets.SupplyToRnd()));
        var draft = await drafted.Content.ReadAsStringAsync();
        Assert.Equal("/console/rules", drafted.RequestMessage!.RequestUri!.AbsolutePath);
        var version = int.Parse(Regex.Match(drafted.RequestMessage.RequestUri.Query, "version=(\\d+)").Groups[1].Value);
        Assert.Contains($"Rules: version {version}</h1>", draft);
        // The change in words, as the API's diff says it (not only which fields changed).
        Assert.Contains("Rule SupplyProblemToLogistics changed: department logistics → rnd", Text(draft));

        var simulated = await (await browser.PostAsync($"/console/rules?handler=Simulate&version={version}", ConsoleBrowser.Form(draft, new Dictionary<string, string>
        {
            ["Report"] = Reports.Valid("supply").ToJsonString(),
        }))).Content.ReadAsStringAsync();
        Assert.Contains("Routes: rnd (", simulated);
        // A report the API would refuse is refused here, at the same field.
        var mistyped = await browser.PostAsync($"/console/rules?handler=Simulate&version={version}", ConsoleBrowser.Form(draft, new Dictionary<string, string>
        {
            ["Report"] = Reports.Valid("supply").With("reportCount", "many").ToJsonString(),
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mistyped.StatusCode);
        var mistypedPage = await mistyped.Content.ReadAsStringAsync();
        Assert.Contains("report.reportCount", mistypedPage);
        // Beside the simulate form, not at the top where a draft's errors go.
        Assert.DoesNotContain("Nothing was stored", mistypedPage);
        Assert.True(mistypedPage.IndexOf("id=\"simulate-errors\"") > mistypedPage.IndexOf("id=\"simulate\""), "the errors are beside the simulate form");

        var title = $"Depot {Guid.NewGuid():N}"[..20];
        var receipt = await admin.SubmitAsync(Reports.Valid("supply").With("title", title));
        var replayed = await (await browser.PostAsync($"/console/rules?handler=Replay&version={version}", ConsoleBrowser.Form(draft, new Dictionary<string, string>
        {
            ["From"] = (fixture.Clock.GetUtcNow() - TimeSpan.FromDays(1)).ToString("O"), ["To"] = (fixture.Clock.GetUtcNow() + TimeSpan.FromDays(1)).ToString("O"),
        }))).Content.ReadAsStringAsync();
        Assert.Matches("[1-9]\\d* would route differently", replayed);
        Assert.Contains("logistics → rnd", replayed);
        // Each report by its title, linked to its page.
        Assert.Contains($"<a href=\"/console/reports/{(string)receipt["reportId"]!}\">{title}</a>", replayed);

        var published = await (await browser.PostAsync($"/console/rules?handler=Publish&version={version}", ConsoleBrowser.Form(draft, [])))
            .Content.ReadAsStringAsync();
        Assert.Contains($"Published v{version} (was v1).", published);
        Assert.Equal(version, (int)(await admin.GetJsonAsync("/api/rules"))["version"]!);
    }

    [Fact]
    public async Task An_admin_creates_a_key_shown_once_and_revokes_it_at_once()
    {
        var browser = await AdminBrowserAsync();
        var page = await (await browser.GetAsync("/console/keys")).Content.ReadAsStringAsync();

        var refused = await browser.PostAsync("/console/keys?handler=Create", ConsoleBrowser.Form(page, new Dictionary<string, string>
        {
            ["Name"] = "head of nothing", ["Role"] = "department-head",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("a department head needs at least one department", await refused.Content.ReadAsStringAsync());
        // Without a browser's own check of the address (type=email), the server's says the same.
        var badAddress = await browser.PostAsync("/console/keys?handler=Create", ConsoleBrowser.Form(page, new Dictionary<string, string>
        {
            ["Name"] = "csm without an address", ["Role"] = "csm", ["Email"] = "csm at example",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAddress.StatusCode);
        Assert.Contains("E-mail must be an e-mail address", await badAddress.Content.ReadAsStringAsync());

        var created = await (await browser.PostAsync("/console/keys?handler=Create", ConsoleBrowser.Form(page, new Dictionary<string, string>
        {
            ["Name"] = "head of logistics", ["Role"] = "department-head", ["Departments"] = "logistics",
        }))).Content.ReadAsStringAsync();
        var key = Regex.Match(created, "id=\"new-key\" class=\"secret\" readonly value=\"(rk_[^\"]+)\"").Groups[1].Value;
        // The form is empty again: sending it twice makes no second key.
        Assert.Matches("<input id=\"Name\" name=\"Name\" type=\"text\" required", created); // no value
        Assert.DoesNotContain("value=\"logistics\" checked", created);
        var head = fixture.App.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/departments/logistics/work-items")).StatusCode);
        Assert.DoesNotContain(key, await (await browser.GetAsync("/console/keys")).Content.ReadAsStringAsync());

        // A revoke sent without its confirmation asks for it, and the key keeps working.
        var id = await fixture.WithStoreAsync(db => db.ApiKeys.Where(k => k.Name == "head of logistics").Select(k => k.Id).SingleAsync());
        var asked = await (await browser.PostAsync($"/console/keys?id={id}&handler=Revoke", ConsoleBrowser.Form(created, []))).Content.ReadAsStringAsync();
        Assert.Matches("<details class=\"confirm-revoke\" open=\"open\">\\s*<summary>Revoke<span class=\"visually-hidden\"> head of logistics's key</span>", asked);
        Assert.Contains("Revoke head of logistics's key? It stops working at once.", asked);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/departments/logistics/work-items")).StatusCode);

        var revoked = await (await browser.PostAsync($"/console/keys?id={id}&handler=Revoke", ConsoleBrowser.Form(asked, new() { ["confirmed"] = "true" })))
            .Content.ReadAsStringAsync();
        Assert.Contains("head of logistics&#x27;s key is revoked", revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await head.GetAsync("/api/departments/logistics/work-items")).StatusCode);
    }

    async Task<HttpClient> AdminBrowserAsync()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        return browser;
    }

    /// A page's text as a person reads it: no tags, white space collapsed.
    static string Text(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), "\\s+", " "));

    static FormUrlEncodedContent DraftForm(string page, JsonObject draft) => ConsoleBrowser.Form(page, new Dictionary<string, string>
    {
        ["Workflows"] = draft["workflows"]!.ToJsonString(),
        ["Departments"] = draft["departments"]!.ToJsonString(),
    });

}

public sealed class RulesConsoleOnSqlite(SqliteFixture fixture) : RulesConsoleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RulesConsoleOnPostgres(PostgresFixture fixture) : RulesConsoleTests(fixture), IClassFixture<PostgresFixture>;
