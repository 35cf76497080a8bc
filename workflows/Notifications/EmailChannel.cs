using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
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
        var message = EmailMessage.For(n, department, o.From!, links.Value.Link("/console/inbox"));
        using var smtp = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            await smtp.ConnectAsync(o.Host!, o.Port, Security(o.Security), ct);
            if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            await smtp.SendAsync(message, ct);
            await smtp.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            throw new DeliveryFailure(Classify(e), e);
        }
    }

    static SecureSocketOptions Security(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.StartTls => SecureSocketOptions.StartTls,
        EmailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// A class of failure, never the server's text (it may quote the address).
    internal static string Classify(Exception e) => e switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode}",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "authentication failed",
        SslHandshakeException => "TLS error",
        NotSupportedException => "TLS not offered by the server",
        SocketException or TimeoutException or OperationCanceledException => DeliveryError.Classify(e),
        IOException { InnerException: SocketException } => DeliveryError.Classify(e),
        IOException or ServiceNotConnectedException => "connection failed",
        _ when e.InnerException is SocketException => DeliveryError.Classify(e),
        _ => "send failed",
    };
}
