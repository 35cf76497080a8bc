namespace Routing.Host.Pages.Console;

/// An action's outcome as the page shows it: the message, on which item, and what the item's
/// form keeps (the note that was refused, the final action awaiting its confirmation) or offers
/// (an Undo at the version the action left). A step's form refused for its fields keeps, for
/// `Step` (the action), what was typed and the problem of each field, by field name; a resolve
/// refused keeps its effectiveness inputs and their problems (keyed as the API's:
/// effectiveness.target, effectiveness.windowDays, effectiveness).
internal sealed record Acted(
    Guid Item, int Status, string Message, bool IsError = false,
    string? Note = null, string? NoteError = null, string? Confirming = null, int? UndoVersion = null,
    string? Step = null, IReadOnlyDictionary<string, string>? Typed = null, IReadOnlyDictionary<string, string>? FieldErrors = null,
    PostedEffectiveness? Effectiveness = null, IReadOnlyDictionary<string, string>? EffectivenessErrors = null)
{
    /// Not found, forbidden or unknown: the page answers with the status alone.
    public bool Refused => Status is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden or StatusCodes.Status400BadRequest;
}
