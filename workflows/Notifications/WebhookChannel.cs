using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// POSTs the event as JSON to the department's webhook, signed per Standard Webhooks so the
/// receiver can trust it with the spec's libraries: `webhook-id` (the event's id, the same on
/// every retry), `webhook-timestamp` (this attempt's time) and `webhook-signature`
/// (WebhookSignature). The X-Routing-* headers are the ones sent before, kept so receivers
/// written for them keep verifying while they move over; deprecated.
internal sealed class WebhookChannel(IHttpClientFactory http, TimeProvider clock) : INotificationChannel
{
    public const string HttpClientName = "webhooks";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string LegacySignatureHeader = "X-Routing-Signature";
    public const string LegacyEventIdHeader = "X-Routing-Event-Id";
    public const string LegacyEventHeader = "X-Routing-Event";

    public string Name => "webhook";
    public int Order => 0;

    public bool Serves(Department department) => department.Webhook is not null;

    public async Task SendAsync(Department department, Notification n, CancellationToken ct)
    {
        var webhook = department.Webhook!;
        var body = Encoding.UTF8.GetBytes(n.Payload);
        var id = n.Id.ToString();
        var at = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(IdHeader, id);
        request.Headers.Add(TimestampHeader, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SignatureHeader, WebhookSignature.Header(webhook, id, at, body));
        request.Headers.Add(LegacySignatureHeader, WebhookSignature.Legacy(webhook.Secret, body));
        request.Headers.Add(LegacyEventIdHeader, id);
        request.Headers.Add(LegacyEventHeader, n.Event);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
