using System.Text.Json;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Host.History;

namespace Routing.Host.Pages.Console;

/// The fields an item's steps recorded, as its page shows them: each under its label, in the order
/// its action names them, with who recorded it and when. They are read from the history (each
/// action's event carries the fields it recorded), so the record shows what the audit trail holds.
internal static class RecordedSteps
{
    /// A recorded field; `Field` is null when the lifecycle no longer says which it was.
    public sealed record Value(string Label, LifecycleField? Field, JsonElement Json);

    /// The fields one event recorded; `Action` is the lifecycle's action that recorded them (null
    /// when none fits), `Sentence` the event's summary without the fields.
    public sealed record Step(LifecycleAction? Action, string Actor, DateTimeOffset At, string Sentence, IReadOnlyList<Value> Values);

    /// The fields an event recorded, or null for an event that recorded none.
    public static Step? Of(Lifecycle lifecycle, HistoryEntryBody e)
    {
        if (HistoryData.Read(e.Kind, e.Data.GetRawText()) is not WorkItemActed { Fields: { Count: > 0 } fields } acted) return null;
        // The action that moved the item so and names every field recorded.
        var action = lifecycle.Actions.FirstOrDefault(a => a.From.Contains(acted.Before) && a.Target(acted.Before) == acted.After
            && fields.Keys.All(k => a.Required.Any(f => f.Name == k)));
        IReadOnlyList<Value> values = action is null
            ? [.. fields.Select(f => new Value(f.Key, null, f.Value))]
            : [.. action.Required.Where(f => fields.ContainsKey(f.Name)).Select(f => new Value(f.Words, f, fields[f.Name]))];
        return new(action, e.Actor, e.At, (acted with { Fields = null }).Summary(), values);
    }

    /// Each step of the lifecycle (an action that records fields) in its order, with the fields it
    /// last recorded, or null for a step not taken yet.
    public static IReadOnlyList<(LifecycleAction Action, Step? Recorded)> Record(Lifecycle lifecycle, IEnumerable<HistoryEntryBody> timeline)
    {
        var last = new Dictionary<string, Step>();
        foreach (var step in timeline.Select(e => Of(lifecycle, e)).OfType<Step>())
            if (step.Action is { } action) last[action.Name] = step;
        return [.. lifecycle.Actions.Where(ItemActionsForm.IsStep).Select(a => (a, last.GetValueOrDefault(a.Name)))];
    }
}
