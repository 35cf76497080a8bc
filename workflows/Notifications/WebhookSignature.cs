using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// Standard Webhooks' symmetric signature: `v1,` and the base64 HMAC-SHA256 of
/// `{webhook-id}.{webhook-timestamp}.{body}`. Signing the id and the attempt's time with the body
/// lets a receiver refuse a captured delivery sent again later (its libraries allow 5 minutes).
/// During a rotation each secret still in use signs: the signatures go space-separated, the
/// current secret's first.
internal static class WebhookSignature
{
    /// The `webhook-signature` header for a delivery attempted at `at`.
    public static string Header(Webhook webhook, string id, DateTimeOffset at, byte[] body) =>
        string.Join(' ', SigningSecrets(webhook, at).Select(secret => Sign(WebhookSecret.Key(secret), id, at.ToUnixTimeSeconds(), body)));

    /// The current secret, then each previous one whose time has not passed.
    public static IEnumerable<string> SigningSecrets(Webhook webhook, DateTimeOffset at) =>
        [webhook.Secret, .. (webhook.PreviousSecrets ?? []).Where(p => p.Until > at).Select(p => p.Secret)];

    public static string Sign(byte[] key, string id, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    /// The signature Routing sent before Standard Webhooks (`X-Routing-Signature`): the hex HMAC-SHA256
    /// of the body alone with the secret's UTF-8 bytes. Deprecated: it signs neither id nor time.
    public static string Legacy(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
