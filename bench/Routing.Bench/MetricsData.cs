using System.Diagnostics;
using System.Globalization;

namespace Routing.Bench;

/// The "metrics" data set on PostgreSQL, made in SQL (generate_series) rather than through the
/// API: `items` work items over three years up to `now`, 0.7 reports per item from 20 CSMs,
/// the rules that opened them (40 rules × 3 ruleset versions), effectiveness checks, and ten
/// history events per item. The facts of plan §1 (AcknowledgedAt, AckTookSeconds, …) are set
/// as the move would have set them, and the history tells the same story, so the backfill
/// that replays it finds the same figures.
///
/// A plan of every item goes first into an unlogged table (`bench_items`) so that each table is
/// one INSERT … SELECT from it, in one transaction each. Secondary indexes are dropped before
/// a table is filled and made again after (building an index is far cheaper than 10M inserts
/// into it). History goes in pre-sealed (ChainIndex = Sequence, a dummy hash): the host's
/// sealer has nothing to do while the suite measures, and this suite never verifies.
internal static class MetricsData
{
    public static readonly string[] Departments =
        ["manufacturing", "logistics", "rnd", "marketing", "strategy", "sales", "vendors", "acme-parts", "triage"];
    public const int Rules = 40;
    public const int Csms = 20;
    public static readonly TimeSpan Span = TimeSpan.FromDays(3 * 365);

    /// How long each table took to fill (seconds), and the counts made.
    public sealed record Load(long Items, long Reports, long Rules, long Effectiveness, long Events, Dictionary<string, double> Seconds,
        double? TotalSeconds);

    /// Whether the database already holds the data set (the suite keeps it between runs).
    public static bool Present(Psql psql, long items) =>
        long.Parse(psql.Run($"SELECT count(*) FROM work_items WHERE \"Fields\" = {Marker}").Trim(), CultureInfo.InvariantCulture) == items;

    /// The bench's items carry it in Fields (no action records a field named so).
    const string Marker = "'{\"bench\":true}'";

    /// `from`: the bench's items already there (the scaling suite grows one database size by size):
    /// the items from+1 … items are added, with their own reports, opened within `opened` (the
    /// three years up to now when not given).
    public static Load Fill(Psql psql, long items, DateTimeOffset now, long from = 0, (DateTimeOffset First, DateTimeOffset Last)? opened = null)
    {
        var total = Stopwatch.StartNew();
        var seconds = new Dictionary<string, double>();
        long added = items - from, reports = added * 7 / 10, events = added * 10, firstReport = from * 7 / 10;
        var t0 = Literal(now);
        var s0 = Literal(now - Span);
        var (o0, o1) = opened is { } o ? (Literal(o.First), Literal(o.Last)) : (s0, t0);
        string Departments(string index) => $"(ARRAY['{string.Join("','", MetricsData.Departments)}'])[{index}]";

        void Step(string name, string sql)
        {
            var clock = Stopwatch.StartNew();
            Console.WriteLine($"metrics data: {name}");
            // Triggers off (replica): the copies MetricsTriggers keeps are written here as the rows are, in bulk.
            psql.Run("SET TimeZone = 'UTC'; SET synchronous_commit = off; SET work_mem = '512MB'; SET maintenance_work_mem = '1GB';" +
                " SET session_replication_role = replica;\n" + sql);
            seconds[name] = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"metrics data: {name} {seconds[name]:F1} s");
        }

        // Ruleset versions 2 and 3 (copies of the shipped v1), published one and two years ago.
        if (from == 0) Step("ruleset versions", $"""
            INSERT INTO ruleset_versions ("Version", "WorkflowsJson", "DepartmentsJson", "CreatedAt", "CreatedBy", "LifecyclesJson", "CalendarsJson")
            SELECT v, "WorkflowsJson", "DepartmentsJson", {s0} + (v - 1) * ({t0} - {s0}) / 3, 'bench', "LifecyclesJson", "CalendarsJson"
            FROM ruleset_versions, generate_series(2, 3) v WHERE "Version" = 1 ON CONFLICT DO NOTHING;
            INSERT INTO ruleset_publications ("Version", "PublishedAt", "PublishedBy")
            SELECT v, {s0} + (v - 1) * ({t0} - {s0}) / 3, 'bench' FROM generate_series(2, 3) v;
            """);

