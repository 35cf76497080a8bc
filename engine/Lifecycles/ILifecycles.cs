namespace Routing.Engine.Lifecycles;

/// The lifecycles of each ruleset version. An item follows the lifecycle of the version that
/// opened it to the end, whatever is published meanwhile.
public interface ILifecycles
{
    /// The lifecycle `id` of ruleset `version`; it throws when there is none (the version's
    /// checks saw to it that every department's lifecycle exists).
    Task<Lifecycle> GetAsync(int version, string id);

    /// The lifecycles of the active version, in the order written.
    IReadOnlyList<Lifecycle> Active { get; }

    /// The active version and the lifecycle its department `department` follows (read together,
    /// so a publish in between cannot mix two versions).
    (int Version, Lifecycle Lifecycle) ActiveFor(string department);
}
