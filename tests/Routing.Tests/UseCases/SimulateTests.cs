using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.UseCases;

/// Simulating a report is one operation: the API and the console's rules page route it alike
/// and refuse the same report at the same field.
public abstract class SimulateTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task<HttpResponseMessage> SimulateInConsoleAsync(JsonObject report)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync("/console/rules");
        return await browser.PostAsync("/console/rules?handler=Simulate", ConsoleBrowser.Form(page, new() { ["Report"] = report.ToJsonString() }));
    }

    [Fact]
    public async Task A_report_routes_alike_through_the_API_and_the_console()
    {
        var report = Reports.Valid("quality").With("segment.accessibility", "low vision");
        var api = await admin.PostAsJsonAsync("/api/rules/simulate", new JsonObject { ["report"] = report.DeepClone() });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var routes = JsonNode.Parse(await api.Content.ReadAsStringAsync())!["routes"]!.AsArray();
        Assert.True(routes.Count >= 2);

        var console = await SimulateInConsoleAsync(report);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        var expected = string.Join(", ", routes.Select(r => $"{(string)r!["department"]!} ({(string)r["priority"]!})"));
        Assert.Contains($"Routes: {expected}</p>", await console.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_report_is_refused_at_the_same_field_either_way()
    {
        var report = Reports.Valid("supply").Without("title");
        var api = await admin.PostAsJsonAsync("/api/rules/simulate", new JsonObject { ["report"] = report.DeepClone() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        var fields = JsonNode.Parse(await api.Content.ReadAsStringAsync())!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["report.title"], fields);

        var console = await SimulateInConsoleAsync(report);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, console.StatusCode);
        Assert.Contains("report.title", await console.Content.ReadAsStringAsync());
    }
}

public sealed class SimulateOnSqlite(SqliteFixture fixture) : SimulateTests(fixture), IClassFixture<SqliteFixture>;

public sealed class SimulateOnPostgres(PostgresFixture fixture) : SimulateTests(fixture), IClassFixture<PostgresFixture>;
