using System.Text;

namespace Routing.Engine.Notifications;

/// A webhook secret's forms and the signing key each stands for. Standard Webhooks' form is
/// `whsec_` and the base64 of 24 to 64 random bytes, whose key is those bytes. A plain text of
/// at least 16 characters, the only form before Standard Webhooks, keeps working so configured
/// receivers are not cut off: its key is its UTF-8 bytes (a receiver hands them to its library
/// as raw bytes).
internal static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int MinBytes = 24, MaxBytes = 64, MinPlainLength = 16;

    static readonly string Form = $"whsec_ followed by the base64 of {MinBytes} to {MaxBytes} random bytes (e.g. whsec_ and the output of `openssl rand -base64 32`)";

    /// The HMAC key: the bytes of a `whsec_` secret, the UTF-8 of a plain one.
    public static byte[] Key(string secret) => secret.StartsWith(Prefix, StringComparison.Ordinal)
        ? Convert.FromBase64String(secret[Prefix.Length..])
        : Encoding.UTF8.GetBytes(secret);

    /// Why a secret cannot sign, naming the field (never the secret), or null when it can.
    public static string? Refuses(string? secret, string field)
    {
        if (string.IsNullOrEmpty(secret)) return $"{field} is required: {Form}.";
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
            return secret.Length >= MinPlainLength ? null
                : $"{field} must be {Form}; a plain text secret, as before Standard Webhooks, must have at least {MinPlainLength} characters.";
        var key = new byte[secret.Length];
        if (!Convert.TryFromBase64String(secret[Prefix.Length..], key, out var bytes))
            return $"{field} starts with {Prefix} but what follows is not base64: it must be {Form}.";
        return bytes is < MinBytes or > MaxBytes ? $"{field} holds {bytes} bytes: it must be {Form}." : null;
    }
}
