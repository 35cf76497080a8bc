using System.Text.Json;
using Routing.Engine.Effectiveness;

namespace Routing.Workflows.WorkItems;

/// A person's action on a work item, as the API, the console and the CLI hand it to
/// WorkItemActionService.ActAsync: the action by its name in the item's lifecycle, the note, the
/// version the person last read (null when not sent), the fields the action records and, for a
/// final action (cancel, hand-back), whether they confirmed it. The API's callers confirm by
/// calling; the console asks in place. An action that resolves the item may set its
/// effectiveness criterion (EffectivenessChoice).
public sealed record ActOnWorkItem(
    Guid Item, string Action, string? Note, int? Version, bool Confirmed = true, IReadOnlyDictionary<string, JsonElement>? Fields = null,
    EffectivenessChoice? Effectiveness = null);
