using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.WorkItems;
using Routing.Engine.History;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;
using Routing.Workflows.WorkItems;

namespace Routing.Tests.WebConsole;

/// The web console over HTTP, as a browser uses it: sign in with a key to a session kept in a cookie,
/// see one's inbox, act with the buttons the item's state and one's role allow.
public abstract partial class ConsoleTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task Signing_in_keeps_a_session_in_a_strict_cookie_that_only_the_console_accepts()
    {
        var browser = Browser();
        var page = await browser.GetAsync("/console/inbox");
        Assert.Equal("/console/sign-in", page.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("returnUrl=%2Fconsole%2Finbox", page.RequestMessage.RequestUri.Query);

        var wrong = await browser.SignInAsync("rk_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("That key is not valid", await wrong.Content.ReadAsStringAsync());

        var key = await admin.CreateKeyAsync("auditor");
        var signedIn = await browser.SignInAsync(key, "/console/inbox");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("/console/inbox", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var cookie = signedIn.RequestMessage.Headers.GetValues("Cookie").Single();
        Assert.Contains("routing_session=rs_", cookie);
        Assert.DoesNotContain(key, cookie);

        // The JSON API takes keys from headers only: a cookie cannot carry a forged request there.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/departments")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_HttpOnly_Secure_and_SameSite_strict()
    {
        var browser = Browser(followRedirects: false);
        var response = await browser.SignInAsync(await admin.CreateKeyAsync("csm"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("routing_session="));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_head_sees_only_their_departments_and_acts_with_the_buttons_the_state_allows()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("segment.accessibility", "low vision"));
        var rnd = (string)receipt.Item("rnd")["id"]!;
        var manufacturing = (string)receipt.Item("manufacturing")["id"]!;
        var browser = Browser();
        var inbox = await browser.SignInAsync(await admin.CreateKeyAsync("department-head", "rnd"), "/console/inbox");
        var html = await inbox.Content.ReadAsStringAsync();

        var departments = Regex.Match(html, "<select id=\"department\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Equal(["rnd"], Options().Matches(departments).Select(m => m.Groups[1].Value));
        Assert.Equal(LifecycleMachine.AllowedActions(TestRules.Lifecycle("standard"), "Routed").Order(), Buttons(html, rnd).Order());
        Assert.DoesNotContain(manufacturing, html);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/console/inbox?department=manufacturing")).StatusCode);
        var other = await browser.GetAsync($"/console/items/{manufacturing}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var notFound = await other.Content.ReadAsStringAsync(); // the console's page, with its menu, not the browser's
        Assert.Contains("<h1>Not found</h1>", notFound);
        Assert.Contains("<nav aria-label=\"Console\">", notFound);
        Assert.DoesNotContain(manufacturing, notFound);
        var typo = await browser.GetAsync("/console/inbx");
        Assert.Equal(HttpStatusCode.NotFound, typo.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await typo.Content.ReadAsStringAsync());
        var reached = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, new()
        {
            ["item"] = manufacturing, ["action"] = "acknowledge", ["version"] = "1", ["department"] = "rnd",
        }));
        Assert.Equal(HttpStatusCode.NotFound, reached.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await reached.Content.ReadAsStringAsync());
        Assert.Equal("Routed", (await admin.GetItemAsync(manufacturing)).State());

        var acted = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, new()
        {
            ["item"] = rnd, ["action"] = "acknowledge", ["version"] = "1", ["department"] = "rnd", ["note"] = "on it",
        }));
        var after = await acted.Content.ReadAsStringAsync();
        Assert.Contains("Done (acknowledge): the item is now Acknowledged.", after);
        Assert.Equal("Acknowledged", (await admin.GetItemAsync(rnd)).State());
        Assert.Equal(LifecycleMachine.AllowedActions(TestRules.Lifecycle("standard"), "Acknowledged").Order(), Buttons(after, rnd).Order());

        // A second click from the old page is stale: the item changed meanwhile.
        var stale = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, new()
        {
            ["item"] = rnd, ["action"] = "acknowledge", ["version"] = "1", ["department"] = "rnd",
        }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The note rules are the API's: a note longer than the API takes is refused here too.
        var overlong = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, new()
        {
            ["item"] = rnd, ["action"] = "comment", ["version"] = "2", ["department"] = "rnd", ["note"] = new string('n', WorkItemActions.MaxNote + 1),
        }));
        Assert.Contains($"The note must be at most {WorkItemActions.MaxNote} characters.", await overlong.Content.ReadAsStringAsync());
        Assert.Equal(2, (int)(await admin.GetItemAsync(rnd))["version"]!);

        var timeline = await (await browser.GetAsync($"/console/items/{rnd}")).Content.ReadAsStringAsync();
        Assert.Contains("on it", timeline);
    }

    [Fact]
    public async Task Cancel_from_the_inbox_takes_its_confirmation_and_without_it_nothing_changes()
    {
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        var browser = Browser();
        var html = await (await browser.SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"), "/console/inbox?department=logistics"))
            .Content.ReadAsStringAsync();
        Dictionary<string, string> Cancel() => new() { ["item"] = item, ["action"] = "cancel", ["version"] = "1", ["department"] = "logistics", ["note"] = "duplicate" };

        var unconfirmed = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, Cancel()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("Nothing changed: the confirmation is required: a cancelled item is final.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Equal(("Routed", 1), ((await admin.GetItemAsync(item)).State(), (int)(await admin.GetItemAsync(item))["version"]!));

        var confirmed = await browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(html, new(Cancel()) { ["confirmed"] = "true" }));
        Assert.Contains("Done (cancel): the item is now Cancelled.", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("Cancelled", (await admin.GetItemAsync(item)).State());
    }

    [Fact]
    public async Task An_auditor_reads_but_gets_no_action_buttons()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("supply"));
        var item = (string)receipt.Item("logistics")["id"]!;
        var browser = Browser();
        var html = await (await browser.SignInAsync(await admin.CreateKeyAsync("auditor"), "/console/inbox?department=logistics"))
            .Content.ReadAsStringAsync();

        Assert.Contains(ShortId.Of(item), html);
        Assert.DoesNotContain("name=\"action\"", html);
    }

    [Fact]
    public async Task Overdue_items_are_marked_and_a_revoked_key_is_signed_out_at_once()
    {
        var receipt = await admin.SubmitAsync(Reports.Valid("supply").With("severity", "critical"));
        var item = (string)receipt.Item("logistics")["id"]!;
        var (keyId, key) = await admin.CreateKeyWithIdAsync("department-head", "logistics");
        var browser = Browser();
        await browser.SignInAsync(key);

        var ackDue = DateTimeOffset.Parse((string)receipt.Item("logistics")["ackDueAt"]!);
        fixture.Clock.Advance(ackDue - fixture.Clock.GetUtcNow() + TimeSpan.FromMinutes(5));
        var page = await (await browser.GetAsync($"/console/items/{item}")).Content.ReadAsStringAsync();
        Assert.Contains("<dt>Acknowledge</dt><dd class=\"overdue\">overdue by 5 minutes (by <time", page);
        Assert.Contains("SupplyProblemToLogistics (ruleset v1)", page);

        await admin.DeleteAsync($"/api/keys/{keyId}");
        Task<int> Failures() => fixture.WithStoreAsync(db => db.History.CountAsync(e => e.Kind == HistoryKinds.AuthenticationFailed));
        var failuresBefore = await Failures();
        var after = await browser.GetAsync("/console/inbox");
        Assert.Equal("/console/sign-in", after.RequestMessage!.RequestUri!.AbsolutePath);
        // The browser forgot the revoked key: browsing on records no further failures.
        await browser.GetAsync("/console/sign-in");
        await browser.GetAsync("/console/inbox");
        Assert.Equal(failuresBefore + 1, await Failures());
    }

    [Fact]
    public async Task A_csm_sees_errors_at_their_fields_then_where_the_report_went_and_a_resent_form_stores_it_once()
    {
        var browser = Browser();
        await browser.SignInAsync(await admin.CreateKeyAsync("csm"));
        var form = await (await browser.GetAsync("/console/submit")).Content.ReadAsStringAsync();
        var submission = SubmissionId().Match(form).Groups[1].Value;
        var product = $"HX-200 heater {Guid.NewGuid():N}";
        Dictionary<string, string> Fields(string title, string reportCount) => new()
        {
            ["Submission"] = submission, ["Form[title]"] = title, ["Form[product]"] = product, ["Form[category]"] = "quality",
            ["Form[severity]"] = "high", ["Form[reportCount]"] = reportCount, ["Form[unitsSold]"] = "12000", ["Form[affectedUnits]"] = "1440",
            ["Form[accessibility]"] = "low vision", ["Form[evidence]"] = "ticket-88121\ncall-2231", ["Form[verifiedBy]"] = "csm-team-lead",
            ["Form[verifiedAt]"] = "2026-11-20T10:00",
        };

        var invalid = await browser.PostAsync("/console/submit", ConsoleBrowser.Form(form, Fields(title: "", reportCount: "many")));
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("id=\"title-error\" class=\"error\">Title is required.", errors);
        Assert.Contains("id=\"reportCount-error\" class=\"error\">Number of reports must be a whole number.", errors);
        Assert.Matches("id=\"title\" name=\"Form\\[title\\]\"[^>]*aria-invalid=\"true\"", errors);
        Assert.Contains(product, errors); // what was typed is kept

        var accepted = await browser.PostAsync("/console/submit", ConsoleBrowser.Form(errors, Fields(title: "Thermostat fails for low-vision users", reportCount: "87")));
        var routed = await accepted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Contains("Ruleset v1 sent it to:", routed);
        Assert.Contains("QualityDefectToManufacturing", routed);
        Assert.Contains(">Manufacturing</a>", routed); // departments by name
        Assert.Contains(">Research &amp; Development</a>", routed);

        var resent = await browser.PostAsync("/console/submit", ConsoleBrowser.Form(errors, Fields(title: "Thermostat fails for low-vision users", reportCount: "87")));
        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
    }

    [Fact]
    public async Task A_NUL_character_sent_to_the_console_is_a_400_and_stores_nothing()
    {
        var browser = Browser();
        await browser.SignInAsync(await admin.CreateKeyAsync("admin"));
        var form = await (await browser.GetAsync("/console/submit")).Content.ReadAsStringAsync();
        var product = $"HX-200 heater {Guid.NewGuid():N}";

        var submitted = await browser.PostAsync("/console/submit", ConsoleBrowser.Form(form, new()
        {
            ["Submission"] = SubmissionId().Match(form).Groups[1].Value, ["Form[title]"] = "Thermostat\0fails", ["Form[product]"] = product,
            ["Form[category]"] = "quality", ["Form[severity]"] = "high", ["Form[reportCount]"] = "87", ["Form[evidence]"] = "ticket-88121",
            ["Form[verifiedBy]"] = "csm-team-lead", ["Form[verifiedAt]"] = "2026-11-20T10:00",
        }));
        // ASP.NET's form reader refuses the NUL itself, before any page sees the form.
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));

        var history = await browser.GetAsync("/console/history?actor=x%00y");
        Assert.Equal(HttpStatusCode.BadRequest, history.StatusCode);
        Assert.Contains("id=\"actor-error\"", await history.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/history?department=x%00y")).StatusCode);
    }

    [Fact]
    public async Task An_auditor_searches_the_history_verifies_the_chain_and_exports_it_and_a_head_cannot()
    {
        var item = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await admin.DoAsync(item, "acknowledge", "taking it");
        await fixture.SealHistoryAsync();
        var browser = Browser();
        await browser.SignInAsync(await admin.CreateKeyAsync("auditor"));

        var found = await (await browser.GetAsync($"/console/history?workItemId={item}")).Content.ReadAsStringAsync();
        Assert.Contains("(work-item.routed)", found); // a row's kind
        Assert.Contains("(work-item.acknowledged)", found);
        Assert.Contains("taking it", found);
        Assert.DoesNotContain("(report.accepted)", found); // that event belongs to the report, not the item

        var bad = await browser.GetAsync("/console/history?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"from-error\"", await bad.Content.ReadAsStringAsync());
        var unknownKind = await browser.GetAsync("/console/history?kind=work-item.acknowledge-ish");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownKind.StatusCode);
        Assert.Contains("id=\"kind-error\"", await unknownKind.Content.ReadAsStringAsync());
        Assert.Contains(HistoryKinds.Acknowledged, await unknownKind.Content.ReadAsStringAsync());

        var verified = await (await browser.PostAsync("/console/history?handler=Verify", ConsoleBrowser.Form(found, new() { ["workItemId"] = item })))
            .Content.ReadAsStringAsync();
        Assert.Contains("Intact:", verified);
        Assert.Contains("(work-item.acknowledged)", verified);
        Assert.DoesNotContain("(report.accepted)", verified); // the search stays as it was

        var export = await browser.GetAsync("/console/history/export?format=ndjson");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(item, await export.Content.ReadAsStringAsync());

        var head = Browser();
        await head.SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"));
        var history = await head.GetAsync("/console/history");
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Contains("<h1>Not allowed</h1>", await history.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Recent_reports_list_their_items_and_a_head_sees_only_their_departments()
    {
        var title = $"Wheelchair ramp unit fails {Guid.NewGuid():N}"[..34];
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("title", title).With("segment.accessibility", "low vision"));
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var all = await csm.GetStringAsync("/console/reports");
        Assert.Contains(title, all);
        Assert.Contains($"<a href=\"/console/items/{receipt.Item("manufacturing")["id"]}\">Manufacturing</a>: Routed", all);
        Assert.Contains($"<a href=\"/console/items/{receipt.Item("rnd")["id"]}\">Research &amp; Development</a>: Routed", all);

        var head = await fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd")).GetStringAsync("/console/reports");
        Assert.Contains(title, head);
        Assert.DoesNotContain(">Manufacturing</a>", head);
        var logisticsHead = await fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "logistics")).GetStringAsync("/console/reports");
        Assert.DoesNotContain(title, logisticsHead);
    }

    [Theory]
    [InlineData("csm", "/console/inbox /console/overview /console/reports /console/patterns /console/submit /console/import")]
    [InlineData("department-head", "/console/inbox /console/overview /console/reports")]
    [InlineData("auditor", "/console/inbox /console/overview /console/reports /console/patterns /console/history")]
    [InlineData("admin", "/console/inbox /console/overview /console/reports /console/patterns /console/submit /console/import /console/history /console/rules /console/keys /hangfire")]
    public async Task The_menu_offers_each_role_exactly_the_pages_it_may_open(string role, string expected)
    {
        string[] pages = ["/console/inbox", "/console/overview", "/console/reports", "/console/patterns", "/console/submit", "/console/import", "/console/history", "/console/rules", "/console/keys", "/hangfire"];
        var browser = Browser();
        var key = role == "admin" ? RoutingApplication.AdminKey : await admin.CreateKeyAsync(role, role == "department-head" ? ["logistics"] : []);
        var home = await (await browser.SignInAsync(key)).Content.ReadAsStringAsync();
        var menu = Regex.Match(home, "<nav aria-label=\"Console\">(.*?)</nav>", RegexOptions.Singleline).Groups[1].Value;
        var offered = Regex.Matches(menu, "<a href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Where(pages.Contains).ToList();
        Assert.Equal(expected.Split(' '), offered);

        foreach (var page in pages)
        {
            var opened = await browser.GetAsync(page);
            Assert.True(offered.Contains(page) == (opened.StatusCode != HttpStatusCode.Forbidden), $"{role} {page}: {(int)opened.StatusCode}");
        }
    }

    HttpClient Browser(bool followRedirects = true) => ConsoleBrowser.Open(fixture.App, followRedirects);

    /// The action buttons in the form of one item.
    static string[] Buttons(string html, string item)
    {
        var form = Regex.Match(html, $"<form[^>]*>(?:(?!</form>).)*?name=\"item\" value=\"{item}\"(?:(?!</form>).)*</form>", RegexOptions.Singleline);
        return form.Success ? [.. ActionButton().Matches(form.Value).Select(m => m.Groups[1].Value)] : [];
    }

    [GeneratedRegex("name=\"Submission\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionId();

    [GeneratedRegex("<option value=\"([^\"]+)\"")]
    private static partial Regex Options();

    [GeneratedRegex("<button type=\"submit\" name=\"action\" value=\"([^\"]+)\"")]
    private static partial Regex ActionButton();
}

public sealed class ConsoleOnSqlite(SqliteFixture fixture) : ConsoleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ConsoleOnPostgres(PostgresFixture fixture) : ConsoleTests(fixture), IClassFixture<PostgresFixture>;
