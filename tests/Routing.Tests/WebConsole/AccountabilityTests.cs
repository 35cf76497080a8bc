using System.Net;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.WebConsole;

/// The Accountability page over one known week: a head sees their departments only, with the
/// charts' titles and the tables of their numbers; an admin sees every department, the rules view
/// and the CSV links; the rules editor shows how the version's rules did. The page only shows
/// what the metrics queries count (tested on both providers in Metrics/), so SQLite is enough.
public sealed partial class AccountabilityTests(AccountabilityFixture fixture) : IClassFixture<AccountabilityFixture>
{
    [Fact]
    public async Task A_head_sees_their_departments_only_with_each_chart_and_the_table_of_its_numbers()
    {
        var head = fixture.App.ClientWithKey(await fixture.Client.CreateKeyAsync("department-head", "rnd"));
        var html = await head.GetStringAsync("/console/accountability");

        // One department, and no way to ask for another: no "All", no other department's link.
        Assert.Equal(["rnd"], Regex.Matches(html, "department=([a-z-]+)").Select(m => m.Groups[1].Value).Distinct());
        Assert.DoesNotContain("<option value=\"\"", html);
        Assert.Contains("in your departments", html);
        // Opened 2; acknowledged after 2 h (within the 4 h) and 6 h (not): 50% (1 of 2); nothing resolved.
        Assert.Equal(["2", "50% (1 of 2)", "—", "—", "0", "0", "—", "2"], Row(html, "summary", "Research & Development"));

        foreach (var chart in new[] { "sla", "resolve-time", "ack-time", "flow", "backlog" })
        {
            Assert.Matches($"<svg role=\"img\" aria-labelledby=\"{chart}-chart-title\"[^>]*><title id=\"{chart}-chart-title\">Research &amp; Development: ", html);
            Assert.Contains($"<table class=\"numbers\" id=\"{chart}-table\">", html);
        }
        // The week of the 23rd (so far): the median of 2 h and 6 h is 4 h; the 90th percentile
        // 2 h + 0.9 × (6 h − 2 h) = 5 h 36 min.
        Assert.Equal(["4 h 0 min", "5 h 36 min", "2"], Row(html, "ack-time-table", "23 Nov 2026 (so far)"));
        Assert.Equal(["50% (1 of 2)", "—"], Row(html, "sla-table", "23 Nov 2026 (so far)"));
        // Both items are owed still, opened today.
        Assert.Equal(["2", "0", "0", "0", "2"], Row(html, "backlog-table", "23 Nov 2026 (so far)"));
        Assert.Equal(12, Regex.Matches(Table(html, "flow-table"), "<tr>").Count - 1); // the last 12 weeks, the header row aside

        // Another department is not found, and the CSMs' account is not a head's.
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/console/accountability?department=logistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/console/accountability?view=csms")).StatusCode);
        // The rules view counts the items of their departments only: the logistics rule is not there.
        var rules = await head.GetStringAsync("/console/accountability?view=rules");
        Assert.Equal(["2", "0 (0%)", "0", "0", "0", "—"], Row(rules, "rule-figures", "DesignFlawToRnd"));
        Assert.DoesNotContain("SupplyProblemToLogistics", rules);
    }

    [Fact]
    public async Task An_admin_sees_every_department_the_rules_and_the_csms_with_their_csv_links()
    {
        var admin = fixture.App.ClientWithKey(await fixture.Client.CreateKeyAsync("admin"));
        var html = await admin.GetStringAsync("/console/accountability?interval=week&from=2026-11-23&to=2026-11-29");

        Assert.Contains("<option value=\"\" selected=\"selected\">All</option>", html);
        Assert.Contains("in every department", html);
        Assert.Equal(["1", "—", "—", "—", "0", "1", "—", "0"], Row(html, "summary", "Logistics"));
        Assert.Equal(["2", "50% (1 of 2)", "—", "—", "0", "0", "—", "2"], Row(html, "summary", "Research & Development"));
        Assert.Contains("href=\"/console/metrics/departments.csv?from=2026-11-23&amp;to=2026-11-30&amp;interval=week\"", html);
        // Days picked midweek show the whole weeks they fall in, Monday to Sunday, as the figures count them.
        Assert.Contains("<caption>From 2026-11-16 to 2026-11-29</caption>", await admin.GetStringAsync("/console/accountability?from=2026-11-18&to=2026-11-25"));
        // The first department is charted; one week is a point on each line.
        Assert.Matches("<h2 id=\"charted\">Manufacturing, week by week</h2>", html);
        Assert.Single(Regex.Matches(Table(html, "flow-table"), "<th scope=\"row\">"));

        var rules = await admin.GetStringAsync("/console/accountability?view=rules&from=2026-11-01&to=2026-11-30");
        // The logistics item was handed back: 1 of 1 routed.
        Assert.Equal(["1", "1 (100%)", "0", "0", "0", "—"], Row(rules, "rule-figures", "SupplyProblemToLogistics"));
        Assert.Equal(["2", "0 (0%)", "0", "0", "0", "—"], Row(rules, "rule-figures", "DesignFlawToRnd"));
        Assert.Contains("href=\"/console/metrics/rules.csv?from=2026-11-01&amp;to=2026-12-01\"", rules);
        var csv = await admin.GetAsync("/console/metrics/rules.csv?from=2026-11-01&to=2026-12-01");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SupplyProblemToLogistics,1,1,1,", await csv.Content.ReadAsStringAsync());

        var csms = await admin.GetStringAsync("/console/accountability?view=csms");
        var team = Row(csms, "csms", "The team");
        // The hand-back sent the supply report on to triage: one more item, in triage.
        Assert.Equal(["3", "Research & Development 2, Logistics 1, Customer service triage 1"], team[..2]);
        Assert.Matches("<caption>CSMs, the team first</caption>.*?<tbody>\\s*<tr>\\s*<th scope=\"row\">The team</th>", csms.ReplaceLineEndings(" "));
        Assert.Contains("href=\"/console/metrics/csms.csv?", csms);
    }

