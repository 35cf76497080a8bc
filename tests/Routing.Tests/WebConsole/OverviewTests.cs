using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;

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
        Assert.Equal(["2", "1", "2 h 0 min", "—", "—"], Row(html, "logistics"));
        Assert.Equal(["1", "0", "—", "—", "—"], Row(html, "rnd"));
        Assert.Contains("<code id=\"lifecycle-dot\">digraph lifecycle", html); // what the browser draws
        Assert.Matches("<th scope=\"row\">Resolved</th>\\s*<td>verify \\(by a timer\\) → Verified · reopen \\(by a timer\\) → Reopened</td>", System.Net.WebUtility.HtmlDecode(html));

        var head = await PageAsync(await admin.CreateKeyAsync("department-head", "rnd"));
        Assert.DoesNotContain("department=logistics", head);
        Assert.Equal(["1", "0", "—", "—", "—"], Row(head, "rnd"));
    }

    Task<string> PageAsync(string key) => fixture.App.ClientWithKey(key).GetStringAsync("/console/overview");

    /// The cells after the department's name in its table row.
    static string[] Row(string html, string department)
    {
        var row = Regex.Match(html, $"<tr>\\s*<th scope=\"row\"><a href=\"/console/inbox\\?department={department}\">{department}</a></th>(.*?)</tr>", RegexOptions.Singleline);
        return row.Success ? [.. Cell().Matches(row.Groups[1].Value).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))] : [];
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();
}

public sealed class OverviewOnSqlite(SqliteFixture fixture) : OverviewTests(fixture), IClassFixture<SqliteFixture>;

public sealed class OverviewOnPostgres(PostgresFixture fixture) : OverviewTests(fixture), IClassFixture<PostgresFixture>;
