using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Infrastructure;

/// A department's webhook endpoint on loopback: records every delivery and can be told to fail.
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";
    /// Where it listens; test hosts allow webhooks to it (Routing:Webhooks:AllowedHosts).
    public const string Host = "127.0.0.1";

    /// One request as received: its headers (names lower-cased), the body as sent, whether its
    /// `webhook-signature` carries a valid signature for the stamped time with one of the
    /// receiver's secrets (time-independent: WebhookVerification checks the time too), and the
    /// status answered.
    public sealed record Delivery(string EventId, string Event, bool SignatureValid, string Body, IReadOnlyDictionary<string, string> Headers, int Status)
    {
        public JsonNode Payload => JsonNode.Parse(Body)!;
        public JsonNode Data => Payload["data"]!;
        public string WorkItemId => (string)Data["workItemId"]!;
        public string Timestamp => Headers[WebhookChannel.TimestampHeader];
        public string Signature => Headers[WebhookChannel.SignatureHeader];
        /// The deprecated X-Routing-Signature (HMAC of the body alone) checks out with the receiver's first secret.
        public bool LegacySignatureValid { get; init; }
    }

    /// The secrets this receiver knows (plain, as configured before Standard Webhooks, or `whsec_`).
    public List<string> Secrets { get; } = [Secret];

    readonly WebApplication app;
    /// The deliveries answered 2xx.
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();
    /// Every request, failed ones included.
    public ConcurrentQueue<Delivery> Attempts { get; } = new();
    readonly ConcurrentDictionary<string, int> failures = new();

    int redirectedHits;

    /// A URL that answers 307 to another endpoint of this receiver, which counts its hits.
    public string RedirectingUrl => Url.Replace("/hook", "/moved");
    public int RedirectedHits => redirectedHits;

    /// Answer 503 to the next `times` deliveries about this work item.
    public void Fail(string workItemId, int times) => failures[workItemId] = times;

    WebhookReceiver(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{Host}:0");
        var receiver = new WebhookReceiver(builder.Build());
        // Also under /hook/anything: a URL with its credential in the path, as Slack's and Teams' are.
        receiver.app.MapPost("/hook/{**credential}", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            var data = JsonNode.Parse(body)!["data"]!;
            var workItemId = (string)data["workItemId"]!;
            var failing = receiver.failures.TryGetValue(workItemId, out var left) && left > 0;
            if (failing) receiver.failures[workItemId] = left - 1;
            var delivery = new Delivery(headers.GetValueOrDefault(WebhookChannel.IdHeader, ""), (string)data["event"]!,
                receiver.Secrets.Any(secret => WebhookVerification.Signed(secret, headers, body)), body, headers, failing ? 503 : 200)
            {
                LegacySignatureValid = headers.GetValueOrDefault(WebhookChannel.LegacySignatureHeader.ToLowerInvariant())
                    == WebhookSignature.Legacy(receiver.Secrets[0], buffer.ToArray()),
            };
            receiver.Attempts.Enqueue(delivery);
            if (failing) return Results.StatusCode(503);
            receiver.Deliveries.Enqueue(delivery);
            return Results.Ok();
        });
        receiver.app.MapPost("/moved", () => Results.Redirect("/elsewhere", permanent: false, preserveMethod: true));
        receiver.app.MapPost("/elsewhere", () =>
        {
            Interlocked.Increment(ref receiver.redirectedHits);
            return Results.Ok();
        });
        await receiver.app.StartAsync();
        var address = receiver.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = $"{address}/hook";
        return receiver;
    }

    /// A copy of the shipped rules whose `department` has its webhook pointed here.
    public string RulesFolderFor(string department, string? url = null)
    {
        var folder = Directory.CreateTempSubdirectory("routing-rules-").FullName;
        File.Copy(Path.Combine(TestRules.Standard, "routing.json"), Path.Combine(folder, "routing.json"));
        File.Copy(Path.Combine(TestRules.Standard, "lifecycles.json"), Path.Combine(folder, "lifecycles.json"));
        File.WriteAllText(Path.Combine(folder, "departments.json"), DepartmentsWithWebhook(department, url));
        return folder;
    }

    /// The shipped departments.json with `department`'s webhook pointed here.
    public string DepartmentsWithWebhook(string department, string? url = null) =>
        TestRules.PartJson(Path.Combine(TestRules.Standard, "departments.json")).Replace(
            $"{{ \"id\": \"{department}\",",
            $"{{ \"webhook\": {{ \"url\": \"{url ?? Url}\", \"secret\": \"{Secret}\" }}, \"id\": \"{department}\",");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