        // The plan of every item. Item j belongs to report 1 + (j-1) % reports (so 30% of reports
        // have two items, in two departments), opened when the report came (evenly over the three
        // years). Its rule, and so its department, comes from a hash of j. Times taken are
        // exponential (-ln of a uniform), their mean a share of the window, per department.
        // Outcomes by u: 5% handed back, 2% cancelled, 3% not acknowledged, 20% acknowledged and
        // open, 70% resolved (unless the time taken runs past now); 14% of those resolved are
        // reopened by the check 14 days on, the rest verified by it. Open items older than 60 days
        // are mostly cancelled (`stale`), so the backlog is a steady flow's, not 23% of three years.
        Step("plan (bench_items)", $"""
            SELECT setseed(0.42);
            DROP TABLE IF EXISTS bench_items;
            CREATE UNLOGGED TABLE bench_items AS
            WITH x AS (
              SELECT j, {firstReport} + 1 + (j - {from} - 1) % {reports} AS ri, 1 + (hashint4(j::int) & 2147483647) % {Rules} AS rule,
                     random() AS u, random() AS v, random() AS w, random() AS pu, random() AS q, -ln(1 - random()) AS ea, -ln(1 - random()) AS er
              FROM generate_series({from + 1}, {items}) j),
            y AS (
              SELECT x.*, 1 + (rule - 1) % 9 AS d,
                     {o0} + ((ri - {firstReport} - 0.5) / {reports})::float8 * ({o1} - {o0}) AS created,
                     1 + (3 * (ri - {firstReport} - 1)) / {reports} AS version,
                     CASE WHEN pu < 0.15 THEN 1 WHEN pu < 0.55 THEN 2 WHEN pu < 0.90 THEN 3 ELSE 4 END AS pr
              FROM x),
            z AS (
              SELECT y.*, {Departments("d")} AS dept,
                     CASE WHEN d IN (1, 2, 3) THEN 'corrective-action' WHEN d IN (7, 8) THEN 'supplier-corrective-action' ELSE 'standard' END AS lifecycle,
                     (ARRAY[interval '4 hours', interval '1 day', interval '2 days', interval '5 days'])[pr] AS ackw,
                     (ARRAY[interval '3 days', interval '7 days', interval '14 days', interval '30 days'])[pr] AS resw,
                     (ARRAY[0.35, 0.5, 0.6, 0.4, 0.7, 0.45, 0.8, 0.9, 0.3])[d] AS fa,
                     (ARRAY[0.5, 0.4, 0.7, 0.45, 0.6, 0.35, 0.8, 0.95, 0.3])[d] AS fr
              FROM y),
            t AS (
              SELECT z.*, round(ea * fa * extract(epoch FROM ackw))::bigint AS ack_took,
                     round(ea * fa * extract(epoch FROM ackw) + er * fr * extract(epoch FROM resw))::bigint AS res_took
              FROM z),
            o AS (
              SELECT t.*,
                     u < 0.05 AND created + ack_took / 2 * interval '1 second' <= {t0} AS handed,
                     u >= 0.05 AND u < 0.07 AND created + ack_took * interval '1 second' <= {t0} AS cancelled_early,
                     u >= 0.10 AND created + ack_took * interval '1 second' <= {t0} AS acked,
                     u >= 0.30 AND created + res_took * interval '1 second' <= {t0} AS resolved
              FROM t),
            r AS (
              SELECT o.*,
                     CASE WHEN resolved THEN created + res_took * interval '1 second' END AS res_at,
                     CASE WHEN resolved AND v < 0.14 AND created + res_took * interval '1 second' + interval '14 days' <= {t0}
                          THEN created + res_took * interval '1 second' + interval '14 days' END AS reopen_at,
                     NOT handed AND NOT cancelled_early AND w < 0.45 AND created + ackw <= {t0}
                       AND (NOT acked OR ack_took > extract(epoch FROM ackw)) AS escalated
              FROM o),
            s AS (
              SELECT r.*,
                     CASE WHEN reopen_at IS NOT NULL AND reopen_at + (res_took - ack_took) / 2 * interval '1 second' <= {t0}
                          THEN reopen_at + (res_took - ack_took) / 2 * interval '1 second' END AS res2_at,
                     -- Open work older than 60 days is cancelled 30 days after it was last touched but for 3%:
                     -- a backlog of what a steady flow leaves open, not 23% of three years.
                     NOT handed AND NOT cancelled_early AND NOT resolved AND created < {t0} - interval '60 days' AND q < 0.97 AS stale
              FROM r)
            SELECT s.*, cancelled_early OR stale AS cancelled,
                   CASE WHEN cancelled_early THEN created + ack_took / 2 * interval '1 second'
                        WHEN stale THEN least(created + ack_took * interval '1 second' + interval '30 days', {t0}) END AS cancel_at,
                   CASE WHEN reopen_at IS NULL AND res_at + interval '14 days' <= {t0} THEN res_at + interval '14 days'
                        WHEN res2_at + interval '14 days' <= {t0} THEN res2_at + interval '14 days' END AS verified_at,
                   md5('item-' || j)::uuid AS id, md5('report-' || ri)::uuid AS report_id,
                   'csm-' || lpad((1 + (hashint4(ri::int) & 2147483647) % {Csms})::text, 2, '0') AS csm
            FROM s;
            """);

