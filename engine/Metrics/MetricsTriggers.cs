namespace Routing.Engine.Metrics;

/// The copies that let rule quality and the CSMs' account read one narrow index each instead of
/// joining every item of a range (issue 22: ≤ 100 ms at 1M items): the database keeps them in step
/// with where they come from, whoever writes that (a move, an undo, the backfill, a migration), in
/// the writer's transaction. Each is written only when what it copies changes.
///   work_item_rules: the item's outcome (handed back, resolved and its time, verified, reopened);
///   work_items: its report's receipt and submitter;
///   reports: verified effective (some measured check judged its items' fixes, every one effective).
/// Created by the MetricsOutcomes migration, which fills the copies from what is stored; a change
/// here after that migration has shipped needs a migration of its own. A SQLite migration that
/// rebuilds work_items, reports, work_item_rules or effectiveness (EF does, to alter or drop a
/// column) drops their triggers and must create them again (MetricsCopiesTests checks they are there).
internal static class MetricsTriggers
{
    const string Judged = "('effective', 'not-effective')";

    const string OutcomeChanged = """
        (OLD."HandedBackAt" IS NULL) <> (NEW."HandedBackAt" IS NULL) OR (OLD."FirstResolvedAt" IS NULL) <> (NEW."FirstResolvedAt" IS NULL)
          OR OLD."ResolveTookSeconds" IS DISTINCT FROM NEW."ResolveTookSeconds" OR (OLD."VerifiedAt" IS NULL) <> (NEW."VerifiedAt" IS NULL)
          OR (OLD."ReopenedCount" > 0) <> (NEW."ReopenedCount" > 0)
        """;

    const string HasOutcome = """
        NEW."HandedBackAt" IS NOT NULL OR NEW."FirstResolvedAt" IS NOT NULL OR NEW."ResolveTookSeconds" IS NOT NULL
          OR NEW."VerifiedAt" IS NOT NULL OR NEW."ReopenedCount" > 0
        """;

    public const string Postgres = $$"""
        CREATE FUNCTION work_item_outcome_to_rules() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE work_item_rules SET "HandedBack" = NEW."HandedBackAt" IS NOT NULL, "Resolved" = NEW."FirstResolvedAt" IS NOT NULL,
            "ResolveTookSeconds" = NEW."ResolveTookSeconds", "Verified" = NEW."VerifiedAt" IS NOT NULL, "Reopened" = NEW."ReopenedCount" > 0
          WHERE "WorkItemId" = NEW."Id";
          RETURN NULL;
        END $$;
        CREATE TRIGGER work_items_outcome AFTER UPDATE ON work_items FOR EACH ROW
          WHEN ({{OutcomeChanged}}) EXECUTE FUNCTION work_item_outcome_to_rules();
        CREATE TRIGGER work_items_outcome_opened AFTER INSERT ON work_items FOR EACH ROW
          WHEN ({{HasOutcome}}) EXECUTE FUNCTION work_item_outcome_to_rules();

        CREATE FUNCTION work_item_rule_takes_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE item record;
        BEGIN
          SELECT "HandedBackAt", "FirstResolvedAt", "ResolveTookSeconds", "VerifiedAt", "ReopenedCount" INTO item
          FROM work_items WHERE "Id" = NEW."WorkItemId";
          IF FOUND THEN
            NEW."HandedBack" := item."HandedBackAt" IS NOT NULL;
            NEW."Resolved" := item."FirstResolvedAt" IS NOT NULL;
            NEW."ResolveTookSeconds" := item."ResolveTookSeconds";
            NEW."Verified" := item."VerifiedAt" IS NOT NULL;
            NEW."Reopened" := item."ReopenedCount" > 0;
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER work_item_rules_outcome BEFORE INSERT ON work_item_rules FOR EACH ROW EXECUTE FUNCTION work_item_rule_takes_outcome();

        CREATE FUNCTION work_item_takes_report() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          SELECT "ReceivedAt", "SubmittedBy" INTO NEW."ReportReceivedAt", NEW."ReportSubmittedBy" FROM reports WHERE "Id" = NEW."ReportId";
          RETURN NEW;
        END $$;
        CREATE TRIGGER work_items_report BEFORE INSERT ON work_items FOR EACH ROW EXECUTE FUNCTION work_item_takes_report();

        CREATE FUNCTION report_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE work_items SET "ReportReceivedAt" = NEW."ReceivedAt", "ReportSubmittedBy" = NEW."SubmittedBy"
          WHERE "ReportId" = NEW."Id"
            AND ("ReportReceivedAt" IS DISTINCT FROM NEW."ReceivedAt" OR "ReportSubmittedBy" IS DISTINCT FROM NEW."SubmittedBy");
          RETURN NULL;
        END $$;
        CREATE TRIGGER reports_to_items AFTER INSERT OR UPDATE OF "ReceivedAt", "SubmittedBy" ON reports FOR EACH ROW EXECUTE FUNCTION report_to_items();

        CREATE FUNCTION report_verified_effective() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE report uuid;
        BEGIN
          SELECT "ReportId" INTO report FROM work_items WHERE "Id" = CASE TG_OP WHEN 'DELETE' THEN OLD."WorkItemId" ELSE NEW."WorkItemId" END;
          -- The report's row first: two checks of one report judged at once take turns, and the count
          -- below (a statement of its own, so a snapshot of its own) sees what the other committed.
          PERFORM 1 FROM reports WHERE "Id" = report FOR UPDATE;
          UPDATE reports r SET "VerifiedEffective" = x.effective
          FROM (SELECT coalesce(bool_and(e."Verdict" = 'effective'), false) AS effective
                FROM effectiveness e JOIN work_items w ON w."Id" = e."WorkItemId"
                WHERE w."ReportId" = report AND e."Verdict" IN {{Judged}}) x
          WHERE r."Id" = report AND r."VerifiedEffective" <> x.effective;
          RETURN NULL;
        END $$;
        CREATE TRIGGER effectiveness_judged AFTER INSERT ON effectiveness FOR EACH ROW
          WHEN (NEW."Verdict" IN {{Judged}}) EXECUTE FUNCTION report_verified_effective();
        CREATE TRIGGER effectiveness_judged_again AFTER UPDATE OF "Verdict" ON effectiveness FOR EACH ROW
          WHEN (OLD."Verdict" IS DISTINCT FROM NEW."Verdict") EXECUTE FUNCTION report_verified_effective();
        CREATE TRIGGER effectiveness_judged_removed AFTER DELETE ON effectiveness FOR EACH ROW
          WHEN (OLD."Verdict" IN {{Judged}}) EXECUTE FUNCTION report_verified_effective();
        """;

