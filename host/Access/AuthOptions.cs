namespace Routing.Host.Access;

/// <code>
/// "Routing": { "Auth": { "BootstrapAdminKey": "...at least 32 characters..." } }
/// </code>
public sealed class AuthOptions
{
    public const string Section = "Routing:Auth";
    public const int MinBootstrapKeyLength = 32;

    /// Creates an admin key with this value at start-up (for automation), unless a key had it:
    /// a revoked one stays revoked (set a new value for a new key).
    public string? BootstrapAdminKey { get; set; }
    /// Where the embedded default writes a generated admin key on its first start without one.
    public string AdminKeyFile { get; set; } = "./data/admin.key";
}
