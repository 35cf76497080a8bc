using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.Rules;

/// A webhook secret is written once, by an admin, and shown nowhere afterwards: diffs, the
/// history (queried and exported), the rules API and the logs show its fingerprint. Diffs
/// and the history show a webhook URL as its host and fingerprint.
public abstract class SecretTests(WebhookFixture fixture)
{
    const string Added = "marketing-secret-added-0001";
    const string Rotated = "marketing-secret-rotated-0002";
    readonly HttpClient client = fixture.Client;

    static string Fingerprint(string secret) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..8];

    static JsonObject Department(JsonNode ruleset, string id) =>
        ruleset["departments"]!.AsArray().Single(d => (string)d!["id"]! == id)!.AsObject();

    [Fact]
    public async Task Added_rotated_and_rolled_back_secrets_show_only_their_fingerprints_and_webhooks_still_sign()
    {
        // The editor's starting point: the active rules, logistics' secret shown as its fingerprint.
        var active = await client.GetJsonAsync("/api/rules");
        Assert.Equal(Fingerprint(WebhookReceiver.Secret), (string)Department(active, "logistics")["webhook"]!["secret"]!);
        var draft = new JsonObject { ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone() };

        Department(draft, "marketing")["webhook"] = new JsonObject { ["url"] = "https://hooks.example.com/marketing", ["secret"] = Added };
        var adds = await client.DraftAsync(draft);
        Department(draft, "marketing")["webhook"]!["secret"] = Rotated;
        var rotates = await client.DraftAsync(draft);
        await client.PublishAsync(adds);
        await client.PublishAsync(rotates);
        await client.PublishAsync(adds); // a rollback

        var added = await client.GetStringAsync($"/api/rules/versions/{adds}/diff?against=1");
        var rotated = await client.GetStringAsync($"/api/rules/versions/{rotates}/diff?against={adds}");
        Assert.Contains(Fingerprint(Added), added);
        Assert.Contains(Fingerprint(Added), rotated);
        Assert.Contains(Fingerprint(Rotated), rotated);
        var history = string.Join('\n', await Task.WhenAll(
            new[] { HistoryKinds.RulesetDrafted, HistoryKinds.RulesetPublished, HistoryKinds.RulesetRolledBack }
                .Select(kind => client.GetStringAsync($"/api/history?kind={kind}"))));
        Assert.Contains(Fingerprint(Rotated), history);
        Assert.Contains($"https://hooks.example.com/... {Fingerprint("https://hooks.example.com/marketing")}", history);
        Assert.DoesNotContain("hooks.example.com/marketing", history);
        Assert.Contains(HistoryKinds.RulesetRolledBack, history);
        var seen = new[]
        {
            added, rotated, history,
            await client.GetStringAsync("/api/history/export?format=ndjson"),
            await client.GetStringAsync("/api/history/export?format=csv"),
            await client.GetStringAsync("/api/rules"),
            await client.GetStringAsync($"/api/rules/versions/{rotates}"),
            await client.GetStringAsync("/api/departments"),
            fixture.App.Logs.All,
        };
        foreach (var secret in new[] { WebhookReceiver.Secret, Added, Rotated })
            Assert.All(seen, text => Assert.DoesNotContain(secret, text));
        Assert.Equal(Fingerprint(Added), (string)Department(await client.GetJsonAsync("/api/rules"), "marketing")["webhook"]!["secret"]!);

        // Logistics' secret went through the editor as its fingerprint and still signs.
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await fixture.AdvanceAsync(TimeSpan.Zero);
        var delivery = Assert.Single(fixture.Receiver.Deliveries, d => d.WorkItemId == id);
        Assert.True(delivery.SignatureValid);
    }

    [Fact]
    public async Task The_console_editor_shows_the_fingerprint_and_a_draft_saved_from_it_keeps_the_secret()
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var page = await browser.GetStringAsync("/console/rules");
        Assert.DoesNotContain(WebhookReceiver.Secret, page);
        string Editor(string name) => WebUtility.HtmlDecode(
            Regex.Match(page, $"<textarea id=\"[a-z]+\" name=\"{name}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);
        Assert.Contains(Fingerprint(WebhookReceiver.Secret), Editor("Departments"));

        var saved = await browser.PostAsync("/console/rules?handler=Draft&version=1", ConsoleBrowser.Form(page, new Dictionary<string, string>
        {
            ["Workflows"] = Editor("Workflows"),
            ["Departments"] = Editor("Departments").Replace("\"Logistics\"", "\"Logistics and depots\""),
        }));

        var version = int.Parse(Regex.Match(saved.RequestMessage!.RequestUri!.Query, "version=(\\d+)").Groups[1].Value);
        var stored = await fixture.WithStoreAsync(db => db.Rulesets.Where(r => r.Version == version).Select(r => r.DepartmentsJson).SingleAsync());
        Assert.Contains("Logistics and depots", stored);
        Assert.Contains(WebhookReceiver.Secret, stored);
    }

    [Fact]
    public async Task A_fingerprint_of_no_stored_secret_is_422_naming_the_department()
    {
        var draft = Rulesets.ShippedDraft();
        Department(draft, "strategy")["webhook"] = new JsonObject { ["url"] = "https://hooks.example.com/s", ["secret"] = "sha256:00000000" };

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Contains("webhook.secret", errors["departments/strategy"]![0]!.ToString());
    }
}

public sealed class SecretsOnSqlite(SqliteWebhookFixture fixture) : SecretTests(fixture), IClassFixture<SqliteWebhookFixture>;

public sealed class SecretsOnPostgres(PostgresWebhookFixture fixture) : SecretTests(fixture), IClassFixture<PostgresWebhookFixture>;
