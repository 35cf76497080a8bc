using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Host.Pages;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// The item page's steps as the server writes them (no script), on the shipped lifecycles: each
/// field as a control of its type, every problem at its field at once, the CAPA record, who gets
/// the CSMs' steps, and the inbox's link to a step's form. The hosts' corrective action records a
/// list too (the lots contained), so every field type is on a page.
public abstract class CorrectiveActionHtmlTests(CorrectiveActionFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task Each_field_of_a_step_is_a_control_of_its_type_and_the_record_shows_what_was_recorded()
    {
        var item = await RndItemAsync();
        var head = await SignedInAsync("department-head", "rnd");
        var page = await PageAsync(head, item);

        var contain = StepForm(page, "contain");
        Assert.Contains("<legend>Record containment</legend>", contain);
        Assert.Matches(@"<label for=""act-contain-1"">Containment done now \(required\)</label>\s*<span id=""act-contain-1-hint"" class=""hint"">What was stopped", contain);
        Assert.Matches(@"<textarea id=""act-contain-1"" name=""fields\[containment\]"" rows=""3"" aria-required=""true"" aria-invalid=""false"" aria-describedby=""act-contain-1-hint"">", contain);
        Assert.Matches(@"<label for=""act-contain-2"">Lots quarantined \(optional\)</label>\s*<span id=""act-contain-2-hint"" class=""hint"">One item a line\.", contain);
        Assert.Matches(@"<textarea id=""act-contain-2"" name=""lines\[containment\.lots\]""", contain);
        Assert.Matches(@"<button type=""submit"" name=""action"" value=""contain""[^>]*>Record containment</button>", contain);
        Assert.Equal("", StepForm(page, "find-cause")); // a later step is not offered yet
        Assert.DoesNotContain("value=\"resolve\"", page);

        var contained = await ActAsync(head, page, item, "contain", new()
        {
            ["fields[containment]"] = "HX-200 stock quarantined at both depots", ["lines[containment.lots]"] = "LOT-7731\r\n\r\n  LOT-7732  \r\n",
        });
        Assert.Equal(HttpStatusCode.OK, contained.StatusCode);
        var recorded = (await admin.GetItemAsync(item))["fields"]!;
        Assert.Equal(["LOT-7731", "LOT-7732"], recorded["containment.lots"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("HX-200 stock quarantined at both depots", (string)recorded["containment"]!);

        page = WebUtility.HtmlDecode(await contained.Content.ReadAsStringAsync());
        Assert.Matches(@"<select id=""act-find-cause-1"" name=""fields\[rootCause\.method\]"" aria-required=""true"" aria-invalid=""false"">\s*"
            + @"<option value="""">Choose…</option>\s*<option value=""5-whys"">5-whys</option>\s*<option value=""fishbone"">fishbone</option>\s*"
            + @"<option value=""fault-tree"">fault-tree</option>\s*<option value=""other"">other</option>\s*</select>", StepForm(page, "find-cause"));
        Assert.Equal("", StepForm(page, "contain"));

        await StepAsync(item, "find-cause", new() { ["rootCause.method"] = "fishbone", ["rootCause.cause"] = "Solder joint cracks below -10 C", ["rootCause.elsewhere"] = "HX-300" });
        page = await PageAsync(head, item);
        var plan = StepForm(page, "plan-action");
        Assert.Matches(@"<input id=""act-plan-action-2"" name=""fields\[correctiveAction\.owner\]"" type=""text"" autocomplete=""off""", plan);
        Assert.Matches(@"<input id=""act-plan-action-3"" name=""fields\[correctiveAction\.due\]"" type=""date""", plan);

        await StepAsync(item, "plan-action", new() { ["correctiveAction.plan"] = "Flexible solder", ["correctiveAction.owner"] = "Dana Reyes", ["correctiveAction.due"] = "2026-12-15" });
        page = await PageAsync(head, item);
        var record = Regex.Match(page, @"<section aria-labelledby=""record"".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<h2 id=\"record\">Corrective action record</h2>", record);
        Assert.Matches(@"<h3>Record containment</h3>\s*<p class=""hint"">Recorded by department-head-\w+, <time", record);
        Assert.Matches(@"<dt>Lots quarantined</dt><dd>\s*<ul class=""recorded-list"">\s*<li>LOT-7731</li>\s*<li>LOT-7732</li>\s*</ul>", record);
        Assert.Matches(@"<dt>Root-cause method</dt><dd>\s*<span class=""recorded-text"">fishbone</span>", record);
        Assert.Matches(@"<dt>Due date</dt><dd>\s*<time datetime=""2026-12-15"">15 Dec 2026</time>", record);
        Assert.Matches(@"<h3>Resolve</h3>\s*<p>Not recorded yet.</p>", record);
        // The steps in the lifecycle's order.
        Assert.Equal(["Record containment", "Record root cause", "Plan corrective action", "Resolve"],
            Regex.Matches(record, "<h3>(.*?)</h3>").Select(m => m.Groups[1].Value));

        var timeline = Regex.Match(page, @"<ol class=""timeline"">.*?</ol>", RegexOptions.Singleline).Value;
        Assert.Matches(@"Contain: Routed → Contained <span class=""actor"">\(department-head-\w+\)</span>\s*<dl class=""facts recorded"">\s*<dt>Containment done now</dt>", timeline);
        Assert.Contains("<dt>Owner</dt><dd>", timeline);
        Assert.DoesNotContain("; containment:", timeline); // the fields as fields, not as the API's sentence
    }

    [Fact]
    public async Task A_refused_step_shows_every_problem_at_its_field_at_once_keeps_what_was_typed_and_changes_nothing()
    {
        var item = await RndItemAsync();
        await StepAsync(item, "contain", new() { ["containment"] = "Stock quarantined" });
        var head = await SignedInAsync("department-head", "rnd");
        var page = await PageAsync(head, item);

        var refused = await ActAsync(head, page, item, "find-cause", new()
        {
            ["fields[rootCause.method]"] = "", ["fields[rootCause.cause]"] = "  ", ["fields[rootCause.elsewhere]"] = "HX-300 uses the same board",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<p id=\"status\" role=\"status\" class=\"error\">Nothing changed: 2 fields need attention.</p>", html);
        Assert.Contains("<li><a href=\"#act-find-cause-1\">Root-cause method is required to record root cause.</a></li>", html);
        Assert.Contains("<li><a href=\"#act-find-cause-2\">Root cause is required to record root cause.</a></li>", html);
        var form = StepForm(html, "find-cause");
        Assert.Matches(@"<select id=""act-find-cause-1""[^>]*aria-invalid=""true"" aria-describedby=""act-find-cause-1-error"">", form);
        Assert.Contains("<p id=\"act-find-cause-1-error\" class=\"error\">Root-cause method is required to record root cause.</p>", form);
        Assert.Matches(@"<textarea id=""act-find-cause-2""[^>]*aria-invalid=""true"" aria-describedby=""act-find-cause-2-hint act-find-cause-2-error"">", form);
        Assert.Contains("<p id=\"act-find-cause-2-error\" class=\"error\">Root cause is required to record root cause.</p>", form);
        Assert.Matches(@"<textarea id=""act-find-cause-3""[^>]*aria-invalid=""false""[^>]*>HX-300 uses the same board</textarea>", form);
        Assert.Equal(("Contained", 2), await StateAsync(item));

        // A choice not among the choices, with the rest filled in: that one problem, the rest kept.
        refused = await ActAsync(head, page, item, "find-cause", new()
        {
            ["fields[rootCause.method]"] = "guesswork", ["fields[rootCause.cause]"] = "Cracked joints", ["fields[rootCause.elsewhere]"] = "HX-300",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        form = StepForm(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "find-cause");
        Assert.Contains("<p id=\"act-find-cause-1-error\" class=\"error\">Root-cause method must be one of: 5-whys, fishbone, fault-tree, other.</p>", form);
        Assert.Matches(@"<textarea id=""act-find-cause-2""[^>]*aria-invalid=""false""[^>]*>Cracked joints</textarea>", form);
        Assert.Equal(("Contained", 2), await StateAsync(item));

        var found = await ActAsync(head, page, item, "find-cause", new()
        {
            ["fields[rootCause.method]"] = "5-whys", ["fields[rootCause.cause]"] = "Cracked joints", ["fields[rootCause.elsewhere]"] = "HX-300",
        });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(("CauseFound", 3), await StateAsync(item));
    }

    [Fact]
    public async Task A_csm_is_offered_to_accept_a_vendors_root_cause_and_the_vendors_head_is_not()
    {
        var item = (string)(await admin.SubmitAsync(Reports.Valid("quality").With("vendor", "acme-parts"))).Item("acme-parts")["id"]!;
        await StepAsync(item, "confirm-containment", new() { ["containment"] = "Batch 12 sorted", ["containment.confirmedBy"] = "Acme QA" });
        await StepAsync(item, "propose-cause", new()
        {
            ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "Worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2026-12-20",
        });

        var vendorHead = await PageAsync(await SignedInAsync("department-head", "acme-parts"), item);
        Assert.DoesNotContain("accept-cause", vendorHead);
        Assert.DoesNotContain("reject-cause", vendorHead);
        Assert.Matches(@"<h3>Propose root cause</h3>\s*<p class=""hint"">Recorded by", vendorHead);

        var csm = await SignedInAsync("csm");
        var page = await PageAsync(csm, item);
        Assert.Matches(@"<button type=""submit"" name=""action"" value=""accept-cause"" formnovalidate>Accept root cause</button>", page);
        Assert.Matches(@"<button type=""submit"" name=""action"" value=""reject-cause"" formnovalidate>Reject root cause</button>", page);
        Assert.Contains("Required to reject root cause or cancel: say what was done or why.", page);
        var accepted = await ActAsync(csm, page, item, "accept-cause", []);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("RootCauseAccepted", (await admin.GetItemAsync(item)).State());
    }

    [Fact]
    public async Task The_inbox_links_a_step_to_its_form_on_the_item_page_and_keeps_buttons_for_the_rest()
    {
        var item = await RndItemAsync();
        var head = await SignedInAsync("department-head", "rnd");
        var inbox = WebUtility.HtmlDecode(await head.GetStringAsync("/console/inbox?department=rnd"));
        var row = Regex.Match(inbox, $"<tr id=\"item-{ShortId.Of(item)}\".*?</tr>", RegexOptions.Singleline).Value;

        Assert.Matches($@"<a class=""button"" href=""/console/items/{item}#act-contain"">Record containment<span class=""visually-hidden""> on [^<]+</span> <span aria-hidden=""true"">→</span></a>", row);
        Assert.DoesNotContain("value=\"contain\"", row);
        Assert.Contains("<button type=\"submit\" name=\"action\" value=\"acknowledge\" formnovalidate>acknowledge</button>", row);
        Assert.Contains("<span id=\"note-" + ShortId.Of(item) + "-hint\" class=\"hint\">Required to hand back or cancel: say what was done or why.</span>", row);
        Assert.Contains($"id=\"act-contain\"", await PageAsync(head, item));
    }

    /// A seasonal heater defect: routed to R&D, which follows corrective action.
    async Task<string> RndItemAsync() =>
        (string)(await admin.SubmitAsync(Reports.Valid("quality").With("segment.months", new JsonArray(12, 1, 2)))).Item("rnd")["id"]!;

    async Task StepAsync(string item, string action, Dictionary<string, string> fields)
    {
        var version = (int)(await admin.GetItemAsync(item))["version"]!;
        var response = await admin.PostAsJsonAsync($"/api/work-items/{item}/{action}", new { version, fields });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    async Task<(string, int)> StateAsync(string item)
    {
        var body = await admin.GetItemAsync(item);
        return (body.State(), (int)body["version"]!);
    }

    async Task<HttpClient> SignedInAsync(string role, params string[] departments)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(await admin.CreateKeyAsync(role, departments));
        return browser;
    }

    static async Task<string> PageAsync(HttpClient browser, string item) => WebUtility.HtmlDecode(await browser.GetStringAsync($"/console/items/{item}"));

    /// Posts an action from the item page as its form would, with the version the page shows.
    async Task<HttpResponseMessage> ActAsync(HttpClient browser, string page, string item, string action, Dictionary<string, string> fields)
    {
        fields["item"] = item;
        fields["action"] = action;
        fields["version"] = ((int)(await admin.GetItemAsync(item))["version"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await browser.PostAsync($"/console/items/{item}?handler=Act", ConsoleBrowser.Form(page, fields));
    }

    /// A step's form on the item page, or "" when the page offers none.
    static string StepForm(string page, string action) =>
        Regex.Match(page, $"<form[^>]*id=\"act-{action}\".*?</form>", RegexOptions.Singleline).Value;
}

/// A host on the shipped rules whose corrective action also records the lots contained (a list).
public abstract class CorrectiveActionFixture(TestStore store) : RoutingFixture(store)
{
    public override Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("routing-capa-rules-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var lifecycles = TestRules.Part(Path.Combine(folder, "lifecycles.json"));
        var contain = lifecycles.Single(l => (string)l!["id"]! == "corrective-action")!["actions"]!.AsArray().Single(a => (string)a!["name"]! == "contain")!;
        contain["fields"]!.AsArray().Add(new JsonObject { ["name"] = "containment.lots", ["type"] = "list", ["label"] = "Lots quarantined", ["optional"] = true });
        File.WriteAllText(Path.Combine(folder, "lifecycles.json"), lifecycles.ToJsonString());
        RulesFolder = folder;
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(RulesFolder!, recursive: true);
    }
}

public sealed class SqliteCorrectiveActionFixture() : CorrectiveActionFixture(TestStore.Sqlite());

public sealed class PostgresCorrectiveActionFixture() : CorrectiveActionFixture(TestStore.Postgres());

public sealed class CorrectiveActionHtmlOnSqlite(SqliteCorrectiveActionFixture fixture) : CorrectiveActionHtmlTests(fixture), IClassFixture<SqliteCorrectiveActionFixture>;

public sealed class CorrectiveActionHtmlOnPostgres(PostgresCorrectiveActionFixture fixture) : CorrectiveActionHtmlTests(fixture), IClassFixture<PostgresCorrectiveActionFixture>;
