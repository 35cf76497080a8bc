namespace Routing.Host.Access;

/// Where the console's form tokens (antiforgery, protected by ASP.NET Core Data Protection) find
/// their keys. Every host behind one balancer must share them: a form one host drew is posted to
/// another, which refuses (400) a token it cannot read. Unset: ASP.NET Core's per-machine default
/// (~/.aspnet/DataProtection-Keys; in a container, memory: lost at every restart).
/// <code>
/// "Routing": { "DataProtection": { "KeysFolder": "/srv/routing-keys" } }
/// </code>
public sealed class KeyRingOptions
{
    public const string Section = "Routing:DataProtection";

    /// A folder every host reads and writes (a shared volume), created owner-only when missing.
    public string? KeysFolder { get; set; }
}
