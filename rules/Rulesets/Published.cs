namespace Routing.Rules.Rulesets;

/// What a publish did: the version now active, the one it replaced, whether it went back to an
/// older one, and how many open items' due times it moved (their department's calendar changed).
public sealed record Published(int Version, int Previous, bool Rollback, int DueTimesMoved = 0);
