namespace Routing.Engine.Access;

/// The key the current request (scope) acts with, set by authentication. The journal reads it
/// to record the key's id beside its name, so no service has to pass the id along.
internal sealed class ActingKey
{
    public Guid? Id { get; private set; }
    public string? Name { get; private set; }

    public void Is(ApiKey key) => (Id, Name) = (key.Id, key.Name);

    /// The key's id for an event written in its name; null for anyone else (a timer, "system:…", "anonymous").
    public Guid? IdOf(string actor) => Name is not null && actor == Name ? Id : null;
}
