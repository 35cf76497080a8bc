using MimeKit;

namespace Routing.Tests.Infrastructure;

/// The test SMTP server that ./test.sh starts (scripts/smtp.sh): where it listens, and the messages
/// it accepted, read back from its folder. The server is shared by every test running at once, so
/// each test sends to addresses of its own (NewAddress) and reads only those.
public static class TestMailbox
{
    static string Setting(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
        : throw new InvalidOperationException(
            $"{name} is not set: the e-mail tests need the test SMTP server. Run ./test.sh, or `source scripts/smtp.sh && smtp_start` first.");

    public static string Host => Setting("ROUTING_TEST_SMTP").Split(':')[0];
    public static int Port => int.Parse(Setting("ROUTING_TEST_SMTP").Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// The settings a host sends through the test server with.
    public static Dictionary<string, string> Settings() => new()
    {
        ["Routing:Email:Host"] = Host,
        ["Routing:Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Routing:Email:Security"] = "None",
        ["Routing:Email:From"] = "Routing <routing@example.test>",
    };

    /// An address nobody else uses; `prefix` "reject" or "tempfail" makes the server refuse it (550, 451).
    public static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.test";

    /// The messages the server accepted for `address` (its envelope recipient), oldest first.
    public static List<MimeMessage> To(string address)
    {
        var folder = Path.Combine(Setting("ROUTING_TEST_MAILDIR"), "new");
        var messages = new List<(DateTime, MimeMessage)>();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.eml"))
        {
            var message = MimeMessage.Load(file.FullName);
            if (message.Headers.Where(h => h.Field == "X-Envelope-To").Any(h => h.Value.Trim().Equals(address, StringComparison.OrdinalIgnoreCase)))
                messages.Add((file.LastWriteTimeUtc, message));
        }
        return [.. messages.OrderBy(m => m.Item1).ThenBy(m => m.Item2.Date).Select(m => m.Item2)];
    }
}
