using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Workflows;

/// Logistics has a webhook: its events arrive signed, once each, retried when the endpoint fails.
public abstract class WebhookTests(WebhookFixture fixture)
{
    readonly HttpClient client = fixture.Client;
    WebhookReceiver Receiver => fixture.Receiver;

    IEnumerable<WebhookReceiver.Delivery> DeliveriesFor(string workItemId) =>
        Receiver.Deliveries.Where(d => d.WorkItemId == workItemId);

    [Fact]
    public async Task Routed_reminder_and_escalation_arrive_signed_and_once_each()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;

        await fixture.AdvanceAsync(TimeSpan.Zero);
        await fixture.AdvanceAsync(TimeSpan.FromDays(2));
        await fixture.AdvanceAsync(TimeSpan.FromDays(1));
        await fixture.AdvanceAsync(TimeSpan.FromDays(1));

        var deliveries = DeliveriesFor(id).ToList();
        Assert.Equal(["routed", "reminder", "reminder", "escalated"], deliveries.Select(d => d.Event));
        Assert.All(deliveries, d => Assert.True(d.SignatureValid));
        // A plain secret, as configured before Standard Webhooks, still signs; so does the deprecated header.
        Assert.All(deliveries, d => Assert.True(d.LegacySignatureValid));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.EventId).Distinct().Count());
        Assert.Equal("Escalated", (string)deliveries[^1].Data["state"]!);
    }

    [Fact]
    public async Task Failing_endpoint_is_retried_with_back_off_and_every_attempt_is_in_history()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "low"))).Item("logistics")["id"]!;
        Receiver.Fail(id, times: 2);

        await fixture.AdvanceAsync(TimeSpan.Zero);
        Assert.Empty(DeliveriesFor(id));
        await fixture.AdvanceAsync(NotificationDelivery.Backoff(1));
        Assert.Empty(DeliveriesFor(id));
        await fixture.AdvanceAsync(NotificationDelivery.Backoff(2));

        Assert.Single(DeliveriesFor(id));
        var attempts = (await client.TimelineAsync(id)).Where(e => (string)e!["kind"]! == "notification.attempted").ToList();
        Assert.Equal(["Pending", "Pending", "Delivered"], attempts.Select(a => (string)a!["data"]!["outcome"]!));
        Assert.All(attempts, a => Assert.Equal("webhook", (string)a!["data"]!["channel"]!));
    }

    [Fact]
    public async Task Dead_endpoint_never_blocks_the_workflow()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;
        Receiver.Fail(id, times: int.MaxValue);

        await fixture.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());
        Assert.Equal("Acknowledged", (await client.DoAsync(id, "acknowledge")).State());
    }

    [Fact]
    public async Task Department_list_shows_the_webhook_url_but_never_its_secret()
    {
        var body = await client.GetStringAsync("/api/departments");
        Assert.Contains(Receiver.Url, body);
        Assert.DoesNotContain(WebhookReceiver.Secret, body);
    }

    [Theory]
    [InlineData("csm")]
    [InlineData("auditor")]
    public async Task Department_list_tells_others_that_a_webhook_is_set_but_not_its_url(string role)
    {
        var other = fixture.App.ClientWithKey(await client.CreateKeyAsync(role));

        var body = await other.GetStringAsync("/api/departments");

        Assert.DoesNotContain(Receiver.Url, body);
        var logistics = JsonNode.Parse(body)!.AsArray().Single(d => (string)d!["id"]! == "logistics")!;
        Assert.True((bool)logistics["webhook"]!);
        Assert.Null(logistics["webhookUrl"]);
    }

    [Fact]
    public async Task Redirects_are_not_followed_and_failures_are_recorded_as_a_class()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var active = await client.GetJsonAsync("/api/rules");
        var draft = new JsonObject { ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone() };
        JsonObject Department(string id) => draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();
        Department("marketing")["webhook"] = new JsonObject { ["url"] = Receiver.RedirectingUrl, ["secret"] = WebhookReceiver.Secret };
        Department("strategy")["webhook"] = new JsonObject { ["url"] = $"http://127.0.0.1:{closedPort}/hook", ["secret"] = WebhookReceiver.Secret };
        var failing = (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        Receiver.Fail(failing, times: 1);
        await client.PublishAsync(await client.DraftAsync(draft));

        var redirected = (string)(await client.SubmitAsync(Reports.Valid("marketing"))).Item("marketing")["id"]!;
        var refused = (string)(await client.SubmitAsync(Reports.Valid("pricing"))).Item("strategy")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);

        Assert.Equal(0, Receiver.RedirectedHits);
        async Task<string> ErrorOf(string id) => (string)(await client.TimelineAsync(id))
            .Last(e => (string)e!["kind"]! == "notification.attempted")!["data"]!["error"]!;
        Assert.Equal("HTTP 307 (redirects are not followed)", await ErrorOf(redirected));
        Assert.Equal("connection refused", await ErrorOf(refused));
        Assert.Equal("HTTP 503", await ErrorOf(failing));
        Assert.DoesNotContain(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await client.GetStringAsync($"/api/history?workItemId={refused}"));
        await client.PublishAsync(1);
    }
}

public abstract class WebhookFixture(TestStore store) : RoutingFixture(store)
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        RulesFolder = Receiver.RulesFolderFor("logistics", LogisticsUrl(Receiver));
        await base.InitializeAsync();
    }

    /// Where logistics' webhook points in the seeded rules.
    protected virtual string LogisticsUrl(WebhookReceiver receiver) => receiver.Url;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        Directory.Delete(RulesFolder!, recursive: true);
    }
}

public sealed class SqliteWebhookFixture() : WebhookFixture(TestStore.Sqlite());

public sealed class PostgresWebhookFixture() : WebhookFixture(TestStore.Postgres());

public sealed class WebhooksOnSqlite(SqliteWebhookFixture fixture) : WebhookTests(fixture), IClassFixture<SqliteWebhookFixture>;

public sealed class WebhooksOnPostgres(PostgresWebhookFixture fixture) : WebhookTests(fixture), IClassFixture<PostgresWebhookFixture>;
