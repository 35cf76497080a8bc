-- One report's work in PostgreSQL, without the host: pgbench -M prepared -f bench/report-write.sql,
-- on a database migrated to Routing's schema (bench/run.sh starts a host on it first, then runs this
-- with the clients and threads of the TPC-B baseline). Its rate is the most reports/s this server
-- could store if the host cost nothing: intake's honest limit.
--
-- How it was derived: a Release host on a database of its own with log_statement=all (PostgreSQL's
-- log), one POST /api/reports per shape of the bench's mix (bench/Routing.Bench/IntakeLoad.cs Body:
-- 1, 2 or 3 departments, a third each), the statements of the request's backend copied here with
-- their columns and the values they carried (the ids are UUIDv7s made per run, the JSON is what the
-- host wrote, the same lengths). Same tables, rows, columns and indexes, in one transaction:
--   idempotency_keys read (before the transaction), advisory lock of the pattern, the pattern's
--   reports read, then 1 report, k work items, k work_item_rules, 2k timers, k notifications,
--   2 + k history events and 1 idempotency key (4 + 6k rows), and COMMIT.
-- In three round trips, the fewest the work allows (a pattern's reports are read only after its lock
-- is held): the retry check with the ids, then BEGIN, the lock and the read in one pipeline, then the
-- inserts and COMMIT in one pipeline (the host sends the inserts in one batch, EF Core's SaveChanges).
-- Left out: what runs after the request (history sealing, the outbox's delivery, the clock), the
-- API key lookup of authentication, and the one in ten requests that is a retry (a read only).
\set k random(1, 3)
\set n random(1, 999999999)
-- The retry check, and the ids (UUIDv7: milliseconds, then random, as the host makes them) in the same round trip.
SELECT (SELECT i."ResponseJson" FROM idempotency_keys AS i WHERE i."Key" = md5(:client_id::text || '-' || :n::text)::uuid::text LIMIT 1) AS replay,
  'bench-' || md5(random()::text) AS product,
  -- Colons before a name would be pgbench variables in the statements below: these values carry theirs.
  'system' || chr(58) || 'rules' AS sysrules, 'http' || chr(58) || '//localhost' || chr(58) || '5080' AS base,
  to_json(now())#>>'{}' AS at, to_json(now() + interval '1 day')#>>'{}' AS ack, to_json(now() + interval '7 days')#>>'{}' AS resolve,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS rid,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS w1,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS w2,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS w3,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS n1,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS n2,
  (lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 19))::uuid::text AS n3 \gset
\startpipeline
BEGIN;
SELECT pg_advisory_xact_lock(727002, hashtext(:product::text || '|quality||||1,11,12'));
SELECT r."Id" FROM reports AS r WHERE r."PatternKey" = :product::text || '|quality||||1,11,12';
\endpipeline
\startpipeline
INSERT INTO history ("Actor", "ActorKeyId", "At", "ChainIndex", "Data", "Department", "Hash", "Kind", "PreviousHash", "ReportId", "WorkItemId")
  VALUES ('bootstrap-admin', '01a2289b-a5fb-7b65-b41e-d0cb5585993c', now(), NULL,
  '{"title":"Load ' || :n::text || '","product":"' || :product::text || '","category":"quality","severity":"high","reportCount": 3,"patternKey":"' || :product::text || '|quality||||1,11,12"}',
  NULL, NULL, 'report.accepted', NULL, :rid, NULL) RETURNING "Sequence";
INSERT INTO history ("Actor", "ActorKeyId", "At", "ChainIndex", "Data", "Department", "Hash", "Kind", "PreviousHash", "ReportId", "WorkItemId")
  VALUES (:sysrules, NULL, now(), NULL,
  '{"rulesetVersion": 1,"firedRules":["HighSeverity","QualityDefectToManufacturing","SeasonalQualityDefectToRnd","ThirdPartyToVendor"],"routes":[{"department":"manufacturing","priority":"P2","matchedRules":["QualityDefectToManufacturing"]},{"department":"rnd","priority":"P2","matchedRules":["SeasonalQualityDefectToRnd"]},{"department":"acme-parts","priority":"P2","matchedRules":["ThirdPartyToVendor"]}],"notify":[],"ruleFailures":[]}',
  NULL, NULL, 'report.routed', NULL, :rid, NULL) RETURNING "Sequence";
INSERT INTO history ("Actor", "ActorKeyId", "At", "ChainIndex", "Data", "Department", "Hash", "Kind", "PreviousHash", "ReportId", "WorkItemId")
  VALUES (:sysrules, NULL, now(), NULL,
  '{"before": null,"after":"Routed","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["QualityDefectToManufacturing"]}',
  'manufacturing', NULL, 'work-item.routed', NULL, :rid, :w1) RETURNING "Sequence";
\if :k >= 2
INSERT INTO history ("Actor", "ActorKeyId", "At", "ChainIndex", "Data", "Department", "Hash", "Kind", "PreviousHash", "ReportId", "WorkItemId")
  VALUES (:sysrules, NULL, now(), NULL,
  '{"before": null,"after":"Routed","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["SeasonalQualityDefectToRnd"]}',
  'rnd', NULL, 'work-item.routed', NULL, :rid, :w2) RETURNING "Sequence";
\endif
\if :k >= 3
INSERT INTO history ("Actor", "ActorKeyId", "At", "ChainIndex", "Data", "Department", "Hash", "Kind", "PreviousHash", "ReportId", "WorkItemId")
  VALUES (:sysrules, NULL, now(), NULL,
  '{"before": null,"after":"Issued","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["ThirdPartyToVendor"]}',
  'acme-parts', NULL, 'work-item.routed', NULL, :rid, :w3) RETURNING "Sequence";
\endif
INSERT INTO idempotency_keys ("Key", "CreatedAt", "ReportId", "RequestHash", "ResponseJson")
  VALUES (md5(:client_id::text || '-' || :n::text)::uuid::text, now(), :rid, md5(:rid::text) || md5(:product::text),
  '{"reportId":"' || :rid::text || '","rulesetVersion": 1,"workItems":[{"id":"' || :w1::text || '","department":"manufacturing","priority":"P2","state":"Routed","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["QualityDefectToManufacturing"],"recurrence": false,"reprioritizedFrom": null,"reason": null},{"id":"' || :w2::text || '","department":"rnd","priority":"P2","state":"Routed","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["SeasonalQualityDefectToRnd"],"recurrence": false,"reprioritizedFrom": null,"reason": null},{"id":"' || :w3::text || '","department":"acme-parts","priority":"P2","state":"Issued","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","matchedRules":["ThirdPartyToVendor"],"recurrence": false,"reprioritizedFrom": null,"reason": null}],"notify":[]}');
INSERT INTO notifications ("Id", "Attempts", "Channel", "CreatedAt", "Department", "Event", "HandedOffAt", "NextAttemptAt", "Payload", "ReportId", "Role", "RulesetVersion", "Status", "To", "WorkItemId")
  VALUES (:n1, 0, NULL, now(), 'manufacturing', 'routed', NULL, now(),
  '{"type":"work_item.routed","timestamp":"' || :at::text || '","data":{"schemaVersion": 1,"eventId":"' || :n1::text || '","event":"routed","recipient":"manufacturing","role":"owner","workItemId":"' || :w1::text || '","reportId":"' || :rid::text || '","title":"Load ' || :n::text || '","product":"' || :product::text || '","category":"quality","department":"manufacturing","state":"Routed","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","links":{"api":"' || :base::text || '/api/work-items/' || :w1::text || '","report":"' || :base::text || '/api/reports/' || :rid::text || '","console":"' || :base::text || '/console/items/' || :w1::text || '"}}}',
  :rid, 'owner', 1, 'Pending', NULL, :w1);
\if :k >= 2
INSERT INTO notifications ("Id", "Attempts", "Channel", "CreatedAt", "Department", "Event", "HandedOffAt", "NextAttemptAt", "Payload", "ReportId", "Role", "RulesetVersion", "Status", "To", "WorkItemId")
  VALUES (:n2, 0, NULL, now(), 'rnd', 'routed', NULL, now(),
  '{"type":"work_item.routed","timestamp":"' || :at::text || '","data":{"schemaVersion": 1,"eventId":"' || :n2::text || '","event":"routed","recipient":"rnd","role":"owner","workItemId":"' || :w2::text || '","reportId":"' || :rid::text || '","title":"Load ' || :n::text || '","product":"' || :product::text || '","category":"quality","department":"rnd","state":"Routed","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","links":{"api":"' || :base::text || '/api/work-items/' || :w2::text || '","report":"' || :base::text || '/api/reports/' || :rid::text || '","console":"' || :base::text || '/console/items/' || :w2::text || '"}}}',
  :rid, 'owner', 1, 'Pending', NULL, :w2);
\endif
\if :k >= 3
INSERT INTO notifications ("Id", "Attempts", "Channel", "CreatedAt", "Department", "Event", "HandedOffAt", "NextAttemptAt", "Payload", "ReportId", "Role", "RulesetVersion", "Status", "To", "WorkItemId")
  VALUES (:n3, 0, NULL, now(), 'acme-parts', 'routed', NULL, now(),
  '{"type":"work_item.routed","timestamp":"' || :at::text || '","data":{"schemaVersion": 1,"eventId":"' || :n3::text || '","event":"routed","recipient":"acme-parts","role":"owner","workItemId":"' || :w3::text || '","reportId":"' || :rid::text || '","title":"Load ' || :n::text || '","product":"' || :product::text || '","category":"quality","department":"acme-parts","state":"Issued","priority":"P2","ackDueAt":"' || :ack::text || '","resolveDueAt":"' || :resolve::text || '","links":{"api":"' || :base::text || '/api/work-items/' || :w3::text || '","report":"' || :base::text || '/api/reports/' || :rid::text || '","console":"' || :base::text || '/console/items/' || :w3::text || '"}}}',
  :rid, 'owner', 1, 'Pending', NULL, :w3);
\endif
INSERT INTO reports ("Id", "Accessibility", "AffectedUnits", "AgeGroup", "Category", "Description", "Evidence", "FailureRate", "FixedAt", "Months", "Notify", "PatternId", "PatternKey", "Product", "ReceivedAt", "Recommendation", "Region", "ReportCount", "RoutedTo", "RulesetVersion", "Severity", "SubmittedBy", "Title", "UnitsSold", "Vendor", "VerifiedAt", "VerifiedBy")
  VALUES (:rid, NULL, 5, NULL, 'quality', NULL, ARRAY['ticket-' || :n::text], 0.005, NULL, '{1,11,12}', '{}', NULL, :product::text || '|quality||||1,11,12', :product, now(), NULL, NULL, 3,
  '{manufacturing,rnd,acme-parts}', 1, 'high', 'bootstrap-admin', 'Load ' || :n::text, 1000, 'acme-parts', '2026-01-01'::timestamptz, 'bench');
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '1 day', NULL, NULL, 0, 'Pending', 'follow-up', :w1);
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '7 days', NULL, NULL, 0, 'Pending', 'resolution-due', :w1);
\if :k >= 2
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '7 days', NULL, NULL, 0, 'Pending', 'resolution-due', :w2);
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '1 day', NULL, NULL, 0, 'Pending', 'follow-up', :w2);
\endif
\if :k >= 3
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '1 day', NULL, NULL, 0, 'Pending', 'response-due', :w3);
INSERT INTO timers ("Id", "DueAt", "FiredAt", "HandedOffAt", "Round", "Status", "Step", "WorkItemId")
  VALUES (gen_random_uuid(), now() + interval '7 days', NULL, NULL, 0, 'Pending', 'resolution-due', :w3);
