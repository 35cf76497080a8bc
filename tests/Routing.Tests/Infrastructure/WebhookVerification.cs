using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Routing.Workflows.Notifications;
using StandardWebhooks;

namespace Routing.Tests.Infrastructure;

/// Verifying deliveries as a receiver does, with a Standard Webhooks library (Codefactors'
/// `StandardWebhooks` NuGet package). Two of its habits shape how: it checks the timestamp
/// against the real clock (5 minutes either way), so deliveries verified with it are stamped
/// near real time; and with several signatures in one header it never checks the last, so
/// during a rotation each signature is verified on its own (a .NET receiver's workaround too).
public static class WebhookVerification
{
    /// The library's webhook for a secret: `whsec_` and base64, or plain text (its UTF-8 bytes, raw).
    public static StandardWebhook For(string secret) =>
        secret.StartsWith("whsec_", StringComparison.Ordinal) ? new(secret) : new(Encoding.UTF8.GetBytes(secret));

    /// Verifies the delivery now, as a receiver would (throws WebhookVerificationException), with
    /// the header's signatures or the one given.
    public static void Verify(string secret, IReadOnlyDictionary<string, string> headers, string body, string? signature = null) =>
        For(secret).Verify(body, new HeaderDictionary
        {
            [WebhookChannel.IdHeader] = headers[WebhookChannel.IdHeader],
            [WebhookChannel.TimestampHeader] = headers[WebhookChannel.TimestampHeader],
            [WebhookChannel.SignatureHeader] = signature ?? headers[WebhookChannel.SignatureHeader],
        });

    /// The header's signatures, each to be verified alone.
    public static string[] Signatures(string header) => header.Split(' ');

    /// Whether one of the header's signatures is the library's for the stamped id, time and body,
    /// whenever that was (the clock check aside).
    public static bool Signed(string secret, IReadOnlyDictionary<string, string> headers, string body) =>
        headers.TryGetValue(WebhookChannel.IdHeader, out var id)
        && headers.TryGetValue(WebhookChannel.TimestampHeader, out var stamp)
        && long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && headers.TryGetValue(WebhookChannel.SignatureHeader, out var header)
        && Signatures(header).Contains(For(secret).Sign(id, DateTimeOffset.FromUnixTimeSeconds(seconds), body));
}
