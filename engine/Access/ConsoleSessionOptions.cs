namespace Routing.Engine.Access;

/// How long a console sign-in lasts.
/// <code>
/// "Routing": { "Auth": { "Sessions": { "IdleTimeout": "08:00:00", "Lifetime": "12:00:00" } } }
/// </code>
public sealed class ConsoleSessionOptions
{
    public const string Section = "Routing:Auth:Sessions";

    /// A session not used for this long has ended.
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);
    /// A session ends this long after sign-in, however busy.
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(12);

    /// How stale "last seen" may get before a request writes it.
    internal static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);
}
