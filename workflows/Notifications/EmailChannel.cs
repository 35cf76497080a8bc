using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Microsoft.Extensions.Options;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// Sends a notification's e-mail (a row whose Channel is "email") through the configured SMTP
/// server, one connection per send: sends are few, and a connection held open would go stale
/// between them. Never chosen for a department by Serves: only by the row.
internal sealed class EmailChannel(IOptions<EmailOptions> options, IOptions<PublicUrlOptions> links) : INotificationChannel
{
    public string Name => NotificationOutbox.EmailChannel;
    public int Order => 1;

    public bool Serves(Department department) => false;

    public async Task SendAsync(Department department, Notification n, CancellationToken ct)
    {
        var o = options.Value;
        // Queued while e-mail was on, sent after it was turned off: nothing to send through.
        if (!o.Enabled || n.To is null) throw new DeliveryFailure("e-mail is not configured");
        using var smtp = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        // The whole send, not each step, within the timeout: a delivery's claim on the row (its lease) must outlast it.
        using var send = CancellationTokenSource.CreateLinkedTokenSource(ct);
        send.CancelAfter(o.Timeout);
        try
        {
            // Within the try: an address or payload it cannot render is a failed attempt, not a row stuck in Sending.
            var message = EmailMessage.For(n, department, o.From!, links.Value.Link("/console/inbox"));
            await smtp.ConnectAsync(o.Host!, o.Port, Security(o), send.Token);
            if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", send.Token);
            await smtp.SendAsync(message, send.Token);
            await smtp.DisconnectAsync(quit: true, send.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw new DeliveryFailure(Classify(e), e);
        }
    }

    /// Auto with a user name requires TLS (on connect on port 465, else STARTTLS): MailKit's Auto
    /// goes on in the clear when the server offers no STARTTLS, and an attacker who strips the
    /// offer would read the password.
    internal static SecureSocketOptions Security(EmailOptions o) => o.Security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when o.Port == 465 => SecureSocketOptions.SslOnConnect,
        _ when !string.IsNullOrEmpty(o.UserName) => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.Auto,
    };

    /// A class of failure, never the server's text (it may quote the address).
    internal static string Classify(Exception e) => e switch
    {
        ParseException => "address not accepted",
        SmtpCommandException command => $"SMTP {(int)command.StatusCode}",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "authentication failed",
        SslHandshakeException => "TLS error",
        // MailKit throws the same type for both; only its message tells them apart.
        NotSupportedException when e.Message.Contains("authentication", StringComparison.OrdinalIgnoreCase) => "authentication not offered by the server",
        NotSupportedException when e.Message.Contains("STARTTLS", StringComparison.Ordinal) => "TLS not offered by the server",
        NotSupportedException => "not supported by the server",
        TimeoutException or OperationCanceledException => "timeout",
        SocketException => DeliveryError.Classify(e),
        IOException { InnerException: SocketException } => DeliveryError.Classify(e),
        IOException or ServiceNotConnectedException => "connection failed",
        _ when e.InnerException is SocketException => DeliveryError.Classify(e),
        _ => "send failed",
    };
}