        WithoutIndexes(psql, "work_items", () => Step("work_items", $"""
            INSERT INTO work_items ("Id", "ReportId", "Department", "Priority", "State", "Stage", "Lifecycle", "Fields", "Version",
              "CreatedAt", "UpdatedAt", "AckDueAt", "ResolveDueAt", "AckWithin", "ResolveWithin", "FollowUpEvery", "ResolutionCheckAfter",
              "ResolvedAt", "Calendar", "CalendarTime", "PausedAt", "Recurrences", "RulesetVersion", "MatchedRules",
              "AcknowledgedAt", "AckTookSeconds", "AckMet", "FirstResolvedAt", "ResolveTookSeconds", "ResolveMet",
              "AckPausedSeconds", "ResolvePausedSeconds", "VerifiedAt", "ReopenedCount", "HandedBackAt", "MetricsVersion",
              "ReportReceivedAt", "ReportSubmittedBy")
            SELECT id, report_id, dept, 'P' || pr, state, stage, lifecycle, {Marker}, 3,
              created, greatest(created, ack_at, res_at, reopen_at, res2_at, verified_at, cancel_at, CASE WHEN handed THEN created + ack_took / 2 * interval '1 second' END),
              created + ackw, created + resw, ackw, resw, interval '1 day', interval '14 days',
              CASE WHEN state IN ('Resolved', 'Verified') THEN coalesce(res2_at, res_at) END, NULL, ARRAY['resolutionCheckAfter'], NULL, 0, version, rules,
              ack_at, CASE WHEN acked THEN ack_took END, CASE WHEN acked THEN ack_took <= extract(epoch FROM ackw) END,
              res_at, CASE WHEN resolved THEN res_took END, CASE WHEN resolved THEN res_took <= extract(epoch FROM resw) END,
              0, 0, verified_at, CASE WHEN reopen_at IS NULL THEN 0 ELSE 1 END,
              CASE WHEN handed THEN created + ack_took / 2 * interval '1 second' END, 1, created, csm
            FROM (
              SELECT b.*, CASE WHEN acked THEN created + ack_took * interval '1 second' END AS ack_at,
                CASE WHEN j % 10 = 0 THEN ARRAY['BenchRule' || lpad(rule::text, 2, '0'), 'BenchRule' || lpad((CASE WHEN rule + 9 <= {Rules} THEN rule + 9 ELSE rule - 9 END)::text, 2, '0')]
                     ELSE ARRAY['BenchRule' || lpad(rule::text, 2, '0')] END AS rules,
                CASE WHEN handed THEN 'HandedBack' WHEN cancelled THEN 'Cancelled' WHEN verified_at IS NOT NULL THEN 'Verified'
                     WHEN res2_at IS NOT NULL OR (resolved AND reopen_at IS NULL) THEN 'Resolved'
                     WHEN reopen_at IS NOT NULL THEN 'Reopened'
                     WHEN acked THEN CASE lifecycle WHEN 'standard' THEN 'InProgress' WHEN 'corrective-action' THEN 'Contained' ELSE 'ContainmentConfirmed' END
                     WHEN escalated AND lifecycle = 'standard' THEN 'Escalated'
                     WHEN lifecycle = 'supplier-corrective-action' THEN 'Issued' ELSE 'Routed' END AS state,
                CASE WHEN handed OR cancelled OR verified_at IS NOT NULL THEN 'Final'
                     WHEN res2_at IS NOT NULL OR (resolved AND reopen_at IS NULL) THEN 'Waiting'
                     WHEN reopen_at IS NOT NULL THEN 'Acknowledgement'
                     WHEN acked OR (escalated AND lifecycle = 'standard') THEN 'Resolution' ELSE 'Acknowledgement' END AS stage
              FROM bench_items b) p;
            -- The inbox's totals: the tallies' triggers are off here, so the new items are counted as the migration counts a store's.
            INSERT INTO work_item_tallies ("Department", "Stage", "State", "Items")
            SELECT w."Department", w."Stage", w."State", count(*) FROM bench_items b JOIN work_items w ON w."Id" = b.id GROUP BY 1, 2, 3;
            """));

