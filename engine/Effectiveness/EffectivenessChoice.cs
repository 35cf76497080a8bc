namespace Routing.Engine.Effectiveness;

/// What a department may set in the resolve step: its own target rate (complaints per unit sold)
/// and observation window in days. Null keeps the default.
public sealed record EffectivenessChoice(double? Target, int? WindowDays);
