namespace Routing.Rules.Rulesets;

/// What a publish did: the version now active, the one it replaced, and whether it went back to an older one.
public sealed record Published(int Version, int Previous, bool Rollback);
