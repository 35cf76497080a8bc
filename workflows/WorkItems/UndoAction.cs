namespace Routing.Workflows.WorkItems;

/// Taking back a cancel or hand-back: the item and the version the action left it at (what the
/// console showed with its Undo button), so that anything done since refuses the undo.
public sealed record UndoAction(Guid Item, int Version);
