using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// What the service does by itself while an item stays in some states (`in`): at one of the
/// item's due times (`at`: `ackDueAt` or `resolveDueAt`) or a while after it entered them
/// (`after`: an ISO 8601 duration, or one of the item's windows: `ackWithin`, `resolveWithin`,
/// `followUpEvery`, `resolutionCheckAfter`), remind the department `remind` times, `every` so
/// often, then take `then`: an action of the lifecycle, or `check` (the resolution check, which
/// verifies or reopens). Leaving the states ends the step; entering them again starts it anew.
public sealed record TimedStep(
    [property: System.ComponentModel.Description("The step's name, unique in the lifecycle; the history says it.")] string Name,
    [property: System.ComponentModel.Description("The states it runs in: leaving them ends it, entering them again starts it anew.")] IReadOnlyList<string> In,
    [property: System.ComponentModel.Description("What it takes when the time comes: an action of the lifecycle, or check (the resolution check, which verifies or reopens).")] string Then,
    [property: System.ComponentModel.Description("At one of the item's due times: ackDueAt or resolveDueAt (or give after).")] string? At = null,
    [property: System.ComponentModel.Description("A while after the item entered the states: an ISO 8601 duration (P3D) or one of its windows: ackWithin, resolveWithin, followUpEvery, resolutionCheckAfter.")] string? After = null,
    [property: System.ComponentModel.Description("How many times to remind the department before taking then.")] int Remind = 0,
    [property: System.ComponentModel.Description("How often to remind (ISO 8601 duration).")] string? Every = null,
    [property: System.ComponentModel.Description("Why it takes its action, as the history says it; what it waited for when not given.")] string? Reason = null)
{
    public const string Check = "check";

    public const string AckDueAt = "ackDueAt";
    public const string ResolveDueAt = "resolveDueAt";
    public static readonly string[] DueTimes = [AckDueAt, ResolveDueAt];

    public static readonly string[] Windows = ["ackWithin", "resolveWithin", "followUpEvery", "resolutionCheckAfter"];

    /// Why the step took its action, for the history: its reason, or what it waited for.
    [JsonIgnore] public string Because => Reason ?? (At, Remind) switch
    {
        (AckDueAt, > 0) => $"not acknowledged after {Remind} reminder{(Remind == 1 ? "" : "s")}",
        (AckDueAt, _) => "not acknowledged by its due time",
        (ResolveDueAt, _) => "not resolved by its due time",
        _ => $"{Name}: still {string.Join(" or ", In)} after {After}",
    };
}