    [Fact]
    public async Task A_day_that_is_not_one_or_days_the_wrong_way_round_are_refused_at_their_field()
    {
        var response = await fixture.Client.GetAsync("/console/accountability?from=2026-11-30&to=2026-11-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<p id=\"to-error\" class=\"error\">To must be on or after the first day.</p>", html);
        Assert.Matches("<input id=\"to\" name=\"to\" type=\"date\" value=\"2026-11-01\" aria-invalid=\"true\" aria-describedby=\"to-error\">", html);

        response = await fixture.Client.GetAsync("/console/accountability?view=rules&from=1%20Nov");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("From must be a day such as 2026-11-01.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.GetAsync("/console/accountability?view=nonsense")).StatusCode);

        response = await fixture.Client.GetAsync("/console/accountability?to=9999-12-31");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("To must be between 2000-01-01 and 2100-01-01.", await response.Content.ReadAsStringAsync());
        // The rules view has no periods: an interval left in the address from the trends is not its error.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.GetAsync("/console/accountability?view=rules&interval=x")).StatusCode);
    }

    [Fact]
    public async Task The_rules_editor_says_how_the_shown_versions_rules_did()
    {
        var html = await fixture.Client.GetStringAsync("/console/rules");
        Assert.Contains("How these rules did (last 90 days)", html);
        Assert.Equal(["1", "1 (100%)", "0", "0", "0", "—"], Row(html, "rule-figures", "SupplyProblemToLogistics"));
    }

    [Fact]
    public async Task A_replay_says_which_changed_routes_were_handed_back()
    {
        // The draft sends supply problems to R&D: the fixture's supply report, handed back by Logistics, would go there instead.
        var version = await fixture.Client.DraftAsync(Rulesets.SupplyToRnd());
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync($"/console/rules?version={version}");
        var replayed = WebUtility.HtmlDecode(await (await browser.PostAsync($"/console/rules?handler=Replay&version={version}", ConsoleBrowser.Form(page, new()
        {
            ["From"] = RoutingFixture.Start.AddDays(-1).ToString("O"), ["To"] = RoutingFixture.Start.AddDays(1).ToString("O"),
        }))).Content.ReadAsStringAsync());

        Assert.Contains("1 would route differently.", replayed);
        Assert.Matches($"<strong>1 of these reports was handed back\\s+by a department v{version} would no longer send it to.</strong>", replayed);
        Assert.Matches("logistics → rnd\\s+\\(handed back by Logistics\\)", replayed);
    }

    /// The table: by its id, or the first whose class has the name.
    static string Table(string html, string name) =>
        Regex.Match(html, $"<table class=\"[^\"]*\\b{name}\\b[^\"]*\"[^>]*>.*?</table>|<table [^>]*id=\"{name}\">.*?</table>", RegexOptions.Singleline).Value;

    /// The cells after a row's header in a table, as the reader sees them (the share bar left out).
    static string[] Row(string html, string table, string header)
    {
        var row = Regex.Match(WebUtility.HtmlDecode(Table(html, table)), $"<tr>\\s*<th scope=\"row\">(?:<a [^>]*>)?{Regex.Escape(header)}(?:</a>)?</th>(.*?)</tr>", RegexOptions.Singleline);
        return row.Success
            ? [.. Cell().Matches(row.Groups[1].Value).Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<svg.*?</svg>", "", RegexOptions.Singleline), "\\s+", " ").Trim())]
            : [];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

/// One known week, from the fixture's start (Tue 24 Nov 2026, 09:00 UTC): two critical design
/// reports for R&D (4 h to acknowledge), acknowledged after 2 h and after 6 h; a critical supply
/// report for Logistics, handed back.
public sealed class AccountabilityFixture() : RoutingFixture(TestStore.Sqlite())
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        string[] rnd = [.. await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            (string)(await Client.SubmitAsync(Reports.Valid("design", "critical"))).Item("rnd")["id"]!))];
        var logistics = (string)(await Client.SubmitAsync(Reports.Valid("supply", "critical"))).Item("logistics")["id"]!;
        Clock.Advance(TimeSpan.FromHours(2));
        await Client.DoAsync(rnd[0], "acknowledge");
        Clock.Advance(TimeSpan.FromHours(4));
        await Client.DoAsync(rnd[1], "acknowledge");
        await Client.DoAsync(logistics, "hand-back", "Not a logistics problem");
    }
}
