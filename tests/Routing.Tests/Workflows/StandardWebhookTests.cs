using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using StandardWebhooks.Diagnostics;

namespace Routing.Tests.Workflows;

/// Deliveries as a receiver checks them with a Standard Webhooks library: signed over id, time
/// and body, in the spec's payload shape, told apart for the owner and the escalation contact,
/// signed with both secrets while one is rotated out, and sent where the department's webhook
/// pointed when the event happened. The clock runs at real time (the library checks the
/// timestamp against it) and acknowledgement windows are seconds, so escalations come quickly.
public abstract class StandardWebhookTests(StandardWebhookFixture fixture)
{
    readonly HttpClient client = fixture.Client;
    WebhookReceiver Receiver => fixture.Receiver;

    List<WebhookReceiver.Delivery> DeliveriesFor(string workItemId) => [.. Receiver.Deliveries.Where(d => d.WorkItemId == workItemId)];

    [Fact]
    public async Task A_delivery_verifies_with_the_library_and_says_what_happened_to_which_item()
    {
        var report = Reports.Valid("supply", "medium");
        var receipt = await client.SubmitAsync(report);
        var id = (string)receipt.Item("logistics")["id"]!;
        var attemptedAt = fixture.Clock.GetUtcNow();

        await fixture.AdvanceAsync(TimeSpan.Zero);

        var delivery = Assert.Single(DeliveriesFor(id));
        WebhookVerification.Verify(StandardWebhookFixture.Current, delivery.Headers, delivery.Body);
        Assert.Equal(attemptedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.Timestamp);
        Assert.True(delivery.LegacySignatureValid);

        var payload = delivery.Payload;
        Assert.Equal("work_item.routed", (string)payload["type"]!);
        Assert.Equal(attemptedAt.ToUnixTimeMilliseconds(), ((DateTimeOffset)payload["timestamp"]!).ToUnixTimeMilliseconds());
        var data = delivery.Data;
        var item = await client.GetItemAsync(id);
        Assert.Equal(1, (int)data["schemaVersion"]!);
        Assert.Equal(delivery.EventId, (string)data["eventId"]!);
        Assert.Equal(("routed", "logistics", "owner", "logistics"),
            ((string)data["event"]!, (string)data["recipient"]!, (string)data["role"]!, (string)data["department"]!));
        Assert.Equal((string)receipt["reportId"]!, (string)data["reportId"]!);
        Assert.Equal(((string)report["title"]!, (string)report["product"]!, "supply"),
            ((string)data["title"]!, (string)data["product"]!, (string)data["category"]!));
        Assert.Equal(((string)item["priority"]!, "Routed"), ((string)data["priority"]!, (string)data["state"]!));
        Assert.Equal((DateTimeOffset)item["ackDueAt"]!, (DateTimeOffset)data["ackDueAt"]!);
        Assert.Equal((DateTimeOffset)item["resolveDueAt"]!, (DateTimeOffset)data["resolveDueAt"]!);
        Assert.Null(data["effectiveness"]);

        // The links start with Routing:PublicUrl and lead to the item and its report.
        var links = data["links"]!;
        Assert.Equal($"https://routing.example.com/console/items/{id}", (string)links["console"]!);
        foreach (var link in new[] { (string)links["api"]!, (string)links["report"]! })
        {
            Assert.StartsWith("https://routing.example.com/api/", link);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(link.Replace("https://routing.example.com", ""))).StatusCode);
        }
        Assert.Equal(id, (string)(await client.GetJsonAsync(((string)links["api"]!).Replace("https://routing.example.com", "")))["id"]!);
    }

    [Fact]
    public async Task The_escalation_contact_is_told_as_the_escalation_contact()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;

        for (var i = 0; i < 12 && (await client.GetItemAsync(id)).State() != "Escalated"; i++)
            await fixture.AdvanceAsync(TimeSpan.FromSeconds(5));

        var escalations = DeliveriesFor(id).Where(d => d.Event == "escalated").ToList();
        Assert.Equal(2, escalations.Count);
        var owner = Assert.Single(escalations, d => (string)d.Data["role"]! == "owner");
        var contact = Assert.Single(escalations, d => (string)d.Data["role"]! == "escalation");
        Assert.Equal(("logistics", "triage"), ((string)owner.Data["recipient"]!, (string)contact.Data["recipient"]!));
        Assert.Equal("logistics", (string)contact.Data["department"]!);
        Assert.NotEqual(owner.EventId, contact.EventId);
        Assert.All(escalations, d => WebhookVerification.Verify(StandardWebhookFixture.Current, d.Headers, d.Body));
        var queued = (await client.TimelineAsync(id)).Where(e => (string)e!["kind"]! == "notification.queued" && (string)e["data"]!["event"]! == "escalated");
        Assert.Equal(["escalation", "owner"], queued.Select(e => (string)e!["data"]!["role"]!).Order());
    }

    [Fact]
    public async Task During_a_rotation_both_secrets_sign_and_after_it_only_the_new_one()
    {
        var old = StandardWebhookFixture.NewSecret();
        var rotated = StandardWebhookFixture.NewSecret();
        await PublishWebhookAsync("marketing", new JsonObject { ["url"] = Receiver.Url, ["secret"] = old });

        // The admin rotates as the rules API shows the webhook: the current secret as its
        // fingerprint, moved to previousSecrets, and the new secret typed in.
        var until = fixture.Clock.GetUtcNow().AddSeconds(3);
        var draft = await ActiveDraftAsync();
        var webhook = Department(draft, "marketing")["webhook"]!.AsObject();
        var fingerprint = (string)webhook["secret"]!;
        Assert.StartsWith("sha256:", fingerprint);
        webhook["secret"] = rotated;
        webhook["previousSecrets"] = new JsonArray(new JsonObject { ["secret"] = fingerprint, ["until"] = until.ToString("O") });
        var version = await client.DraftAsync(draft);
        await client.PublishAsync(version);

        var id = (string)(await client.SubmitAsync(Reports.Valid("marketing"))).Item("marketing")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);

        var during = Assert.Single(DeliveriesFor(id));
        var signatures = WebhookVerification.Signatures(during.Signature);
        Assert.Equal(2, signatures.Length);
        // Each signature verifies with its own key, and only with it (each checked alone: the
        // library never checks the last of several).
        WebhookVerification.Verify(rotated, during.Headers, during.Body, signatures[0]);
        WebhookVerification.Verify(old, during.Headers, during.Body, signatures[1]);
        Assert.Throws<WebhookVerificationException>(() => WebhookVerification.Verify(old, during.Headers, during.Body, signatures[0]));
        Assert.Throws<WebhookVerificationException>(() => WebhookVerification.Verify(rotated, during.Headers, during.Body, signatures[1]));

        // Past `until` the old secret signs no more (the reminder that follows is attempted after it).
        while (fixture.Clock.GetUtcNow() <= until || DeliveriesFor(id).Count < 2)
            await fixture.AdvanceAsync(TimeSpan.FromSeconds(5));
        var after = DeliveriesFor(id).Last();
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(long.Parse(after.Timestamp)) > until);
        Assert.Single(WebhookVerification.Signatures(after.Signature));
        WebhookVerification.Verify(rotated, after.Headers, after.Body);
        Assert.Throws<WebhookVerificationException>(() => WebhookVerification.Verify(old, after.Headers, after.Body));

        // Neither secret shows anywhere but in the store.
        var seen = new[]
        {
            await client.GetStringAsync("/api/rules"),
            await client.GetStringAsync($"/api/rules/versions/{version}"),
            await client.GetStringAsync("/api/history/export?format=ndjson"),
            fixture.App.Logs.All,
        };
        foreach (var secret in new[] { old, rotated })
            Assert.All(seen, text => Assert.DoesNotContain(secret[6..], text));
    }

    [Fact]
    public async Task An_event_goes_where_the_webhook_pointed_when_it_happened()
    {
        var before = StandardWebhookFixture.NewSecret();
        await PublishWebhookAsync("strategy", new JsonObject { ["url"] = Receiver.Url, ["secret"] = before });
        var id = (string)(await client.SubmitAsync(Reports.Valid("pricing"))).Item("strategy")["id"]!;

        // Changed between the event and its delivery: the event still goes to the old target, signed with the old secret.
        var since = StandardWebhookFixture.NewSecret();
        await PublishWebhookAsync("strategy", new JsonObject { ["url"] = fixture.Other.Url, ["secret"] = since });
        await fixture.AdvanceAsync(TimeSpan.Zero);

        var routed = Assert.Single(DeliveriesFor(id));
        Assert.Equal("routed", routed.Event);
        WebhookVerification.Verify(before, routed.Headers, routed.Body);
        Assert.DoesNotContain(fixture.Other.Deliveries, d => d.WorkItemId == id);

        // An event that happens after the change goes to the new target.
        for (var i = 0; i < 12 && !fixture.Other.Deliveries.Any(d => d.WorkItemId == id); i++)
            await fixture.AdvanceAsync(TimeSpan.FromSeconds(5));
        var reminder = Assert.Single(fixture.Other.Deliveries, d => d.WorkItemId == id);
        Assert.Equal("reminder", reminder.Event);
        WebhookVerification.Verify(since, reminder.Headers, reminder.Body);
        Assert.Single(DeliveriesFor(id));
    }

    [Fact]
    public async Task The_api_document_describes_each_webhook_as_it_is_sent()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);
        var delivery = Assert.Single(DeliveriesFor(id));

        var document = await client.GetJsonAsync("/openapi/v1.json");

        var webhooks = document["webhooks"]!.AsObject();
        Assert.Equal(["work_item.escalated", "work_item.inconclusive", "work_item.reminder", "work_item.reopened",
            "work_item.reprioritized", "work_item.routed", "work_item.verified"], webhooks.Select(w => w.Key).Order());
        var routed = webhooks["work_item.routed"]!["post"]!;
        Assert.Equal("workItemRouted", (string)routed["operationId"]!);
        var required = routed["parameters"]!.AsArray().Where(p => (bool?)p!["required"] == true).Select(p => (string)p!["name"]!);
        Assert.Equal(["webhook-id", "webhook-signature", "webhook-timestamp"], required.Order());
        Assert.All(required, name => Assert.True(delivery.Headers.ContainsKey(name)));

        JsonObject Schema(JsonNode reference) =>
            document["components"]!["schemas"]![((string)reference["$ref"]!).Split('/')[^1]]!.AsObject();
        void Matches(JsonObject schema, JsonObject sent)
        {
            var declared = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
            Assert.All(sent.Select(p => p.Key), field => Assert.Contains(field, declared));
            Assert.All(schema["required"]!.AsArray().Select(r => (string)r!), field => Assert.Contains(field, sent.Select(p => p.Key)));
        }
        var payload = Schema(routed["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Matches(payload, delivery.Payload.AsObject());
        var data = Schema(payload["properties"]!["data"]!);
        Matches(data, delivery.Data.AsObject());
        Matches(Schema(data["properties"]!["links"]!), delivery.Data["links"]!.AsObject());
        Assert.Contains((string)delivery.Payload["type"]!, payload["properties"]!["type"]!["enum"]!.AsArray().Select(t => (string)t!));
        // Where clients reach the API is the configured public address, not the request's (a proxy's inside).
        Assert.Equal("https://routing.example.com", (string)document["servers"]![0]!["url"]!);
    }

    [Theory]
    [InlineData("whsec_c2hvcnQ=", "webhook.secret holds 5 bytes")]
    [InlineData("whsec_not base64 at all!", "webhook.secret starts with whsec_ but what follows is not base64")]
    [InlineData("too-short", "webhook.secret must be whsec_ followed by the base64 of 24 to 64 random bytes")]
    public async Task A_secret_that_cannot_sign_is_refused_with_the_reason(string secret, string reason)
    {
        var draft = await ActiveDraftAsync();
        Department(draft, "sales")["webhook"] = new JsonObject { ["url"] = Receiver.Url, ["secret"] = secret };

        var response = await client.PostAsync("/api/rules/versions", System.Net.Http.Json.JsonContent.Create(draft));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body);
        Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task A_previous_secret_without_its_end_is_refused()
    {
        var draft = await ActiveDraftAsync();
        Department(draft, "sales")["webhook"] = new JsonObject
        {
            ["url"] = Receiver.Url, ["secret"] = StandardWebhookFixture.NewSecret(),
            ["previousSecrets"] = new JsonArray(new JsonObject { ["secret"] = StandardWebhookFixture.NewSecret() }),
        };

        var response = await client.PostAsync("/api/rules/versions", System.Net.Http.Json.JsonContent.Create(draft));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("webhook.previousSecrets[0].until is required", await response.Content.ReadAsStringAsync());
    }

    async Task<JsonObject> ActiveDraftAsync()
    {
        var active = await client.GetJsonAsync("/api/rules");
        return new JsonObject
        {
            ["workflows"] = active["workflows"]!.DeepClone(),
            ["departments"] = active["departments"]!.DeepClone(),
        };
    }

    static JsonObject Department(JsonObject draft, string id) =>
        draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();

    async Task PublishWebhookAsync(string department, JsonObject webhook)
    {
        var draft = await ActiveDraftAsync();
        Department(draft, department)["webhook"] = webhook;
        await client.PublishAsync(await client.DraftAsync(draft));
    }
}

public sealed class StandardWebhooksOnSqlite(SqliteStandardWebhookFixture fixture)
    : StandardWebhookTests(fixture), IClassFixture<SqliteStandardWebhookFixture>;

public sealed class StandardWebhooksOnPostgres(PostgresStandardWebhookFixture fixture)
    : StandardWebhookTests(fixture), IClassFixture<PostgresStandardWebhookFixture>;