        WithoutIndexes(psql, "work_item_rules", () => Step("work_item_rules", $"""
            INSERT INTO work_item_rules ("WorkItemId", "Rule", "RulesetVersion", "Department", "CreatedAt",
              "HandedBack", "Resolved", "ResolveTookSeconds", "Verified", "Reopened")
            SELECT w."Id", r, w."RulesetVersion", w."Department", w."CreatedAt", w."HandedBackAt" IS NOT NULL, w."FirstResolvedAt" IS NOT NULL,
              w."ResolveTookSeconds", w."VerifiedAt" IS NOT NULL, w."ReopenedCount" > 0
            FROM bench_items b JOIN work_items w ON w."Id" = b.id, unnest(w."MatchedRules") r
            """));

        // Reports after their items: where they went, and FixedAt (every item not cancelled or
        // handed back verified, at least one) come from them.
        WithoutIndexes(psql, "reports", () => Step("reports", $"""
            INSERT INTO reports ("Id", "Title", "Product", "Category", "ReportCount", "Months", "Severity", "Evidence", "VerifiedBy",
              "VerifiedAt", "ReceivedAt", "RulesetVersion", "Notify", "PatternKey", "RoutedTo", "SubmittedBy", "FixedAt")
            SELECT report_id, 'Bench pattern ' || ri, 'HX-' || (200 + ri % 20 * 10),
              (ARRAY['quality','supply','design','marketing','sales-conduct','pricing','policy','third-party','other'])[1 + ri % 9],
              5 + ri % 200, ARRAY[]::integer[], (ARRAY['low','medium','high','critical'])[1 + ri % 4], ARRAY[]::text[], csm, created, created, version, ARRAY[]::text[],
              'bench|' || ri, array_agg(DISTINCT dept), csm,
              CASE WHEN bool_and(verified_at IS NOT NULL OR handed OR cancelled) AND count(verified_at) > 0 THEN max(verified_at) END
            FROM bench_items GROUP BY report_id, ri, csm, created, version
            """));