\endif
INSERT INTO work_item_rules ("Rule", "WorkItemId", "CreatedAt", "Department", "RulesetVersion")
  VALUES ('QualityDefectToManufacturing', :w1, now(), 'manufacturing', 1);
\if :k >= 2
INSERT INTO work_item_rules ("Rule", "WorkItemId", "CreatedAt", "Department", "RulesetVersion")
  VALUES ('SeasonalQualityDefectToRnd', :w2, now(), 'rnd', 1);
\endif
\if :k >= 3
INSERT INTO work_item_rules ("Rule", "WorkItemId", "CreatedAt", "Department", "RulesetVersion")
  VALUES ('ThirdPartyToVendor', :w3, now(), 'acme-parts', 1);
\endif
INSERT INTO work_items ("Id", "AckDueAt", "AckMet", "AckPausedSeconds", "AckTookSeconds", "AckWithin", "AcknowledgedAt", "Calendar", "CalendarTime", "CreatedAt", "Department", "Fields", "FirstResolvedAt", "FollowUpEvery", "HandedBackAt", "Lifecycle", "MatchedRules", "MetricsVersion", "PausedAt", "Priority", "Recurrences", "ReopenedCount", "ReportId", "ResolutionCheckAfter", "ResolveDueAt", "ResolveMet", "ResolvePausedSeconds", "ResolveTookSeconds", "ResolveWithin", "ResolvedAt", "RulesetVersion", "Stage", "State", "UpdatedAt", "VerifiedAt", "Version")
  VALUES (:w1, now() + interval '1 day', NULL, 0, NULL, '1 day', NULL, NULL, '{resolutionCheckAfter}', now(), 'manufacturing', '{}', NULL, NULL, NULL, 'corrective-action',
  '{QualityDefectToManufacturing}', 1, NULL, 'P2', 0, 0, :rid, '14 days', now() + interval '7 days', NULL, 0, NULL, '7 days', NULL, 1, 'Acknowledgement', 'Routed', now(), NULL, 1);
