using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.WebConsole;

/// The department overview: open and overdue items now, medians and reopen rate over 30 days.
public abstract partial class OverviewTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task The_overview_counts_open_and_overdue_items_and_the_median_time_to_acknowledge()
    {
        var first = (string)(await admin.SubmitAsync(Reports.Valid("supply", "critical"))).Item("logistics")["id"]!;
        await admin.SubmitAsync(Reports.Valid("supply", "critical"));
        await admin.SubmitAsync(Reports.Valid("design")); // R&D
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await admin.DoAsync(first, "acknowledge");
        fixture.Clock.Advance(TimeSpan.FromHours(3)); // the other critical item is now past its 4 h to acknowledge

        var html = await PageAsync(await admin.CreateKeyAsync("auditor"));
        Assert.Equal(["2", "1", "2 h 0 min", "—", "—", "—"], Row(html, "logistics", "Logistics"));
        Assert.Equal(["1", "0", "—", "—", "—", "—"], Row(html, "rnd", "Research &amp; Development"));
        Assert.Contains("<code class=\"lifecycle-dot\">digraph &quot;standard&quot;", html); // what the browser draws
        Assert.Matches("<th scope=\"row\">Resolved\\s*<span [^>]+>Waiting for the resolution check.</span></th>\\s*<td data-label=\"Kind\">waiting \\(on someone else\\)</td>\\s*"
            + "<td data-label=\"Actions\">verify \\(by a timer\\) → Verified · reopen \\(by a timer\\) → Reopened</td>", System.Net.WebUtility.HtmlDecode(html));

        var head = await PageAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        Assert.DoesNotContain("department=logistics", head);
        Assert.Equal(["1", "0", "—", "—", "—", "—"], Row(head, "rnd", "Research &amp; Development"));
    }

    [Fact]
    public async Task Only_work_the_department_owes_is_open_not_resolved_verified_or_cancelled_items()
    {
        string[] items = [.. await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
            (string)(await admin.SubmitAsync(Reports.Valid("pricing"))).Item("strategy")["id"]!))];
        await admin.DoAsync(items[1], "acknowledge");
        await admin.DoAsync(items[2], "acknowledge");
        await admin.DoAsync(items[2], "resolve", "Price list corrected");
        await fixture.AdvanceAsync(TimeSpan.FromDays(15)); // the resolution check: Verified
        await admin.DoAsync(items[3], "acknowledge");
        await admin.DoAsync(items[3], "resolve", "Policy reworded"); // awaits its check
        await admin.DoAsync(items[4], "cancel", "Duplicate of a pricing report");
        string[] states = [.. await Task.WhenAll(items.Select(async i => (await admin.GetItemAsync(i)).State()))];
        Assert.Equal(["Escalated", "Escalated", "Verified", "Resolved", "Cancelled"], states);

        var html = await PageAsync(await admin.CreateKeyAsync("auditor"));
        Assert.Equal("2", Row(html, "strategy", "Strategy (price and policy)")[0]);
    }

    [Fact]
    public async Task Medians_are_rounded_to_the_nearest_unit_shown()
    {
        // Three marketing items made at one moment, worked at times chosen by hand.
        string[] items = [.. await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            (string)(await admin.SubmitAsync(Reports.Valid("marketing"))).Item("marketing")["id"]!))];
        var made = fixture.Clock.GetUtcNow();
        async Task At(TimeSpan after, string item, string action)
        {
            fixture.Clock.Advance(made + after - fixture.Clock.GetUtcNow());
            await admin.DoAsync(item, action, action == "resolve" ? "Advert withdrawn" : null);
        }
        // Acknowledged after 10 min, 20 min 10 s and 45 min: the median, 20 min 10 s, is "20 min".
        await At(TimeSpan.FromMinutes(10), items[0], "acknowledge");
        await At(new TimeSpan(0, 20, 10), items[1], "acknowledge");
        await At(TimeSpan.FromMinutes(45), items[2], "acknowledge");
        // Resolved after 1 d 2 h, 1 d 5 h 40 min and 2 d: the median, 1 d 5 h 40 min, is "1 d 6 h".
        await At(new TimeSpan(1, 2, 0, 0), items[0], "resolve");
        await At(new TimeSpan(1, 5, 40, 0), items[1], "resolve");
        await At(TimeSpan.FromDays(2), items[2], "resolve");

        var html = await PageAsync(await admin.CreateKeyAsync("auditor"));
        Assert.Equal(["0", "0", "20 min", "1 d 6 h", $"{0.0:P0} (0 of 3)", "—"], Row(html, "marketing", "Marketing"));
    }

    Task<string> PageAsync(string key) => fixture.App.ClientWithKey(key).GetStringAsync("/console/overview");

    /// The cells after the department's name in its table row.
    static string[] Row(string html, string department, string name)
    {
        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\"><a href=\"/console/inbox\\?department={department}\">{Regex.Escape(name)}</a></th>(.*?)</tr>", RegexOptions.Singleline);
        return row.Success ? [.. Cell().Matches(row.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))] : [];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

