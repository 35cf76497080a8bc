using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Engine.WorkItems;

/// How many of a department's items are in each state, without counting them: an inbox's total
/// of finished items grows with every item ever routed (40 ms for 122,000 in one department of a
/// 1M-item store), the tallies do not. The database adds a row for each change (a +1 and a -1 for
/// an item that moved), whoever writes the item (a move, an undo, a migration, SQL), in the
/// writer's transaction; Fold adds them up now and then. Inserts only, so writers never wait for
/// each other on a counter row. Created by the WorkItemTallies migration, which counts the items
/// stored; a SQLite migration that rebuilds work_items drops the triggers and must create them again.
internal static class WorkItemTallies
{
    /// Statement triggers on PostgreSQL: one row per department, stage and state a statement changed.
    public const string Postgres = """
        CREATE FUNCTION work_item_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
            SELECT "Department", "Stage", "State", count(*) FROM new_items GROUP BY 1, 2, 3;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
            SELECT "Department", "Stage", "State", -count(*) FROM old_items GROUP BY 1, 2, 3;
          ELSE
            INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
            SELECT "Department", "Stage", "State", sum(n) FROM (
              SELECT "Department", "Stage", "State", -1 AS n FROM old_items
              UNION ALL SELECT "Department", "Stage", "State", 1 FROM new_items) moved
            GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER work_items_tally_insert AFTER INSERT ON work_items
          REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION work_item_tally();
        CREATE TRIGGER work_items_tally_update AFTER UPDATE ON work_items
          REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION work_item_tally();
        CREATE TRIGGER work_items_tally_delete AFTER DELETE ON work_items
          REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION work_item_tally();
        """;

    public const string DropPostgres = """
        DROP TRIGGER work_items_tally_delete ON work_items;
        DROP TRIGGER work_items_tally_update ON work_items;
        DROP TRIGGER work_items_tally_insert ON work_items;
        DROP FUNCTION work_item_tally();
        """;

    public const string Sqlite = """
        CREATE TRIGGER work_items_tally_insert AFTER INSERT ON work_items
        BEGIN INSERT INTO work_item_tallies (Department, Stage, State, Items) VALUES (NEW.Department, NEW.Stage, NEW.State, 1); END;
        CREATE TRIGGER work_items_tally_update AFTER UPDATE OF Department, Stage, State ON work_items
        WHEN OLD.Department IS NOT NEW.Department OR OLD.Stage IS NOT NEW.Stage OR OLD.State IS NOT NEW.State
        BEGIN INSERT INTO work_item_tallies (Department, Stage, State, Items)
          VALUES (OLD.Department, OLD.Stage, OLD.State, -1), (NEW.Department, NEW.Stage, NEW.State, 1); END;
        CREATE TRIGGER work_items_tally_delete AFTER DELETE ON work_items
        BEGIN INSERT INTO work_item_tallies (Department, Stage, State, Items) VALUES (OLD.Department, OLD.Stage, OLD.State, -1); END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER work_items_tally_delete;
        DROP TRIGGER work_items_tally_update;
        DROP TRIGGER work_items_tally_insert;
        """;

    /// The items stored, counted once; the same on both providers.
    public const string Fill = """
        INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
        SELECT "Department", "Stage", "State", count(*) FROM work_items GROUP BY "Department", "Stage", "State";
        """;

    /// How many of the department's items are open and finished, in one of `states` (every state when null).
    public static async Task<(int Open, int Finished)> CountAsync(RoutingDb db, string department, IReadOnlyCollection<string>? states, CancellationToken ct)
    {
        var tallies = db.WorkItemTallies.Where(t => t.Department == department);
        if (states is not null) tallies = tallies.Where(t => states.Contains(t.State));
        var byStage = await tallies.GroupBy(t => t.Stage == WorkItemStage.Final)
            .Select(g => new { Finished = g.Key, Items = g.Sum(t => t.Items) })
            .ToListAsync(ct);
        return (byStage.Where(s => !s.Finished).Sum(s => s.Items), byStage.Where(s => s.Finished).Sum(s => s.Items));
    }

    /// One statement, so one snapshot: what it deletes is exactly what it adds up.
    public const string FoldPostgres = """
        WITH folded AS (DELETE FROM work_item_tallies RETURNING "Department", "Stage", "State", "Items")
        INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
        SELECT "Department", "Stage", "State", sum("Items") FROM folded GROUP BY 1, 2, 3 HAVING sum("Items") <> 0
        """;

    /// Adds the rows up, one per department, stage and state. A change committed meanwhile stays a
    /// row of its own until the next fold.
    public static async Task FoldAsync(RoutingDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(FoldPostgres, ct);
            return;
        }

        // SQLite has one writer at a time: the transaction sees no change but its own.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var last = await db.WorkItemTallies.MaxAsync(t => (long?)t.Id, ct) ?? 0;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO work_item_tallies (Department, Stage, State, Items)
            SELECT Department, Stage, State, sum(Items) FROM work_item_tallies WHERE Id <= {last} GROUP BY 1, 2, 3 HAVING sum(Items) <> 0
            """, ct);
        await db.Database.ExecuteSqlAsync($"DELETE FROM work_item_tallies WHERE Id <= {last}", ct);
        await tx.CommitAsync(ct);
    }
}
