using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.History;
using Routing.Host.Access;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Access;

/// Every endpoint authorizes by role; department heads see only their departments.
public abstract class AccessTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;
    const string Anonymous = "anonymous";

    // Who may call each endpoint the host maps. A new endpoint missing here fails the test.
    static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["POST /api/reports/"] = ["csm", "admin"],
        ["GET /api/reports/{id:guid}"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/work-items/{id:guid}"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/work-items/{id:guid}/timeline"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/work-items/{id:guid}/effectiveness"] = ["csm", "department-head", "admin", "auditor"],
        // An inconclusive fix is decided by the CSMs (and admins), not by the department that made it.
        ["POST /api/work-items/{id:guid}/effectiveness/decision"] = ["csm", "admin"],
        ["POST /api/work-items/{id:guid}/{action}"] = ["csm", "department-head", "admin"],
        ["GET /api/workflows/work-item/graph"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/lifecycles/"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/lifecycles/{id}/graph"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/calendars/"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/calendars/{id}/windows"] = ["csm", "department-head", "admin", "auditor"],
        ["POST /api/calendars/{id}/holidays"] = ["admin"],
        // A department's CAPA records: every role that reads items; a head only their departments'.
        ["GET /api/work-items/records"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/work-items/records"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/departments/"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/departments/{id}/work-items"] = ["csm", "department-head", "admin", "auditor"],
        ["POST /api/rules/simulate"] = ["csm", "admin"],
        ["GET /api/rules/"] = ["admin"],
        ["GET /api/rules/versions"] = ["admin"],
        ["GET /api/rules/versions/{version:int}"] = ["admin"],
        ["GET /api/rules/versions/{version:int}/diff"] = ["admin"],
        ["POST /api/rules/versions"] = ["admin"],
        ["POST /api/rules/expressions/check"] = ["admin"],
        ["POST /api/rules/versions/{version:int}/publish"] = ["admin"],
        ["POST /api/rules/versions/{version:int}/replay"] = ["admin"],
        ["GET /api/history/"] = ["admin", "auditor"],
        ["GET /api/history/verify"] = ["admin", "auditor"],
        ["GET /api/history/export"] = ["admin", "auditor"],
        ["POST /api/keys/"] = ["admin"],
        ["GET /api/keys/"] = ["admin"],
        ["DELETE /api/keys/{id:guid}"] = ["admin"],
        ["POST /api/complaints"] = ["csm", "admin"],
        ["POST /api/exposure"] = ["csm", "admin"],
        ["POST /api/patterns/scan"] = ["admin"],
        ["GET /api/patterns/"] = ["csm", "admin", "auditor"],
        ["GET /api/patterns/{id:guid}"] = ["csm", "admin", "auditor"],
        ["POST /api/patterns/{id:guid}/submit"] = ["csm", "admin"],
        ["POST /api/patterns/{id:guid}/dismiss"] = ["csm", "admin"],
        // Accountability: every role that reads items (a head their departments only); the CSMs' account not to heads.
        ["GET /api/metrics/departments"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/metrics/rules"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /api/metrics/csms"] = ["csm", "admin", "auditor"],
        ["GET /console/metrics/departments.csv"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/metrics/rules.csv"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/metrics/csms.csv"] = ["csm", "admin", "auditor"],
        ["GET /hangfire/{**path}"] = ["admin"],
        // Prometheus's scrape; anonymous only on the management port, which maps no endpoint of its own.
        ["GET /metrics"] = ["admin"],
        ["GET /console"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/inbox"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/overview"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/accountability"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/reports"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/reports/{id:guid}"] = ["csm", "department-head", "admin", "auditor"],
        ["POST /console/inbox"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/items/{id:guid}"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /console/history"] = ["admin", "auditor"],
        ["POST /console/history"] = ["admin", "auditor"],
        ["GET /console/history/export"] = ["admin", "auditor"],
        ["GET /console/keys"] = ["admin"],
        ["POST /console/keys"] = ["admin"],
        ["GET /console/rules"] = ["admin"],
        ["POST /console/rules"] = ["admin"],
        ["GET /console/submit"] = ["csm", "admin"],
        ["POST /console/submit"] = ["csm", "admin"],
        ["GET /console/import"] = ["csm", "admin"],
        ["GET /console/patterns"] = ["csm", "admin", "auditor"],
        ["GET /console/patterns/{id:guid}"] = ["csm", "admin", "auditor"],
        ["GET /console/sign-in"] = [Anonymous],
        ["POST /console/sign-in"] = [Anonymous],
        ["GET /console/sign-out"] = [Anonymous],
        ["POST /console/sign-out"] = [Anonymous],
        ["GET /console/status/{code:int}"] = [Anonymous],
        ["GET /console/{**path}"] = ["csm", "department-head", "admin", "auditor"],
        ["GET /health"] = [Anonymous],
        ["GET /health/live"] = [Anonymous],
        ["GET /health/ready"] = [Anonymous],
        ["GET /"] = [Anonymous], // to the console, whose pages ask for a sign-in themselves
        ["GET /openapi/{documentName}.json"] = [Anonymous],
        ["GET /api/rules/schema"] = ["csm", "department-head", "admin", "auditor"],
        // The API reference for people (Scalar), drawn from the document: public like it.
        ["GET /api/docs/{documentName?}"] = [Anonymous],
        ["GET /api/docs/scalar.js"] = [Anonymous],
        ["GET /api/docs/scalar.aspnetcore.js"] = [Anonymous],
        ["GET /api/docs/favicon.svg"] = [Anonymous],
    };

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_designed()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            [Anonymous] = fixture.App.ClientWithKey(null),
            ["csm"] = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm")),
            ["department-head"] = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd")),
            ["admin"] = admin,
            ["auditor"] = fixture.App.ClientWithKey(await admin.CreateKeyAsync("auditor")),
        };
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().ToList();

        var unlisted = endpoints.Select(e => $"{e.Method} {e.Pattern}").Where(k => !Allowed.ContainsKey(k)).ToList();
        Assert.True(unlisted.Count == 0, $"endpoints without an access rule in this test: {string.Join("; ", unlisted)}");

        var wrong = new List<string>();
        foreach (var (method, pattern) in endpoints)
        {
            var allowed = Allowed[$"{method} {pattern}"];
            foreach (var (role, client) in clients)
            {
                var request = Request(method, pattern);
                var requested = request.RequestUri!.OriginalString;
                using var response = await client.SendAsync(request);
                // The console answers a missing sign-in by sending the browser to sign in (an
                // anonymous endpoint, `/`, may lead there by design: the client drops its key on a redirect).
                var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
                var outcome = landed != requested && landed is "/console/sign-in" && !allowed.Contains(Anonymous)
                    ? HttpStatusCode.Unauthorized : response.StatusCode;
                var expectation = allowed.Contains(Anonymous) || allowed.Contains(role)
                    ? outcome is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    : outcome == (role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
                if (!expectation) wrong.Add($"{role} {method} {pattern} -> {(int)response.StatusCode} at {landed}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    static HttpRequestMessage Request(string method, string pattern)
    {
        var path = pattern.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{id}", "rnd").Replace("{action}", "comment")
            .Replace("{version:int}", "1").Replace("{code:int}", "404").Replace("{documentName}", "v1").Replace("{documentName?}", "").Replace("/console/{**path}", "/console/no-such-page").Replace("{**path}", "");
        return new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
        };
    }

    [Fact]
    public async Task A_head_of_rnd_cannot_read_act_on_or_list_manufacturing_items()
    {
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd"));
        var receipt = await admin.SubmitAsync(Reports.Valid("quality").With("segment.accessibility", "low vision"));
        var manufacturing = (string)receipt.Item("manufacturing")["id"]!;
        var rnd = (string)receipt.Item("rnd")["id"]!;

        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/work-items/{manufacturing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/work-items/{manufacturing}/effectiveness")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/api/work-items/{manufacturing}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.ActAsync(manufacturing, "acknowledge", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/departments/manufacturing/work-items")).StatusCode);

        Assert.Equal("Acknowledged", (await head.DoAsync(rnd, "acknowledge")).State());
        var report = await head.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        Assert.Equal(["rnd"], report["workItems"]!.AsArray().Select(i => (string)i!["workItem"]!["department"]!));
        Assert.Contains((await head.GetJsonAsync("/api/departments/rnd/work-items?pageSize=200"))["items"]!.AsArray(),
            i => (string)i!["id"]! == rnd);
    }

    [Fact]
    public async Task A_csm_works_triage_but_no_department_inbox()
    {
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var receipt = await csm.SubmitAsync(Reports.Valid("other"));
        Assert.Equal("Acknowledged", (await csm.DoAsync((string)receipt.Item("triage")["id"]!, "acknowledge")).State());

        var supply = await csm.SubmitAsync(Reports.Valid("supply"));
        Assert.Equal(HttpStatusCode.Forbidden, (await csm.ActAsync((string)supply.Item("logistics")["id"]!, "acknowledge", 1)).StatusCode);
    }

    [Fact]
    public async Task History_names_the_key_user_who_acted()
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = "head-of-logistics", role = "department-head", departments = new[] { "logistics" } });
        var head = fixture.App.ClientWithKey((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!);
        var id = (string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;

        await head.DoAsync(id, "acknowledge");

        var timeline = await admin.TimelineAsync(id);
        Assert.Equal("head-of-logistics", (string)timeline.Single(e => (string)e!["kind"]! == "work-item.acknowledged")!["actor"]!);
        var accepted = await admin.GetJsonAsync($"/api/history?workItemId={id}&kind=work-item.acknowledge");
        Assert.Equal("head-of-logistics", (string)accepted["events"]![0]!["actor"]!);
    }

    [Fact]
    public async Task Repeated_bad_keys_from_one_client_are_throttled_and_recorded()
    {
        var stranger = fixture.App.ClientWithKey("rk_not-a-real-key");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < FailedAuthentications.Limit + 2; i++) statuses.Add((await stranger.GetAsync("/api/departments")).StatusCode);

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(await fixture.WithStoreAsync(db => db.History.CountAsync(e => e.Kind == "auth.failed")) >= 1);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/departments")).StatusCode);
        fixture.Clock.Advance(FailedAuthentications.Window); // the next test starts unthrottled
    }

    [Fact]
    public async Task Without_Routing_Proxy_a_forwarded_client_address_is_not_believed()
    {
        fixture.Clock.Advance(FailedAuthentications.Window); // unthrottled
        Task<int> Failed(string? naming = null) => fixture.WithStoreAsync(async db =>
            (await db.History.Where(e => e.Kind == HistoryKinds.AuthenticationFailed).Select(e => e.Data).ToListAsync())
            .Count(d => naming == null || d.Contains(naming)));
        var before = await Failed();
        using var stranger = fixture.App.ClientWithKey("rk_not-a-real-key");
        // Anyone can send this header; only a configured proxy's is taken.
        stranger.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/departments")).StatusCode);

        Assert.Equal(before + 1, await Failed());
        Assert.Equal(0, await Failed(naming: "203.0.113.9"));
        fixture.Clock.Advance(FailedAuthentications.Window);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = "leaving", role = "auditor" });
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var auditor = fixture.App.ClientWithKey((string)created["key"]!);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/history/verify")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{created["id"]}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await auditor.GetAsync("/api/history/verify")).StatusCode);
    }

    [Fact]
    public async Task Keys_are_shown_once_and_stored_only_hashed()
    {
        var key = await admin.CreateKeyAsync("csm");
        Assert.StartsWith("rk_", key);
        Assert.True(key.Length >= 43);

        Assert.DoesNotContain(key, await admin.GetStringAsync("/api/keys"));
        var stored = await fixture.WithStoreAsync(db => db.ApiKeys.Select(k => k.Hash).ToListAsync());
        Assert.DoesNotContain(key, stored);
        Assert.Contains(Routing.Engine.Access.ApiKeySecrets.Hash(key), stored);
        var xApiKey = fixture.App.ClientWithKey(null);
        xApiKey.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await xApiKey.GetAsync("/api/departments")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"role\": \"king\"}", "role")]
    [InlineData("{\"name\": \"x\", \"role\": \"department-head\"}", "departments")]
    [InlineData("{\"name\": \"x\", \"role\": \"department-head\", \"departments\": [\"astrology\"]}", "departments")]
    [InlineData("{\"role\": \"csm\"}", "name")]
    public async Task A_bad_key_request_is_422_naming_the_field(string body, string field)
    {
        var response = await admin.PostAsync("/api/keys", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await admin.GetAsync("/api/departments");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

public sealed class AccessOnSqlite(SqliteFixture fixture) : AccessTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AccessOnPostgres(PostgresFixture fixture) : AccessTests(fixture), IClassFixture<PostgresFixture>;
