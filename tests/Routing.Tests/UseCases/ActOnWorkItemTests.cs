using System.Net;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.UseCases;

/// Acting on a work item is one operation: through the API and through the console's inbox it
/// gives the same outcome, and the same refusals (a head of another department finds nothing).
public abstract class ActOnWorkItemTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task<string> NewItemAsync() => (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;

    /// Signs a browser in with the key and returns it with its inbox page (for the form's token).
    async Task<(HttpClient Browser, string Page)> ConsoleAsync(string key, string department)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        var page = await (await browser.SignInAsync(key, $"/console/inbox?department={department}")).Content.ReadAsStringAsync();
        return (browser, page);
    }

    static Task<HttpResponseMessage> ActInConsoleAsync((HttpClient Browser, string Page) console, string item, string action, int version, string department, string? note = null) =>
        console.Browser.PostAsync("/console/inbox?handler=Act", ConsoleBrowser.Form(console.Page, new()
        {
            ["item"] = item, ["action"] = action, ["version"] = version.ToString(), ["department"] = department, ["note"] = note ?? "",
        }));

    async Task<(string State, int Version, string Kinds)> SeenByAdminAsync(string item)
    {
        var read = await admin.GetItemAsync(item);
        return (read.State(), (int)read["version"]!, string.Join(" ", (await admin.TimelineAsync(item)).Kinds()));
    }

    [Fact]
    public async Task A_head_acts_alike_through_the_API_and_the_console()
    {
        var (viaApi, viaConsole) = (await NewItemAsync(), await NewItemAsync());
        var key = await admin.CreateKeyAsync("department-head", "logistics");
        var api = fixture.App.ClientWithKey(key);
        var console = await ConsoleAsync(key, "logistics");

        Assert.Equal(HttpStatusCode.OK, (await api.ActAsync(viaApi, "acknowledge", 1, "on it")).StatusCode);
        var acted = await ActInConsoleAsync(console, viaConsole, "acknowledge", 1, "logistics", "on it");
        Assert.Contains("Done (acknowledge): the item is now Acknowledged.", await acted.Content.ReadAsStringAsync());
        Assert.Equal(await SeenByAdminAsync(viaApi), await SeenByAdminAsync(viaConsole));

        // The same version again is stale both ways, and changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await api.ActAsync(viaApi, "start", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ActInConsoleAsync(console, viaConsole, "start", 1, "logistics")).StatusCode);
        // A comment without a note is refused both ways.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.ActAsync(viaApi, "comment", 2)).StatusCode);
        Assert.Contains("The note is required for a comment.", await (await ActInConsoleAsync(console, viaConsole, "comment", 2, "logistics")).Content.ReadAsStringAsync());
        Assert.Equal(await SeenByAdminAsync(viaApi), await SeenByAdminAsync(viaConsole));
        Assert.Equal(("Acknowledged", 2), ((await SeenByAdminAsync(viaApi)).State, (await SeenByAdminAsync(viaApi)).Version));
    }

    [Fact]
    public async Task A_head_of_another_department_finds_no_such_item_either_way()
    {
        var item = await NewItemAsync();
        var key = await admin.CreateKeyAsync("department-head", "rnd");

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.App.ClientWithKey(key).ActAsync(item, "acknowledge", 1)).StatusCode);
        var console = await ActInConsoleAsync(await ConsoleAsync(key, "rnd"), item, "acknowledge", 1, "rnd");
        Assert.Equal(HttpStatusCode.NotFound, console.StatusCode);
        Assert.DoesNotContain(item, await console.Content.ReadAsStringAsync());
        Assert.Equal(("Routed", 1), ((await SeenByAdminAsync(item)).State, (await SeenByAdminAsync(item)).Version));
    }

    [Fact]
    public async Task A_csm_who_sees_the_item_may_not_act_on_it_either_way()
    {
        var item = await NewItemAsync();
        var key = await admin.CreateKeyAsync("csm");

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.ClientWithKey(key).ActAsync(item, "acknowledge", 1)).StatusCode);
        var console = ConsoleBrowser.Open(fixture.App, followRedirects: false);
        await console.SignInAsync(key);
        var page = await console.GetStringAsync("/console/inbox?department=logistics");
        var refused = await ActInConsoleAsync((console, page), item, "acknowledge", 1, "logistics");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)refused.StatusCode}");
        Assert.Equal(("Routed", 1), ((await SeenByAdminAsync(item)).State, (await SeenByAdminAsync(item)).Version));
    }
}

public sealed class ActOnWorkItemOnSqlite(SqliteFixture fixture) : ActOnWorkItemTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ActOnWorkItemOnPostgres(PostgresFixture fixture) : ActOnWorkItemTests(fixture), IClassFixture<PostgresFixture>;
