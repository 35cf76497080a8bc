namespace Routing.Engine.Metrics;

/// A CSM's account (Csm null: the team's): reports submitted, how many items each department got from them,
/// how many reports were fixed (every item verified) and verified effective, and the time from submission to fix.
internal sealed record CsmFigures(string? Csm, int Submitted, IReadOnlyDictionary<string, int> Departments, int Fixed, int VerifiedEffective, Spread ToFix);
