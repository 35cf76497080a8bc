using System.Collections.Concurrent;
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

    public sealed record Delivery(string EventId, string Event, bool SignatureValid, string Body);

    readonly WebApplication app;
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();
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
        receiver.app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var workItemId = (string)System.Text.Json.Nodes.JsonNode.Parse(body)!["workItemId"]!;
            if (receiver.failures.TryGetValue(workItemId, out var left) && left > 0)
            {
                receiver.failures[workItemId] = left - 1;
                return Results.StatusCode(503);
            }
            var valid = request.Headers[WebhookChannel.SignatureHeader] == WebhookChannel.Sign(Secret, body);
            receiver.Deliveries.Enqueue(new(request.Headers[WebhookChannel.EventIdHeader]!, request.Headers[WebhookChannel.EventHeader]!,
                valid, System.Text.Encoding.UTF8.GetString(body)));
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
        File.ReadAllText(Path.Combine(TestRules.Standard, "departments.json")).Replace(
            $"{{ \"id\": \"{department}\",",
            $"{{ \"webhook\": {{ \"url\": \"{url ?? Url}\", \"secret\": \"{Secret}\" }}, \"id\": \"{department}\",");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