        WithoutIndexes(psql, "effectiveness", () => Step("effectiveness", $"""
            INSERT INTO effectiveness ("Id", "WorkItemId", "Department", "Product", "Category", "Months", "BeforeComplaints", "BeforeUnits",
              "BeforeFrom", "BeforeTo", "BaselineRate", "DefaultTarget", "Target", "Loosened", "WindowDays", "FixedAt", "FixedBy",
              "AfterFrom", "AfterTo", "Extended", "Verdict", "AfterComplaints", "AfterUnits", "PValue", "CheckedAt", "DecidedBy")
            SELECT md5('check-' || j)::uuid, id, dept, 'HX-' || (200 + ri % 20 * 10), 'quality', ARRAY[]::integer[], 40 + j % 60, 50000, (res_at - interval '90 days')::date, res_at::date,
              0.001, 0.0005, 0.0005, false, 14, res_at, 'head-' || dept, res_at::date, (res_at + interval '14 days')::date, false,
              CASE WHEN reopen_at IS NOT NULL THEN 'not-effective' WHEN j % 10 = 0 THEN 'inconclusive' ELSE 'effective' END,
              CASE WHEN reopen_at IS NOT NULL THEN 50 ELSE 10 END, 50000, 0.01, coalesce(reopen_at, res_at + interval '14 days'), NULL
            FROM bench_items WHERE (reopen_at IS NOT NULL OR verified_at IS NOT NULL) AND (hashint4(j::int) & 7) < 3
            ORDER BY j LIMIT {added / 5};
            UPDATE reports r SET "VerifiedEffective" = true
            FROM (SELECT w."ReportId" FROM effectiveness e JOIN work_items w ON w."Id" = e."WorkItemId"
                  WHERE e."Verdict" IN ('effective', 'not-effective') GROUP BY w."ReportId" HAVING bool_and(e."Verdict" = 'effective')) x
            WHERE r."Id" = x."ReportId" AND NOT r."VerifiedEffective";
            """));

