using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// POSTs the event as JSON to the department's webhook, signed so the receiver can trust it:
/// `X-Routing-Signature: sha256=<hex HMAC-SHA256 of the body with the webhook's secret>`.
internal sealed class WebhookChannel(IHttpClientFactory http) : INotificationChannel
{
    public const string HttpClientName = "webhooks";
    public const string SignatureHeader = "X-Routing-Signature";
    public const string EventIdHeader = "X-Routing-Event-Id";
    public const string EventHeader = "X-Routing-Event";

    public string Name => "webhook";
    public int Order => 0;

    public bool Serves(Department department) => department.Webhook is not null;

    public async Task SendAsync(Department department, Notification n, CancellationToken ct)
    {
        var webhook = department.Webhook!;
        var body = Encoding.UTF8.GetBytes(n.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, body));
        request.Headers.Add(EventIdHeader, n.Id.ToString());
        request.Headers.Add(EventHeader, n.Event);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
