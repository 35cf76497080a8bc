namespace Routing.Host.Pages.Console;

/// The resolve step's effectiveness inputs (_EffectivenessInputs), ids prefixed by their form's:
/// what was typed and each input's problem, when the action was just refused.
internal sealed record EffectivenessInputs(string Prefix, PostedEffectiveness? Typed, IReadOnlyDictionary<string, string>? Errors)
{
    public string TargetId => $"{Prefix}-target";
    public string WindowId => $"{Prefix}-window";

    public string? TargetError => Errors?.GetValueOrDefault(PostedEffectiveness.TargetKey);
    public string? WindowError => Errors?.GetValueOrDefault(PostedEffectiveness.WindowKey);
    /// A problem of the criterion as a whole (it cannot be set on this item).
    public string? Error => Errors?.GetValueOrDefault(PostedEffectiveness.Key);

    /// From the last action's outcome, when it was this form's action's.
    public static EffectivenessInputs For(string prefix, Acted? acted, string action) =>
        acted is { IsError: true } && acted.Step == action ? new(prefix, acted.Effectiveness, acted.EffectivenessErrors) : new(prefix, null, null);
}