        // The history: each item's story, its report's two events, and notifications to make up
        // ten events per item. In time order, numbered after what the store holds, pre-sealed.
        var lifecycleFirst = "CASE lifecycle WHEN 'supplier-corrective-action' THEN 'Issued' ELSE 'Routed' END";
        var working = "CASE lifecycle WHEN 'standard' THEN 'InProgress' WHEN 'corrective-action' THEN 'ActionPlanned' ELSE 'RootCauseAccepted' END";
        string Acted(string before, string after, string? note = null) =>
            $"json_build_object('before', {before}, 'after', {after}, 'note', {note ?? "NULL::text"})::text";
        string Stamp(string at) => $"to_char({at}, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"+00:00\"')";
        var stories = $"""
            SELECT created AS at, csm AS actor, 'work-item.routed' AS kind, report_id AS rid, id AS wid, dept,
              json_build_object('before', NULL::text, 'after', {lifecycleFirst}, 'priority', 'P' || pr, 'ackDueAt', {Stamp("created + ackw")},
                'resolveDueAt', {Stamp("created + resw")}, 'matchedRules', json_build_array('BenchRule' || lpad(rule::text, 2, '0')))::text AS data
              FROM bench_items
            UNION ALL SELECT created + ackw, 'system:timer', 'work-item.escalated', report_id, id, dept,
              json_build_object('before', {lifecycleFirst}, 'after', CASE lifecycle WHEN 'standard' THEN 'Escalated' ELSE {lifecycleFirst} END,
                'reason', 'not acknowledged by its due time')::text
              FROM bench_items WHERE escalated
            UNION ALL SELECT created + ack_took * interval '1 second', 'head-' || dept,
              CASE lifecycle WHEN 'supplier-corrective-action' THEN 'work-item.acted' ELSE 'work-item.acknowledged' END, report_id, id, dept,
              CASE lifecycle WHEN 'supplier-corrective-action'
                THEN json_build_object('action', 'confirm-containment', 'before', 'Issued', 'after', 'ContainmentConfirmed', 'note', NULL::text)::text
                ELSE {Acted($"CASE WHEN escalated AND lifecycle = 'standard' THEN 'Escalated' ELSE 'Routed' END", "'Acknowledged'")} END
              FROM bench_items WHERE acked
            UNION ALL SELECT created + (ack_took + (res_took - ack_took) / 3) * interval '1 second', 'head-' || dept,
              CASE lifecycle WHEN 'standard' THEN 'work-item.started' ELSE 'work-item.acted' END, report_id, id, dept,
              CASE lifecycle WHEN 'standard' THEN {Acted("'Acknowledged'", "'InProgress'")}
                WHEN 'corrective-action' THEN json_build_object('action', 'contain', 'before', 'Acknowledged', 'after', 'Contained', 'note', NULL::text)::text
                ELSE json_build_object('action', 'propose-cause', 'before', 'ContainmentConfirmed', 'after', 'CauseProposed', 'note', NULL::text)::text END
              FROM bench_items WHERE acked AND created + (ack_took + (res_took - ack_took) / 3) * interval '1 second' <= coalesce(cancel_at, {t0})
            UNION ALL SELECT res_at, 'head-' || dept, 'work-item.resolved', report_id, id, dept, {Acted(working, "'Resolved'", "'fixed'")}
              FROM bench_items WHERE resolved
            UNION ALL SELECT reopen_at, 'system:timer', 'work-item.reopened', report_id, id, dept,
              json_build_object('before', 'Resolved', 'after', 'Reopened', 'reportsSinceResolution', 1,
                'ackDueAt', {Stamp("reopen_at + ackw")}, 'resolveDueAt', {Stamp("reopen_at + resw")})::text
              FROM bench_items WHERE reopen_at IS NOT NULL
            UNION ALL SELECT res2_at, 'head-' || dept, 'work-item.resolved', report_id, id, dept, {Acted(working, "'Resolved'", "'fixed again'")}
              FROM bench_items WHERE res2_at IS NOT NULL
            UNION ALL SELECT verified_at, 'system:timer', 'work-item.verified', report_id, id, dept,
              json_build_object('before', 'Resolved', 'after', 'Verified', 'resolvedAt', {Stamp("coalesce(res2_at, res_at)")})::text
              FROM bench_items WHERE verified_at IS NOT NULL
            UNION ALL SELECT created + ack_took / 2 * interval '1 second', 'head-' || dept, 'work-item.handed-back', report_id, id, dept,
              {Acted(lifecycleFirst, "'HandedBack'", "'not ours'")}
              FROM bench_items WHERE handed
            UNION ALL SELECT cancel_at, 'head-' || dept, 'work-item.cancelled', report_id, id, dept,
              {Acted($"CASE WHEN stale AND acked THEN {working} ELSE {lifecycleFirst} END", "'Cancelled'", "CASE WHEN stale THEN 'stale' ELSE 'duplicate' END")}
              FROM bench_items WHERE cancelled
            UNION ALL SELECT created, csm, 'report.accepted', report_id, NULL, NULL,
              json_build_object('title', 'Bench pattern ' || ri, 'product', 'HX-' || (200 + ri % 20 * 10), 'category', 'quality',
                'severity', 'high', 'reportCount', 5 + ri % 200, 'patternKey', 'bench|' || ri)::text
              FROM bench_items WHERE j - {from} <= {reports}
            UNION ALL SELECT created, csm, 'report.routed', report_id, NULL, NULL,
              json_build_object('rulesetVersion', version, 'firedRules', json_build_array('BenchRule' || lpad(rule::text, 2, '0')),
                'routes', json_build_array(json_build_object('department', dept, 'priority', 'P' || pr,
                  'matchedRules', json_build_array('BenchRule' || lpad(rule::text, 2, '0')))), 'notify', json_build_array())::text
              FROM bench_items WHERE j - {from} <= {reports}
            """;
        WithoutIndexes(psql, "history", () => Step("history", $"""
            CREATE TEMP TABLE stories AS {stories};
            CREATE TEMP TABLE notes AS
              SELECT created + k * interval '1 second' AS at, 'system:notifier' AS actor,
                CASE WHEN k % 2 = 1 THEN 'notification.queued' ELSE 'notification.attempted' END AS kind, report_id AS rid, id AS wid, dept,
                CASE WHEN k % 2 = 1
                  THEN json_build_object('eventId', md5('note-' || j || '-' || k)::uuid, 'event', 'work-item.routed', 'to', dept)::text
                  ELSE json_build_object('eventId', md5('note-' || j || '-' || (k - 1))::uuid, 'event', 'work-item.routed', 'channel', 'email',
                    'attempts', 1, 'outcome', 'Sent', 'error', NULL::text)::text END AS data
              FROM bench_items,
                generate_series(1, greatest(0, ({events} - (SELECT count(*) FROM stories)) / {added}
                  + CASE WHEN j - {from} <= greatest(0, {events} - (SELECT count(*) FROM stories)) % {added} THEN 1 ELSE 0 END)) k;
            INSERT INTO history ("Sequence", "At", "Actor", "Kind", "ReportId", "WorkItemId", "Department", "Data", "PreviousHash", "Hash", "ChainIndex")
            SELECT base + n, at, actor, kind, rid, wid, dept, data, 'bench', 'bench', base + n
            FROM (SELECT e.*, row_number() OVER (ORDER BY at) AS n FROM (SELECT * FROM stories UNION ALL SELECT * FROM notes) e) e,
              (SELECT greatest(coalesce(max("Sequence"), 0), coalesce(max("ChainIndex"), 0)) AS base FROM history) b
            ORDER BY n;
            SELECT setval(pg_get_serial_sequence('history', 'Sequence'), (SELECT max("Sequence") FROM history));
            """));

