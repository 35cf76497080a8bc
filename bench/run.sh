#!/usr/bin/env bash
# Runs Routing's benchmarks against a throwaway PostgreSQL and writes
# bench/results/latest.md and latest.json.   bench/run.sh [--quick] [--only patterns|metrics]
# Suites: pgbench TPC-B baseline (the physical anchor), HTTP intake (closed loop for the
# maximum, open loop at 50% for latency), timers (intake with 100,000 pending, a burst of
# 10,000 due at once), history at scale (seal, verify, export, query), patterns (import
# against psql \copy, scan, the Patterns page with 10,000 candidates; 1M and 10M complaints,
# quick: 100k; PATTERNS_SIZES=N,N… to choose), accountability metrics (the Accountability page
# and /api/metrics on 1M work items and 10M history events made in SQL, the cold fill of the
# period cache, the write path's cost on intake, the backfill's rate; quick: 100k items;
# METRICS_ITEMS=N to choose), rule evaluation (BenchmarkDotNet).
# --only patterns (or metrics) runs that suite alone; latest.md keeps the other suites' numbers
# from the runs before, and says from when. Either way the README's performance table is then
# rewritten from latest.json (between its bench:targets markers).
# Ports: BENCH_HOST_PORT (5095), BENCH_PATTERNS_PORT (5096), BENCH_METRICS_PORT (5098).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
QUICK=""; ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --only) ONLY="${2:-}"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--only patterns|metrics]"; exit 2 ;;
  esac
  shift
