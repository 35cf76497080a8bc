using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Intake;

/// Reports of one pattern take turns inside intake's transaction: each reads the pattern's open
/// items only after the one before it committed. Without turns, two first reports both found no
/// open item and opened two, and recurrences counted from stale reads and updated the items
/// of the pattern in whatever order each had read them, deadlocking one another.
internal static class PatternTurn
{
    // Two-key advisory locks live apart from the one-key ones (sealer, migrations, exposure), so a
    // pattern never waits on those.
    const int Space = 727002;

    /// Waits for the pattern's turn, held until the transaction ends: one statement, about 0.05 ms
    /// when nobody holds it. SQLite needs nothing: its transactions begin by taking the database's
    /// one write lock (Microsoft.Data.Sqlite begins IMMEDIATE unless asked to defer).
    public static async Task TakeAsync(RoutingDb db, string patternKey, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A pattern's turn is taken inside the transaction that stores the report.");
        // A hash collision only makes two patterns take turns with each other.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Space}, hashtext({patternKey}))", ct);
    }
}