        Step("drop the plan", "DROP TABLE bench_items;");
        // Vacuumed as autovacuum keeps a steady store: the visibility map set, so the metrics' index-only
        // scans read the index alone (a store just filled in bulk would have every page unvisited).
        var vacuum = Stopwatch.StartNew();
        psql.Run("VACUUM ANALYZE");
        seconds["vacuum analyze"] = vacuum.Elapsed.TotalSeconds;
        Console.WriteLine($"metrics data: vacuum analyze {seconds["vacuum analyze"]:F1} s");
        long Count(string table, string where = "") => long.Parse(psql.Run($"SELECT count(*) FROM {table} {where}").Trim(), CultureInfo.InvariantCulture);
        return new(Count("work_items"), Count("reports"), Count("work_item_rules"), Count("effectiveness"), Count("history"), seconds,
            total.Elapsed.TotalSeconds);
    }

    /// Drops a table's secondary indexes (not its primary key), runs `fill`, and builds them again
    /// from their definitions as the migrations made them.
    static void WithoutIndexes(Psql psql, string table, Action fill)
    {
        var definitions = psql.Run($"""
            SELECT indexname || E'\t' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename = '{table}' AND indexname NOT LIKE 'PK\_%'
            """).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        psql.Run(string.Concat(definitions.Select(d => $"DROP INDEX \"{d[0]}\";")) is { Length: > 0 } drop ? drop : "SELECT 1");
        fill();
        var clock = Stopwatch.StartNew();
        foreach (var d in definitions) psql.Run($"SET maintenance_work_mem = '1GB'; {d[1]}");
        Console.WriteLine($"metrics data: {table}: {definitions.Count} indexes made again in {clock.Elapsed.TotalSeconds:F1} s");
    }

    static string Literal(DateTimeOffset t) => $"'{t.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'::timestamptz";
}