\if :k >= 2
INSERT INTO work_items ("Id", "AckDueAt", "AckMet", "AckPausedSeconds", "AckTookSeconds", "AckWithin", "AcknowledgedAt", "Calendar", "CalendarTime", "CreatedAt", "Department", "Fields", "FirstResolvedAt", "FollowUpEvery", "HandedBackAt", "Lifecycle", "MatchedRules", "MetricsVersion", "PausedAt", "Priority", "Recurrences", "ReopenedCount", "ReportId", "ResolutionCheckAfter", "ResolveDueAt", "ResolveMet", "ResolvePausedSeconds", "ResolveTookSeconds", "ResolveWithin", "ResolvedAt", "RulesetVersion", "Stage", "State", "UpdatedAt", "VerifiedAt", "Version")
  VALUES (:w2, now() + interval '1 day', NULL, 0, NULL, '1 day', NULL, NULL, '{resolutionCheckAfter}', now(), 'rnd', '{}', NULL, NULL, NULL, 'corrective-action',
  '{SeasonalQualityDefectToRnd}', 1, NULL, 'P2', 0, 0, :rid, '14 days', now() + interval '7 days', NULL, 0, NULL, '7 days', NULL, 1, 'Acknowledgement', 'Routed', now(), NULL, 1);
\endif
\if :k >= 3
INSERT INTO work_items ("Id", "AckDueAt", "AckMet", "AckPausedSeconds", "AckTookSeconds", "AckWithin", "AcknowledgedAt", "Calendar", "CalendarTime", "CreatedAt", "Department", "Fields", "FirstResolvedAt", "FollowUpEvery", "HandedBackAt", "Lifecycle", "MatchedRules", "MetricsVersion", "PausedAt", "Priority", "Recurrences", "ReopenedCount", "ReportId", "ResolutionCheckAfter", "ResolveDueAt", "ResolveMet", "ResolvePausedSeconds", "ResolveTookSeconds", "ResolveWithin", "ResolvedAt", "RulesetVersion", "Stage", "State", "UpdatedAt", "VerifiedAt", "Version")
  VALUES (:w3, now() + interval '1 day', NULL, 0, NULL, '1 day', NULL, NULL, '{resolutionCheckAfter}', now(), 'acme-parts', '{}', NULL, NULL, NULL, 'supplier-corrective-action',
  '{ThirdPartyToVendor}', 1, NULL, 'P2', 0, 0, :rid, '14 days', now() + interval '7 days', NULL, 0, NULL, '7 days', NULL, 1, 'Acknowledgement', 'Issued', now(), NULL, 1);
\endif
COMMIT;
\endpipeline
