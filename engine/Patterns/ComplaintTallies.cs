using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The scan's counts, kept as complaints are stored, so that a scan reads tens of thousands of
/// rows however many millions of complaints there are (counting 10M complaints took 19 s). The
/// database adds rows for each change in the writer's transaction, whoever writes (an import's
/// COPY, its staged insert, plain SQL); TallyRows folds them. Created by the ComplaintTallies
/// migration, which counts the complaints stored; a SQLite migration that rebuilds `complaints`
/// drops the triggers and must create them again.
internal static class ComplaintTallies
{
    public const string Region = "region";

    /// The cells of the complaints in `rows` (a table or subquery with the complaints' columns and
    /// `n`, +1 or −1 a complaint), summed: the month grid, and each attribute a complaint names.
    static string Counted(string rows, string month) => $"""
        INSERT INTO complaint_tallies ("Product", "Category", "Attribute", "Value", "MonthOfYear", "Complaints")
        SELECT "Product", "Category", "Attribute", "Value", "MonthOfYear", sum(n) FROM (
          SELECT "Product", "Category", '{Region}' AS "Attribute", COALESCE("Region", '') AS "Value", {month} AS "MonthOfYear", n FROM {rows} c
          UNION ALL SELECT "Product", "Category", 'ageGroup', "AgeGroup", 0, n FROM {rows} c WHERE "AgeGroup" <> ''
          UNION ALL SELECT "Product", "Category", 'accessibility', "Accessibility", 0, n FROM {rows} c WHERE "Accessibility" <> ''
          UNION ALL SELECT "Product", "Category", 'channel', "Channel", 0, n FROM {rows} c WHERE "Channel" <> ''
          UNION ALL SELECT "Product", "Category", 'vendor', "Vendor", 0, n FROM {rows} c WHERE "Vendor" <> ''
          UNION ALL SELECT "Product", "Category", 'depot', "Depot", 0, n FROM {rows} c WHERE "Depot" <> ''
        ) cells GROUP BY "Product", "Category", "Attribute", "Value", "MonthOfYear" HAVING sum(n) <> 0;
        """;

    /// Statement triggers on PostgreSQL: a COPY of thousands of complaints adds a row per cell it
    /// touched. TRUNCATE fires no delete trigger, so it empties the tallies itself.
    public static readonly string Postgres = $"""
        CREATE FUNCTION complaint_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            {Counted("(SELECT *, 1 AS n FROM new_complaints)", ReceivedMonth.PostgresOfYear)}
          ELSIF TG_OP = 'DELETE' THEN
            {Counted("(SELECT *, -1 AS n FROM old_complaints)", ReceivedMonth.PostgresOfYear)}
          ELSIF TG_OP = 'UPDATE' THEN
            {Counted("(SELECT *, -1 AS n FROM old_complaints UNION ALL SELECT *, 1 FROM new_complaints)", ReceivedMonth.PostgresOfYear)}
          ELSE
            DELETE FROM complaint_tallies;
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER complaints_tally_insert AFTER INSERT ON complaints
          REFERENCING NEW TABLE AS new_complaints FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally();
        CREATE TRIGGER complaints_tally_update AFTER UPDATE ON complaints
          REFERENCING OLD TABLE AS old_complaints NEW TABLE AS new_complaints FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally();
        CREATE TRIGGER complaints_tally_delete AFTER DELETE ON complaints
          REFERENCING OLD TABLE AS old_complaints FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally();
        CREATE TRIGGER complaints_tally_truncate AFTER TRUNCATE ON complaints
          FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally();
        """;

    public const string DropPostgres = """
        DROP TRIGGER complaints_tally_truncate ON complaints;
        DROP TRIGGER complaints_tally_delete ON complaints;
        DROP TRIGGER complaints_tally_update ON complaints;
        DROP TRIGGER complaints_tally_insert ON complaints;
        DROP FUNCTION complaint_tally();
        """;

    const string Columns = """ "Product", "Category", "ReceivedAt", "Region", "AgeGroup", "Accessibility", "Channel", "Vendor", "Depot" """;

    static string Row(string which, int n) =>
        $"SELECT {string.Join(", ", Columns.Split(',').Select(c => $"{which}.{c.Trim()} AS {c.Trim()}"))}, {n} AS n";

    /// Row triggers on SQLite.
    public static readonly string Sqlite = $"""
        CREATE TRIGGER complaints_tally_insert AFTER INSERT ON complaints
        BEGIN {Counted($"({Row("NEW", 1)})", ReceivedMonth.SqliteOfYear)} END;
        CREATE TRIGGER complaints_tally_update AFTER UPDATE OF {Columns} ON complaints
        BEGIN {Counted($"({Row("OLD", -1)} UNION ALL {Row("NEW", 1)})", ReceivedMonth.SqliteOfYear)} END;
        CREATE TRIGGER complaints_tally_delete AFTER DELETE ON complaints
        BEGIN {Counted($"({Row("OLD", -1)})", ReceivedMonth.SqliteOfYear)} END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER complaints_tally_delete;
        DROP TRIGGER complaints_tally_update;
        DROP TRIGGER complaints_tally_insert;
        """;

    /// The complaints stored, counted once.
    public static string Fill(bool postgres) =>
        Counted("(SELECT *, 1 AS n FROM complaints)", postgres ? ReceivedMonth.PostgresOfYear : ReceivedMonth.SqliteOfYear);

    /// Adds the rows up, one per cell (TallyRows).
    public static Task FoldAsync(RoutingDb db, CancellationToken ct) =>
        TallyRows.FoldAsync(db, "complaint_tallies", ["Product", "Category", "Attribute", "Value", "MonthOfYear"], "Complaints", ct);
}
