using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Routing.Engine.History;
using Routing.Engine.Store;

namespace Routing.Workflows.WorkItems;

/// The end of a person's change to a work item (an action, an undo): the change and its history
/// in one commit, or nothing when someone changed the item first (its Version).
internal static class ItemChangeCommit
{
    /// True when committed; false when another change won, with the transaction rolled back and
    /// the context cleared for the caller to read the item as it is now.
    public static async Task<bool> TryCommitAsync(
        this RoutingDb db, HistoryJournal journal, IDbContextTransaction tx, IReadOnlyList<HistoryEntry> history, CancellationToken ct)
    {
        try
        {
            await journal.AppendAsync(history, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
