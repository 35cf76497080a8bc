using Routing.Engine.Lifecycles;

namespace Routing.Rules.Rulesets;

/// The lifecycles of each ruleset version, from the compiled versions (the active one, or the
/// one an older item was opened under, compiled once and kept).
internal sealed class LifecycleCatalog(ActiveRuleset active, RulesetCache cache) : ILifecycles
{
    public IReadOnlyList<Lifecycle> Active => active.Current.Lifecycles;

    public (int Version, Lifecycle Lifecycle) ActiveFor(string department)
    {
        var ruleset = active.Current;
        var id = ruleset.Departments.First(d => d.Id == department).LifecycleId;
        return (ruleset.Version, ruleset.Lifecycles.First(l => l.Id == id));
    }

    public async Task<Lifecycle> GetAsync(int version, string id)
    {
        var ruleset = active.Current.Version == version ? active.Current
            : await cache.GetAsync(version) ?? throw new InvalidOperationException($"Ruleset v{version} is missing.");
        return ruleset.Lifecycles.FirstOrDefault(l => l.Id == id)
            ?? throw new InvalidOperationException($"Ruleset v{version} has no lifecycle '{id}'.");
    }
}
