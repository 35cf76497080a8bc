namespace Routing.Host.Pages.Console;

/// An action's outcome as the page shows it: the message, on which item, and what the item's
/// form keeps (the note that was refused, the final action awaiting its confirmation) or offers
/// (an Undo at the version the action left).
internal sealed record Acted(
    Guid Item, int Status, string Message, bool IsError = false,
    string? Note = null, string? NoteError = null, string? Confirming = null, int? UndoVersion = null)
{
    /// Not found, forbidden or unknown: the page answers with the status alone.
    public bool Refused => Status is StatusCodes.Status404NotFound or StatusCodes.Status403Forbidden or StatusCodes.Status400BadRequest;
}
