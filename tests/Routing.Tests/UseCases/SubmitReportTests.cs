using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.UseCases;

/// Submitting a report is one operation (IntakeService.SubmitAsync): the API and the console's
/// form route the same pattern alike and refuse the same mistake at the same field.
public abstract partial class SubmitReportTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task<HttpResponseMessage> SubmitInConsoleAsync(string product, string title)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(await admin.CreateKeyAsync("csm"));
        var form = await browser.GetStringAsync("/console/submit");
        return await browser.PostAsync("/console/submit", ConsoleBrowser.Form(form, new()
        {
            ["Submission"] = SubmissionId().Match(form).Groups[1].Value, ["Form[title]"] = title, ["Form[product]"] = product,
            ["Form[category]"] = "quality", ["Form[description]"] = "Units stop heating below -10 C", ["Form[severity]"] = "medium",
            ["Form[reportCount]"] = "87", ["Form[accessibility]"] = "low vision", ["Form[recommendation]"] = "Winterize the control board",
            ["Form[evidence]"] = "ticket-88121\ncall-2231", ["Form[verifiedBy]"] = "csm-team-lead", ["Form[verifiedAt]"] = "2026-11-20T10:00",
        }));
    }

    static JsonObject SameReport(string product, string title) =>
        Reports.Valid("quality").With("product", product).With("title", title).With("segment.accessibility", "low vision");

    Task<(string Departments, string Priorities)> StoredAsync(string product) => fixture.WithStoreAsync(async db =>
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Product == product);
        var items = await db.WorkItems.AsNoTracking().Where(w => w.ReportId == report.Id).OrderBy(w => w.Department).ToListAsync();
        return (string.Join(" ", items.Select(w => w.Department)), string.Join(" ", items.Select(w => w.Priority)));
    });

    [Fact]
    public async Task A_report_is_routed_alike_through_the_API_and_the_console()
    {
        var (viaApi, viaConsole) = ($"HX-200 heater {Guid.NewGuid():N}", $"HX-200 heater {Guid.NewGuid():N}");
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        Assert.Equal(HttpStatusCode.Created, (await csm.PostAsJsonAsync("/api/reports", SameReport(viaApi, "Thermostat fails in cold months"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SubmitInConsoleAsync(viaConsole, "Thermostat fails in cold months")).StatusCode);

        var stored = await StoredAsync(viaApi);
        Assert.Contains("rnd", stored.Departments);
        Assert.Equal(stored, await StoredAsync(viaConsole));
    }

    [Fact]
    public async Task A_report_without_a_title_is_refused_at_the_title_either_way()
    {
        var product = $"HX-200 heater {Guid.NewGuid():N}";
        var api = await admin.PostAsJsonAsync("/api/reports", SameReport(product, ""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        Assert.Equal(["title"], JsonNode.Parse(await api.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key));

        var console = await SubmitInConsoleAsync(product, "");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, console.StatusCode);
        Assert.Contains("id=\"title-error\" class=\"error\">", await console.Content.ReadAsStringAsync());
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
    }

    [GeneratedRegex("name=\"Submission\" value=\"([^\"]+)\"")]
    private static partial Regex SubmissionId();
}

public sealed class SubmitReportOnSqlite(SqliteFixture fixture) : SubmitReportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SubmitReportOnPostgres(PostgresFixture fixture) : SubmitReportTests(fixture), IClassFixture<PostgresFixture>;
