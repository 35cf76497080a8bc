using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Engine.Notifications;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Webhooks reach the outside world only: a URL that points inside is refused when the rules
/// are drafted, and a name that resolves inside is refused when a delivery connects.
public abstract class WebhookAddressTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Theory]
    [InlineData("http://127.0.0.2/hook")]                 // loopback (the test hosts allow 127.0.0.1 only)
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://localhost./hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://intranet/hook")]                  // a single label, completed by the resolver's search list
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fe80::1]/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.16.0.1/hook")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[::ffff:169.254.169.254]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://2130706434/hook")]                // 127.0.0.2 as one number
    [InlineData("http://0x7f000002/hook")]
    [InlineData("https://user:password@hooks.example.com/hook")]
    [InlineData("ftp://hooks.example.com/hook")]
    public async Task A_webhook_pointing_inside_is_422_naming_the_department(string url)
    {
        var draft = Rulesets.ShippedDraft();
        Department(draft, "marketing")["webhook"] = new JsonObject { ["url"] = url, ["secret"] = WebhookReceiver.Secret };

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Contains("webhook.url", errors["departments/marketing"]![0]!.ToString());
    }

    [Theory]
    [InlineData("https://hooks.example.com/routing")]
    [InlineData("http://127.0.0.1:9/hook")]               // allowed by the test hosts' Routing:Webhooks:AllowedHosts
    public async Task A_public_or_explicitly_allowed_webhook_is_accepted(string url)
    {
        var draft = Rulesets.ShippedDraft();
        Department(draft, "marketing")["webhook"] = new JsonObject { ["url"] = url, ["secret"] = WebhookReceiver.Secret };

        Assert.True(await client.DraftAsync(draft) > 1);
    }

    [Fact]
    public void The_policy_judges_resolved_addresses_and_allowed_names()
    {
        var policy = new WebhookAddressPolicy(["hooks.internal", "10.20.0.0/16"]);

        Assert.False(policy.Allows("evil.example.com", IPAddress.Parse("127.0.0.1")));
        Assert.False(policy.Allows("evil.example.com", IPAddress.Parse("::ffff:192.168.0.1")));
        Assert.False(policy.Allows("evil.example.com", IPAddress.Parse("64:ff9b::a9fe:a9fe")));
        Assert.True(policy.Allows("evil.example.com", IPAddress.Parse("10.20.3.4")));
        Assert.True(policy.Allows("hooks.internal", IPAddress.Parse("10.9.9.9")));
        Assert.True(policy.Allows("hooks.example.com", IPAddress.Parse("93.184.215.14")));
        Assert.Null(policy.Refuses("http://hooks.internal/x"));
    }

    static JsonObject Department(JsonNode ruleset, string id) =>
        ruleset["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();
}

public sealed class WebhookAddressesOnSqlite(SqliteFixture fixture) : WebhookAddressTests(fixture), IClassFixture<SqliteFixture>;

public sealed class WebhookAddressesOnPostgres(PostgresFixture fixture) : WebhookAddressTests(fixture), IClassFixture<PostgresFixture>;

/// Logistics' webhook names `localhost` (stored before the policy, or by a seed): the name
/// resolves to loopback, which this host does not allow, so nothing is sent.
public abstract class WebhookConnectTests(LocalhostWebhookFixture fixture)
{
    [Fact]
    public async Task A_name_resolving_to_a_refused_address_is_not_connected_to()
    {
        var client = fixture.Client;
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;

        await fixture.AdvanceAsync(TimeSpan.Zero);

        Assert.Empty(fixture.Receiver.Deliveries);
        var attempt = (await client.TimelineAsync(id)).Single(e => (string)e!["kind"]! == "notification.attempted")!;
        Assert.Equal("address not allowed", (string)attempt["data"]!["error"]!);
        Assert.Equal("Pending", (string)attempt["data"]!["outcome"]!);
    }
}

public abstract class LocalhostWebhookFixture : WebhookFixture
{
    protected LocalhostWebhookFixture(TestStore store) : base(store) =>
        ExtraSettings[$"{WebhookOptions.Section}:AllowedHosts:0"] = "192.0.2.10";

    // The seed is the one way in that skips the draft's check, like a version stored before it.
    protected override string LogisticsUrl(WebhookReceiver receiver) => receiver.Url.Replace(WebhookReceiver.Host, "localhost");
}

public sealed class SqliteLocalhostWebhookFixture() : LocalhostWebhookFixture(TestStore.Sqlite());

public sealed class PostgresLocalhostWebhookFixture() : LocalhostWebhookFixture(TestStore.Postgres());

public sealed class WebhookConnectOnSqlite(SqliteLocalhostWebhookFixture fixture) : WebhookConnectTests(fixture), IClassFixture<SqliteLocalhostWebhookFixture>;

public sealed class WebhookConnectOnPostgres(PostgresLocalhostWebhookFixture fixture) : WebhookConnectTests(fixture), IClassFixture<PostgresLocalhostWebhookFixture>;
