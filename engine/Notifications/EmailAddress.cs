using System.Net.Mail;
using MimeKit;

namespace Routing.Engine.Notifications;

/// An e-mail address as Routing takes one (a key's, a department contact that subscribes to e-mail).
internal static class EmailAddress
{
    /// RFC 5321's limit on a forward path.
    public const int MaxLength = 254;

    /// A bare address (`head@example.com`, no display name), at most MaxLength characters, that
    /// both .NET and MimeKit (which sends to it) take: MimeKit refuses some that .NET accepts (`a.@example.com`).
    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address
        && !address.Any(char.IsControl) && MimeKitTakes(address);

    /// The sender (EmailOptions.From): an address, or a name and an address, as MimeKit parses it.
    public static bool IsValidSender(string? from) =>
        !string.IsNullOrWhiteSpace(from) && MailAddress.TryCreate(from, out _) && MailboxAddress.TryParse(from, out _);

    static bool MimeKitTakes(string address)
    {
        try
        {
            // As EmailMessage addresses its recipient.
            _ = new MailboxAddress("", address);
            return true;
        }
        catch (ParseException)
        {
            return false;
        }
    }
}
