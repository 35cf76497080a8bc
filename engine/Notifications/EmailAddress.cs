using System.Net.Mail;

namespace Routing.Engine.Notifications;

/// An e-mail address as Routing takes one (a key's, a department contact that subscribes to e-mail).
internal static class EmailAddress
{
    /// RFC 5321's limit on a forward path.
    public const int MaxLength = 254;

    /// A bare address (`head@example.com`, no display name), at most MaxLength characters.
    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
        && !address.Any(char.IsControl);
}
