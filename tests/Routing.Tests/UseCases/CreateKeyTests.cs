using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.UseCases;

/// Creating a key is one operation (ApiKeyService.TryCreateAsync): the API and the console's
/// keys page create alike and refuse the same request with the same words.
public abstract class CreateKeyTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    Task<HttpResponseMessage> CreateInApiAsync(string name, string role, params string[] departments) =>
        admin.PostAsJsonAsync("/api/keys", new { name, role, departments });

    async Task<HttpResponseMessage> CreateInConsoleAsync(string name, string role, params string[] departments)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync("/console/keys");
        var form = new List<KeyValuePair<string, string>> { new("Name", name), new("Role", role) };
        form.AddRange(departments.Select(d => new KeyValuePair<string, string>("Departments", d)));
        return await browser.PostAsync("/console/keys?handler=Create", ConsoleBrowser.RepeatingForm(page, form));
    }

    async Task<JsonObject> ListedAsync(string name) =>
        JsonNode.Parse(await admin.GetStringAsync("/api/keys"))!.AsArray().Select(k => k!.AsObject()).Single(k => (string)k["name"]! == name);

    [Fact]
    public async Task A_key_is_created_alike_through_the_API_and_the_console()
    {
        var (viaApi, viaConsole) = ($"head {Guid.NewGuid():N}", $"head {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.Created, (await CreateInApiAsync($"  {viaApi} ", "department-head", "logistics")).StatusCode);
        var console = await CreateInConsoleAsync($"  {viaConsole} ", "department-head", "logistics");
        Assert.Contains("Key created.", await console.Content.ReadAsStringAsync());

        var (a, c) = (await ListedAsync(viaApi), await ListedAsync(viaConsole));
        Assert.Equal(((string)a["role"]!, a["departments"]!.ToJsonString()), ((string)c["role"]!, c["departments"]!.ToJsonString()));
    }

    [Theory]
    [InlineData("system:timer", "csm", "", "name")]
    [InlineData("a head", "department-head", "", "departments")]
    [InlineData("a head", "department-head", "atlantis", "departments")]
    [InlineData("a csm", "janitor", "", "role")]
    public async Task A_bad_request_is_refused_with_the_same_words_either_way(string name, string role, string department, string field)
    {
        string[] departments = department == "" ? [] : [department];
        var api = await CreateInApiAsync(name, role, departments);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
        var message = (string)JsonNode.Parse(await api.Content.ReadAsStringAsync())!["errors"]![field]![0]!;

        var console = await CreateInConsoleAsync(name, role, departments);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, console.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await console.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_taken_name_is_refused_either_way()
    {
        var name = $"csm {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Created, (await CreateInApiAsync(name, "csm")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CreateInApiAsync(name.ToUpperInvariant(), "csm")).StatusCode);
        var console = await CreateInConsoleAsync(name.ToUpperInvariant(), "csm");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, console.StatusCode);
        Assert.Contains("another key has this name", await console.Content.ReadAsStringAsync());
    }
}

public sealed class CreateKeyOnSqlite(SqliteFixture fixture) : CreateKeyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class CreateKeyOnPostgres(PostgresFixture fixture) : CreateKeyTests(fixture), IClassFixture<PostgresFixture>;
