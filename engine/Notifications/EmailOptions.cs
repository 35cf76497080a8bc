namespace Routing.Engine.Notifications;

/// The SMTP server e-mail notifications go through; e-mail is off until Host is set:
/// <code>
/// "Routing": { "Email": { "Host": "smtp.example.com", "Port": 587, "Security": "StartTls",
///   "UserName": "routing", "Password": "…", "From": "Routing &lt;routing@example.com&gt;",
///   "DailyDigestCron": "0 7 * * *", "DigestTimeZone": "Europe/Berlin" } }
/// </code>
/// or, in the environment, `Routing__Email__Host=smtp.example.com` and so on (the password best so).
public sealed class EmailOptions
{
    public const string Section = "Routing:Email";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    /// Auto: TLS on connect on port 465, else STARTTLS: required with a UserName (the password
    /// never goes in the clear), when the server offers it without one.
    public EmailSecurity Security { get; set; } = EmailSecurity.Auto;
    /// Authenticates when set.
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// The sender: an address, or a name and an address (`Routing <routing@example.com>`).
    public string? From { get; set; }
    /// For a whole send (connect, authenticate, send); at most 20 s, within the 30 s a delivery holds its claim on a notification.
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// When daily digests go out (cron, in DigestTimeZone); hourly ones go at the top of each hour.
    public string DailyDigestCron { get; set; } = "0 7 * * *";
    /// An IANA or Windows time-zone id.
    public string DigestTimeZone { get; set; } = "UTC";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// What is wrong with the settings, or null.
    public string? Problem()
    {
        if (!Enabled) return null;
        if (Port is <= 0 or > 65535) return $"{Section}:Port must be 1 to 65535, not {Port}.";
        if (!Enum.IsDefined(Security)) return $"{Section}:Security must be None, StartTls, SslOnConnect or Auto.";
        if (!EmailAddress.IsValidSender(From))
            return $"{Section}:From must be an e-mail address when {Section}:Host is set.";
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(20)) return $"{Section}:Timeout must be longer than zero and at most 20 s, not {Timeout}.";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DigestTimeZone, out _)) return $"{Section}:DigestTimeZone ({DigestTimeZone}) is not a known time zone.";
        return null;
    }
}