public sealed class OverviewOnSqlite(SqliteFixture fixture) : OverviewTests(fixture), IClassFixture<SqliteFixture>;

public sealed class OverviewOnPostgres(PostgresFixture fixture) : OverviewTests(fixture), IClassFixture<PostgresFixture>;

/// On the shipped rules the overview shows each lifecycle: who follows it, its states with their
/// kind, what each action records, and the Graphviz text the browser draws it from.
public abstract class OverviewLifecyclesTests(RoutingFixture fixture)
{
    [Fact]
    public async Task The_overview_has_a_section_per_lifecycle_with_who_follows_it_its_states_and_its_records()
    {
        var html = System.Net.WebUtility.HtmlDecode(await fixture.App.ClientWithKey(await fixture.Client.CreateKeyAsync("department-head", "rnd"))
            .GetStringAsync("/console/overview"));

        var sections = Regex.Matches(html, "<section class=\"lifecycle\" aria-labelledby=\"lifecycle-([a-z-]+)\">(.*?)</section>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["standard", "corrective-action", "supplier-corrective-action"], sections.Keys);
        foreach (var (id, section) in sections)
        {
            var lifecycle = TestRules.Lifecycle(id);
            Assert.Contains($"<h3 id=\"lifecycle-{id}\">{lifecycle.Title}</h3>", section);
            Assert.Contains($"<code class=\"lifecycle-dot\">digraph \"{id}\"", section); // what the browser draws
            Assert.Equal(lifecycle.States.Select(s => s.Name), Regex.Matches(section, "<th scope=\"row\">(\\w+)").Select(m => m.Groups[1].Value));
        }
        // A head sees every lifecycle, not only their own department's.
        Assert.Contains("<strong>Followed by:</strong> Marketing, Strategy (price and policy), Sales, Customer service triage.", sections["standard"]);
        Assert.Contains("<strong>Followed by:</strong> Manufacturing, Logistics, Research & Development.", sections["corrective-action"]);
        Assert.Contains("<strong>Followed by:</strong> Vendor management, Acme Parts Ltd.", sections["supplier-corrective-action"]);
        Assert.Matches("<th scope=\"row\">Routed<span class=\"hint\"> \\(where an item starts\\)</span>\\s*<span [^>]+>[^<]+</span></th>\\s*"
            + "<td data-label=\"Kind\">open: the acknowledgement is due</td>", sections["corrective-action"]);
        // A CAPA's escalation leaves the item where it is, and the table says so.
        Assert.Contains("<td data-label=\"Actions\">find-cause → CauseFound · cancel → Cancelled · escalate (by a timer): the item stays</td>", sections["corrective-action"]);
        Assert.Matches("<td data-label=\"Kind\">waiting \\(on someone else\\)</td>\\s*<td data-label=\"Actions\">accept-cause → RootCauseAccepted · reject-cause → ContainmentConfirmed · cancel → Cancelled</td>",
            sections["supplier-corrective-action"]);
        Assert.Matches("<dt>Record root cause <span class=\"hint\">\\(<code>find-cause</code>, by the department\\)</span></dt>\\s*"
            + "<dd>Root-cause method \\(one of 5-whys, fishbone, fault-tree, other\\); Root cause \\(text\\); Where else the cause could exist \\(text\\)</dd>",
            sections["corrective-action"]);
        Assert.Contains("<dd>a note: say why the SCAR is withdrawn; a confirmation: a cancelled SCAR is final</dd>", sections["supplier-corrective-action"]);
    }
}

public sealed class OverviewLifecyclesOnSqlite(SqliteShippedLifecyclesFixture fixture) : OverviewLifecyclesTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class OverviewLifecyclesOnPostgres(PostgresShippedLifecyclesFixture fixture) : OverviewLifecyclesTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
