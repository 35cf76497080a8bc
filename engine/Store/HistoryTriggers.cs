namespace Routing.Engine.Store;

/// The database itself keeps the history append-only: nothing deletes an event, a sealed
/// event never changes, and sealing may change only the chain columns.
internal static class HistoryTriggers
{
    /// The guard's function; the Trust migration replaced it to cover ActorKeyId (PL/pgSQL
    /// resolves columns when it runs, so the first migration may create it before the column exists).
    public const string PostgresGuard = """
        CREATE OR REPLACE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'UPDATE' OR OLD."Hash" IS NOT NULL
             OR NEW."Sequence" <> OLD."Sequence" OR NEW."At" <> OLD."At" OR NEW."Actor" <> OLD."Actor"
             OR NEW."Kind" <> OLD."Kind" OR NEW."Data" <> OLD."Data"
             OR NEW."ReportId" IS DISTINCT FROM OLD."ReportId" OR NEW."WorkItemId" IS DISTINCT FROM OLD."WorkItemId"
             OR NEW."Department" IS DISTINCT FROM OLD."Department" OR NEW."ActorKeyId" IS DISTINCT FROM OLD."ActorKeyId" THEN
            RAISE EXCEPTION 'history is append-only';
          END IF;
          RETURN NEW;
        END $$;
        """;

    public const string Postgres = PostgresGuard + "\n" + """
        CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history FOR EACH ROW EXECUTE FUNCTION history_append_only();
        CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history FOR EACH STATEMENT EXECUTE FUNCTION history_append_only();
        """;

    public const string DropPostgres = """
        DROP TRIGGER history_no_truncate ON history;
        DROP TRIGGER history_append_only ON history;
        DROP FUNCTION history_append_only();
        """;

    /// The Trust migration re-created it to cover ActorKeyId (SQLite resolves a trigger's columns
    /// when it runs, so the first migration may create it before the column exists).
    public const string SqliteSealedIsFinal = """
        CREATE TRIGGER history_sealed_is_final BEFORE UPDATE ON history
        WHEN OLD.Hash IS NOT NULL OR NEW.Sequence IS NOT OLD.Sequence OR NEW.At IS NOT OLD.At
          OR NEW.Actor IS NOT OLD.Actor OR NEW.Kind IS NOT OLD.Kind OR NEW.Data IS NOT OLD.Data
          OR NEW.ReportId IS NOT OLD.ReportId OR NEW.WorkItemId IS NOT OLD.WorkItemId OR NEW.Department IS NOT OLD.Department
          OR NEW.ActorKeyId IS NOT OLD.ActorKeyId
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        """;

    public const string SqliteNoDelete =
        "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;";
}
