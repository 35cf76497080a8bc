namespace Routing.Engine.Notifications;

/// How the connection to the SMTP server is secured (Routing:Email:Security).
public enum EmailSecurity
{
    /// TLS on connect on port 465, else STARTTLS when the server offers it.
    Auto,
    /// Plain text: a relay on the same host or network only.
    None,
    /// STARTTLS, required (587).
    StartTls,
    /// TLS from the first byte (465).
    SslOnConnect,
}
