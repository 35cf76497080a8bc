using Routing.Engine.Effectiveness;
using Routing.Engine.WorkItems;

namespace Routing.Host.Pages.Console;

/// The item page's Effectiveness section (_Effectiveness): how the fix is judged and how it is
/// doing, and, when an inconclusive check awaits a CSM, their decision's form. `Decided` is what
/// the last decision posted from it left to show (its message, what was typed, each problem).
internal sealed record EffectivenessSection(WorkItem Item, EffectivenessView View, bool MayDecide, EffectivenessSection.Decision? Decided)
{
    /// A decision's outcome as the page shows it; Errors by the API's keys (verdict, note).
    public sealed record Decision(int Status, string Message, bool IsError, string? Verdict, string? Note, IReadOnlyDictionary<string, string> Errors);

    public bool AwaitsDecision => MayDecide && EffectivenessWords.AwaitsDecision(View);

    public string? ErrorOf(string key) => Decided?.Errors.GetValueOrDefault(key);
}
