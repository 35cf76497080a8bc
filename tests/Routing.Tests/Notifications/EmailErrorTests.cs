using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Notifications;

/// A failed e-mail is recorded as a class of failure, never with the server's text (which may
/// quote the address); the SMTP codes themselves come from the real server in EmailTests.
public sealed class EmailErrorTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "5.1.1 <x@example.test> unknown"), "SMTP 550" },
        { new SmtpProtocolException("The SMTP server has unexpectedly disconnected."), "SMTP protocol error" },
        { new AuthenticationException("535 5.7.8 bad credentials for routing@example.test"), "authentication failed" },
        { new SslHandshakeException("An error occurred while attempting to establish an SSL or TLS connection."), "TLS error" },
        { new NotSupportedException("The SMTP server does not support the STARTTLS extension."), "TLS not offered by the server" },
        { new NotSupportedException("The SMTP server does not support authentication."), "authentication not offered by the server" },
        { new MimeKit.ParseException("Invalid addr-spec token at offset 0", 0, 0), "address not accepted" },
        { new SocketException((int)SocketError.ConnectionRefused), "connection refused" },
        { new OperationCanceledException(), "timeout" },
        { new TimeoutException(), "timeout" },
        { new IOException("Unable to read data from the transport connection."), "connection failed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_recorded_as_its_class(Exception failure, string expected) =>
        Assert.Equal(expected, EmailChannel.Classify(failure));
}