done
case "$ONLY" in ""|patterns|metrics) ;; *) echo "--only: the suites that run alone are patterns and metrics"; exit 2 ;; esac
PATTERNS_SIZES=${PATTERNS_SIZES:-1000000,10000000}; [ -n "$QUICK" ] && PATTERNS_SIZES=${PATTERNS_SIZES_QUICK:-100000}
METRICS_ITEMS=${METRICS_ITEMS:-1000000}; [ -n "$QUICK" ] && METRICS_ITEMS=${METRICS_ITEMS_QUICK:-100000}
OUT=bench/results
# The hosts' ports (the metrics suite's: BENCH_METRICS_PORT), to choose when other runs use these.
HOST_PORT=${BENCH_HOST_PORT:-5095}; PATTERNS_PORT=${BENCH_PATTERNS_PORT:-5096}
# The README's performance table is rewritten from the results at the end: its markers must be there.
grep -qF '<!-- bench:targets' README.md || { echo "README.md: the performance table's markers (<!-- bench:targets … -->) are missing"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/routing-bench.XXXXXX")
HOST_PID=""

source scripts/postgres.sh
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  postgres_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== build (Release)"
dotnet build Routing.sln -c Release -v q -nologo
postgres_start
PGPASSWORD=$(sed 's/.*Password=\([^;]*\).*/\1/' <<<"$ROUTING_TEST_POSTGRES"); export PGPASSWORD
PG=(-h 127.0.0.1 -p "$PGPORT_TEST" -U postgres)
"$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE pgbench" -c "CREATE DATABASE routing" >/dev/null

BENCH=(dotnet bench/Routing.Bench/bin/Release/net10.0/Routing.Bench.dll)

# The patterns suite, on a database of its own and a host of its own: its data set goes into the
# bench's temp folder and is deleted after each size.
run_patterns() {
  echo "== patterns: $PATTERNS_SIZES complaints"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE patterns" >/dev/null
  local key="bench-admin-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  Routing__Storage__Provider=Postgres ConnectionStrings__Routing="$ROUTING_TEST_POSTGRES;Database=patterns" \
    Routing__Auth__BootstrapAdminKey="$key" Urls=http://127.0.0.1:$PATTERNS_PORT Logging__LogLevel__Default=Warning \
    dotnet host/bin/Release/net10.0/Routing.Host.dll --contentRoot "$PWD/host/bin/Release/net10.0" >"$WORK/patterns-host.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$PATTERNS_PORT/health >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf http://127.0.0.1:$PATTERNS_PORT/health >/dev/null || { echo "the host did not start:"; tail -20 "$WORK/patterns-host.log"; exit 1; }
  "${BENCH[@]}" patterns --url http://127.0.0.1:$PATTERNS_PORT --key "$key" --psql "$PGBIN/psql" --pg-port "$PGPORT_TEST" --pg-db patterns \
    --sizes "$PATTERNS_SIZES" --out "$WORK"
  kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""
}

# The metrics suite, on a database of its own; it starts and stops its hosts itself (it times the
# backfill, which runs before a host serves). Its data set stays in that database.
run_metrics() {
  echo "== metrics: $METRICS_ITEMS work items"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE routing_metrics" >/dev/null
  local previous=(); [ -f "$OUT/latest.json" ] && previous=(--previous "$OUT/latest.json")
  "${BENCH[@]}" metrics --host-dll host/bin/Release/net10.0/Routing.Host.dll --connection "$ROUTING_TEST_POSTGRES;Database=routing_metrics" \
    --psql "$PGBIN/psql" --pg-port "$PGPORT_TEST" --pg-db routing_metrics --items "$METRICS_ITEMS" $QUICK "${previous[@]}" --out "$WORK"
}

if [ -n "$ONLY" ]; then
  "run_$ONLY"
  mkdir -p "$OUT"
  PREVIOUS=(); [ -f "$OUT/latest.json" ] && PREVIOUS=(--previous "$OUT/latest.json" --only "$ONLY")
  [ -f "$OUT/latest.json" ] || PREVIOUS=(--pgbench-tps NaN)
  "${BENCH[@]}" report "${PREVIOUS[@]}" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" $QUICK --out "$WORK"
  cp "$WORK/latest.md" "$WORK/latest.json" "$OUT/"
  echo "== wrote $OUT/latest.md and $OUT/latest.json ($ONLY only)"
  "${BENCH[@]}" readme --results "$OUT/latest.json" --readme README.md
  exit 0
fi

SECONDS_PGBENCH=20; [ -n "$QUICK" ] && SECONDS_PGBENCH=5
echo "== baseline: pgbench TPC-B, 4 clients, ${SECONDS_PGBENCH} s"
"$PGBIN/pgbench" "${PG[@]}" -q -i -s 10 pgbench >/dev/null 2>&1
TPS=$("$PGBIN/pgbench" "${PG[@]}" -c 4 -j 2 -T "$SECONDS_PGBENCH" pgbench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "pgbench: $TPS tps"

echo "== intake: Release host on PostgreSQL"
KEY="bench-admin-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
Routing__Storage__Provider=Postgres ConnectionStrings__Routing="$ROUTING_TEST_POSTGRES;Database=routing" \
  Routing__Auth__BootstrapAdminKey="$KEY" Urls=http://127.0.0.1:$HOST_PORT Logging__LogLevel__Default=Warning \
  dotnet host/bin/Release/net10.0/Routing.Host.dll --contentRoot "$PWD/host/bin/Release/net10.0" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$HOST_PORT/health >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf http://127.0.0.1:$HOST_PORT/health >/dev/null || { echo "the host did not start:"; tail -20 "$WORK/host.log"; exit 1; }
"${BENCH[@]}" intake --url http://127.0.0.1:$HOST_PORT --key "$KEY" $QUICK --out "$WORK"
sql() { "$PGBIN/psql" "${PG[@]}" -d routing -Atqc "$1"; }

PENDING=100000; BURST=10000; [ -n "$QUICK" ] && BURST=2000
echo "== timers: intake with $PENDING timers pending, then $BURST due at once"
# Pending timers spread over the next week, on the items intake made: the clock's queries must not slow down with them.
sql "INSERT INTO timers (\"Id\",\"WorkItemId\",\"Step\",\"Round\",\"DueAt\",\"Status\")
  SELECT gen_random_uuid(), w.\"Id\", 'follow-up', 0, now() + interval '1 day' + random() * interval '6 days', 'Pending'
  FROM generate_series(1, $PENDING) i JOIN (SELECT \"Id\", row_number() OVER () AS n FROM work_items) w ON w.n = 1 + i % (SELECT count(*) FROM work_items)"
"${BENCH[@]}" intake --url http://127.0.0.1:$HOST_PORT --key "$KEY" $QUICK --closed-only --name intake-pending --out "$WORK"
# The burst: one follow-up per unacknowledged item (a reminder, a notification and the next
# follow-up each), all due at the same instant, 40 s ahead so the clock hands them over early.
DUE=$(sql "SELECT to_char(date_trunc('second', now()) + interval '40 s', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
BURST=$(sql "WITH t AS (INSERT INTO timers (\"Id\",\"WorkItemId\",\"Step\",\"Round\",\"DueAt\",\"Status\")
  SELECT gen_random_uuid(), \"Id\", 'follow-up', 0, '$DUE', 'Pending' FROM work_items WHERE \"State\" = 'Routed' LIMIT $BURST RETURNING 1)
  SELECT count(*) FROM t")
BURST_LEFT="SELECT count(*) FROM timers WHERE \"DueAt\" = '$DUE' AND \"Status\" = 'Pending'"
until [ "$(sql "$BURST_LEFT")" = 0 ]; do sleep 2; echo "  burst due $DUE: $(sql "$BURST_LEFT") of $BURST still pending"; done
sql "SELECT json_build_object('Pending', $PENDING, 'Burst', count(*),
    'P50Seconds', percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM \"FiredAt\" - \"DueAt\")),
    'P99Seconds', percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM \"FiredAt\" - \"DueAt\")),
    'MaxSeconds', max(extract(epoch FROM \"FiredAt\" - \"DueAt\")))
  FROM timers WHERE \"DueAt\" = '$DUE'" > "$WORK/timers.json"
cat "$WORK/timers.json"

EVENTS=1000000; [ -n "$QUICK" ] && EVENTS=100000
echo "== history: $EVENTS events"
"$PGBIN/psql" "${PG[@]}" -d routing -qc "INSERT INTO history (\"At\",\"Actor\",\"Kind\",\"WorkItemId\",\"Department\",\"Data\")
  SELECT now(), 'bench', 'bench.event', md5((i % 10000)::text)::uuid, 'logistics', '{\"n\":' || i || '}' FROM generate_series(1, $EVENTS) i"
SEAL_START=$(date +%s%N)
until [ "$("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history WHERE "ChainIndex" IS NULL')" = 0 ]; do
  sleep 2; echo "  sealing: $("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history WHERE "ChainIndex" IS NULL') left"
done
SEAL_S=$(awk -v a="$SEAL_START" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')
AUTH=(-H "Authorization: Bearer $KEY")
VERIFY_S=$(curl -s -o "$WORK/verify.json" -w '%{time_total}' "${AUTH[@]}" http://127.0.0.1:$HOST_PORT/api/history/verify)
NDJSON_S=$(curl -s -o /dev/null -w '%{time_total}' "${AUTH[@]}" "http://127.0.0.1:$HOST_PORT/api/history/export?format=ndjson")
CSV_S=$(curl -s -o /dev/null -w '%{time_total}' "${AUTH[@]}" "http://127.0.0.1:$HOST_PORT/api/history/export?format=csv")
ITEM=$("$PGBIN/psql" "${PG[@]}" -d routing -Atc "SELECT md5('4242')::uuid")
for _ in $(seq 1 40); do curl -s -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "http://127.0.0.1:$HOST_PORT/api/history?workItemId=$ITEM&limit=100"; done \
  | sort -n > "$WORK/timeline.txt"
P95_S=$(sed -n '38p' "$WORK/timeline.txt")
TOTAL=$("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history')
printf '{ "Events": %s, "SealSeconds": %s, "VerifySeconds": %s, "NdjsonSeconds": %s, "CsvSeconds": %s, "QueryP95Seconds": %s, "Verify": %s }\n' \
  "$TOTAL" "$SEAL_S" "$VERIFY_S" "$NDJSON_S" "$CSV_S" "$P95_S" "$(cat "$WORK/verify.json")" > "$WORK/history.json"
cat "$WORK/history.json"
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""

run_patterns
run_metrics

echo "== rules: BenchmarkDotNet"
"${BENCH[@]}" rules $QUICK --out "$WORK"

mkdir -p "$OUT"
"${BENCH[@]}" report --pgbench-tps "$TPS" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" $QUICK --out "$WORK"
cp "$WORK/latest.md" "$WORK/latest.json" "$OUT/"
echo "== wrote $OUT/latest.md and $OUT/latest.json"
# The README's performance table is drawn from latest.json, never typed; this fails without its markers.
"${BENCH[@]}" readme --results "$OUT/latest.json" --readme README.md