    public const string DropPostgres = """
        DROP TRIGGER effectiveness_judged_removed ON effectiveness;
        DROP TRIGGER effectiveness_judged_again ON effectiveness;
        DROP TRIGGER effectiveness_judged ON effectiveness;
        DROP FUNCTION report_verified_effective();
        DROP TRIGGER reports_to_items ON reports;
        DROP FUNCTION report_to_items();
        DROP TRIGGER work_items_report ON work_items;
        DROP FUNCTION work_item_takes_report();
        DROP TRIGGER work_item_rules_outcome ON work_item_rules;
        DROP FUNCTION work_item_rule_takes_outcome();
        DROP TRIGGER work_items_outcome_opened ON work_items;
        DROP TRIGGER work_items_outcome ON work_items;
        DROP FUNCTION work_item_outcome_to_rules();
        """;

    /// The copies from what is stored, for a store from before them.
    public const string FillPostgres = $"""
        UPDATE work_item_rules r SET "HandedBack" = w."HandedBackAt" IS NOT NULL, "Resolved" = w."FirstResolvedAt" IS NOT NULL,
          "ResolveTookSeconds" = w."ResolveTookSeconds", "Verified" = w."VerifiedAt" IS NOT NULL, "Reopened" = w."ReopenedCount" > 0
        FROM work_items w WHERE w."Id" = r."WorkItemId"
          AND (w."HandedBackAt" IS NOT NULL OR w."FirstResolvedAt" IS NOT NULL OR w."ResolveTookSeconds" IS NOT NULL
            OR w."VerifiedAt" IS NOT NULL OR w."ReopenedCount" > 0);
        UPDATE work_items w SET "ReportReceivedAt" = r."ReceivedAt", "ReportSubmittedBy" = r."SubmittedBy" FROM reports r WHERE r."Id" = w."ReportId";
        UPDATE reports r SET "VerifiedEffective" = true
        FROM (SELECT w."ReportId" FROM effectiveness e JOIN work_items w ON w."Id" = e."WorkItemId"
              WHERE e."Verdict" IN {Judged} GROUP BY w."ReportId" HAVING bool_and(e."Verdict" = 'effective')) x
        WHERE r."Id" = x."ReportId";
        """;

    // SQLite: a trigger cannot change the row it fires for before it is written, so it updates it after.
    const string SqliteOutcomeChanged = """
        (OLD.HandedBackAt IS NULL) <> (NEW.HandedBackAt IS NULL) OR (OLD.FirstResolvedAt IS NULL) <> (NEW.FirstResolvedAt IS NULL)
          OR OLD.ResolveTookSeconds IS NOT NEW.ResolveTookSeconds OR (OLD.VerifiedAt IS NULL) <> (NEW.VerifiedAt IS NULL)
          OR (OLD.ReopenedCount > 0) <> (NEW.ReopenedCount > 0)
        """;

    const string SqliteToRules = """
        UPDATE work_item_rules SET HandedBack = NEW.HandedBackAt IS NOT NULL, Resolved = NEW.FirstResolvedAt IS NOT NULL,
          ResolveTookSeconds = NEW.ResolveTookSeconds, Verified = NEW.VerifiedAt IS NOT NULL, Reopened = NEW.ReopenedCount > 0
        WHERE WorkItemId = NEW.Id;
        """;

