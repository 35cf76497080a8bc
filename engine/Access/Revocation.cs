namespace Routing.Engine.Access;

/// What came of revoking a key, in the words the API, the console and the CLI all give.
internal abstract record Revocation(string Message)
{
    public sealed record Revoked(string Name)
        : Revocation($"{Name}'s key is revoked: it stops working at once, on every host.");

    public sealed record NoSuchLiveKey() : Revocation("No such live key.");

    /// Without a live admin key nobody could hand out keys or change the rules (every call a 401).
    public sealed record LastAdminKey(string Name)
        : Revocation($"{Name}'s key is the last live admin key, so it stays: create another admin key first.");
}
