using System.Text.Json;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;
using Routing.Tests.Infrastructure;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Notifications;

/// A password never goes to the SMTP server in the clear: Auto with a user name requires TLS, so a
/// server (or an attacker in between) that offers no STARTTLS gets a failed attempt, not the password.
public sealed class EmailSecurityTests
{
    [Theory]
    [InlineData(EmailSecurity.Auto, 25, null, SecureSocketOptions.Auto)] // nothing to protect: STARTTLS when offered
    [InlineData(EmailSecurity.Auto, 587, "routing", SecureSocketOptions.StartTls)]
    [InlineData(EmailSecurity.Auto, 25, "routing", SecureSocketOptions.StartTls)]
    [InlineData(EmailSecurity.Auto, 465, "routing", SecureSocketOptions.SslOnConnect)]
    [InlineData(EmailSecurity.Auto, 465, null, SecureSocketOptions.SslOnConnect)]
    [InlineData(EmailSecurity.None, 25, "routing", SecureSocketOptions.None)] // said so explicitly
    [InlineData(EmailSecurity.StartTls, 587, null, SecureSocketOptions.StartTls)]
    [InlineData(EmailSecurity.SslOnConnect, 2465, null, SecureSocketOptions.SslOnConnect)]
    public void Auto_with_a_user_name_requires_tls(EmailSecurity security, int port, string? user, SecureSocketOptions expected) =>
        Assert.Equal(expected, EmailChannel.Security(new EmailOptions { Security = security, Port = port, UserName = user }));

    /// The test server offers neither STARTTLS nor AUTH (aiosmtpd without TLS).
    [Theory]
    [InlineData(EmailSecurity.Auto, "TLS not offered by the server")]
    [InlineData(EmailSecurity.None, "authentication not offered by the server")]
    public async Task A_send_with_a_user_name_to_a_server_without_tls_or_auth_fails_as_its_class(EmailSecurity security, string expected)
    {
        var address = TestMailbox.NewAddress("secret");
        var options = new EmailOptions
        {
            Host = TestMailbox.Host, Port = TestMailbox.Port, Security = security, UserName = "routing", Password = "s3cret",
            From = "Routing <routing@example.test>",
        };
        var channel = new EmailChannel(Options.Create(options), Options.Create(new PublicUrlOptions()));
        var empty = new DigestSection(0, []);
        var now = RoutingFixture.Start;
        var n = new Notification
        {
            Id = Guid.NewGuid(), Event = NotificationEvents.Digest, Department = "triage", Channel = NotificationOutbox.EmailChannel, To = address,
            Payload = JsonSerializer.Serialize(new DigestPayload("triage", EmailSubscription.Daily, now.AddDays(-1), now, empty, empty, empty), NotificationOutbox.Json),
        };

        var failure = await Assert.ThrowsAsync<DeliveryFailure>(() => channel.SendAsync(new Department("triage", "Triage", Department.Internal), n, CancellationToken.None));

        Assert.Equal(expected, failure.Message);
        Assert.Empty(TestMailbox.To(address));
    }
}