    static string SqliteVerifiedEffective(string row) => $"""
        UPDATE reports SET VerifiedEffective = coalesce((SELECT min(e.Verdict = 'effective')
            FROM effectiveness e JOIN work_items w ON w.Id = e.WorkItemId WHERE w.ReportId = reports.Id AND e.Verdict IN {Judged}), 0)
        WHERE Id = (SELECT ReportId FROM work_items WHERE Id = {row}.WorkItemId);
        """;

    const string SqliteToItems = """
        UPDATE work_items SET ReportReceivedAt = NEW.ReceivedAt, ReportSubmittedBy = NEW.SubmittedBy WHERE ReportId = NEW.Id;
        """;

    public static readonly string Sqlite = $"""
        CREATE TRIGGER work_items_outcome AFTER UPDATE ON work_items WHEN {SqliteOutcomeChanged}
        BEGIN {SqliteToRules} END;
        CREATE TRIGGER work_items_outcome_opened AFTER INSERT ON work_items
        WHEN {HasOutcome.Replace("\"", "")}
        BEGIN {SqliteToRules} END;
        CREATE TRIGGER work_item_rules_outcome AFTER INSERT ON work_item_rules
        WHEN EXISTS (SELECT 1 FROM work_items WHERE Id = NEW.WorkItemId)
        BEGIN
          UPDATE work_item_rules SET (HandedBack, Resolved, ResolveTookSeconds, Verified, Reopened) =
            (SELECT HandedBackAt IS NOT NULL, FirstResolvedAt IS NOT NULL, ResolveTookSeconds, VerifiedAt IS NOT NULL, ReopenedCount > 0
             FROM work_items WHERE Id = NEW.WorkItemId)
          WHERE WorkItemId = NEW.WorkItemId AND Rule = NEW.Rule;
        END;
        CREATE TRIGGER work_items_report AFTER INSERT ON work_items
        WHEN EXISTS (SELECT 1 FROM reports WHERE Id = NEW.ReportId)
        BEGIN
          UPDATE work_items SET (ReportReceivedAt, ReportSubmittedBy) = (SELECT ReceivedAt, SubmittedBy FROM reports WHERE Id = NEW.ReportId)
          WHERE Id = NEW.Id;
        END;
        CREATE TRIGGER reports_to_items AFTER INSERT ON reports BEGIN {SqliteToItems} END;
        CREATE TRIGGER reports_to_items_again AFTER UPDATE OF ReceivedAt, SubmittedBy ON reports BEGIN {SqliteToItems} END;
        CREATE TRIGGER effectiveness_judged AFTER INSERT ON effectiveness WHEN NEW.Verdict IN {Judged}
        BEGIN {SqliteVerifiedEffective("NEW")} END;
        CREATE TRIGGER effectiveness_judged_again AFTER UPDATE OF Verdict ON effectiveness WHEN OLD.Verdict IS NOT NEW.Verdict
        BEGIN {SqliteVerifiedEffective("NEW")} END;
        CREATE TRIGGER effectiveness_judged_removed AFTER DELETE ON effectiveness WHEN OLD.Verdict IN {Judged}
        BEGIN {SqliteVerifiedEffective("OLD")} END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER effectiveness_judged_removed;
        DROP TRIGGER effectiveness_judged_again;
        DROP TRIGGER effectiveness_judged;
        DROP TRIGGER reports_to_items_again;
        DROP TRIGGER reports_to_items;
        DROP TRIGGER work_items_report;
        DROP TRIGGER work_item_rules_outcome;
        DROP TRIGGER work_items_outcome_opened;
        DROP TRIGGER work_items_outcome;
        """;

    public const string FillSqlite = $"""
        UPDATE work_item_rules SET (HandedBack, Resolved, ResolveTookSeconds, Verified, Reopened) =
          (SELECT HandedBackAt IS NOT NULL, FirstResolvedAt IS NOT NULL, ResolveTookSeconds, VerifiedAt IS NOT NULL, ReopenedCount > 0
           FROM work_items w WHERE w.Id = work_item_rules.WorkItemId)
        WHERE EXISTS (SELECT 1 FROM work_items w WHERE w.Id = work_item_rules.WorkItemId);
        UPDATE work_items SET (ReportReceivedAt, ReportSubmittedBy) = (SELECT ReceivedAt, SubmittedBy FROM reports r WHERE r.Id = work_items.ReportId);
        UPDATE reports SET VerifiedEffective = coalesce((SELECT min(e.Verdict = 'effective')
            FROM effectiveness e JOIN work_items w ON w.Id = e.WorkItemId WHERE w.ReportId = reports.Id AND e.Verdict IN {Judged}), 0);
        """;
}
