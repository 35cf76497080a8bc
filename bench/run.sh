#!/usr/bin/env bash
# Runs Routing's benchmarks against a throwaway PostgreSQL and writes
# bench/results/latest.md and latest.json.   bench/run.sh [--quick] [--only patterns|metrics]
# Suites: pgbench TPC-B baseline (the physical anchor), the report-write limit (pgbench running
# bench/report-write.sql: one report's statements without the host), HTTP intake (closed loop for the
# maximum and the CPU per report in the host and PostgreSQL, open loop at 50% for latency), timers (intake with 100,000 pending, a burst of
# 10,000 due at once), history at scale (seal, verify, export, query), patterns (import
# against psql \copy, scan, the Patterns page with 10,000 candidates; 1M and 10M complaints,
# quick: 20k; PATTERNS_SIZES=N,N… to choose), accountability metrics (the Accountability page
# and /api/metrics on 1M work items and 10M history events made in SQL, the cold fill of the
# period cache, the write path's cost on intake, the backfill's rate; quick: 20k items;
# METRICS_ITEMS=N to choose), cost as data grows (one database grown to 10k, 100k and 1M work
# items with ten history events each, the inbox, Overview, history and patterns scan reads and
# intake measured at each size, plotted into scaling.svg; quick: 2k and 20k; SCALING_SIZES=N,N…),
# rule evaluation (BenchmarkDotNet), scale-out (one host pinned to one core, then two hosts on one
# PostgreSQL, each pinned to a core of its own; not with --quick).
# --only patterns (or metrics, scaling) runs that suite alone; latest.md keeps the other suites' numbers
# from the runs before, and says from when. Either way the README's performance table is then
# rewritten from latest.json (between its bench:targets markers).
# --quick: every suite smaller and shorter (timers: 20,000 pending, a burst of 1,000; history: 20,000 events;
# metrics without the backfill and the cold fill of 156 weeks; scaling without intake; rules in process),
# a smoke check of the whole bench in under 3 minutes once PostgreSQL is installed and the code built; its
# figures say that each suite runs, not whether a target is met.
# BENCH_PORT=N: the first of the seven ports the bench's hosts listen on (default 5095).
set -euo pipefail
# A section of the run, with the seconds since it started (where a run spends its time).
say() { echo "== [$SECONDS s] $*"; }
cd "$(dirname "${BASH_SOURCE[0]}")/.."
QUICK=""; ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --only) ONLY="${2:-}"; shift ;;
    *) echo "usage: bench/run.sh [--quick] [--only patterns|metrics|scaling]"; exit 2 ;;
  esac
  shift
done
case "$ONLY" in ""|patterns|metrics|scaling) ;; *) echo "--only: the suites that run alone are patterns, metrics and scaling"; exit 2 ;; esac
PATTERNS_SIZES=${PATTERNS_SIZES:-1000000,10000000}; [ -n "$QUICK" ] && PATTERNS_SIZES=${PATTERNS_SIZES_QUICK:-20000}
METRICS_ITEMS=${METRICS_ITEMS:-1000000}; [ -n "$QUICK" ] && METRICS_ITEMS=${METRICS_ITEMS_QUICK:-20000}
SCALING_SIZES=${SCALING_SIZES:-10000,100000,1000000}; [ -n "$QUICK" ] && SCALING_SIZES=${SCALING_SIZES_QUICK:-2000,20000}
PORT=${BENCH_PORT:-5095}
OUT=bench/results
# The README's performance table is rewritten from the results at the end: its markers must be there.
grep -qF '<!-- bench:targets' README.md || { echo "README.md: the performance table's markers (<!-- bench:targets … -->) are missing"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/routing-bench.XXXXXX")
HOST_PID=""

source scripts/postgres.sh
cleanup() {
  [ -n "$HOST_PID" ] && kill $HOST_PID 2>/dev/null && wait $HOST_PID 2>/dev/null
  postgres_stop
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "build (Release)"
dotnet build Routing.sln -c Release -v q -nologo
postgres_start
PGPASSWORD=$(sed 's/.*Password=\([^;]*\).*/\1/' <<<"$ROUTING_TEST_POSTGRES"); export PGPASSWORD
PG=(-h 127.0.0.1 -p "$PGPORT_TEST" -U postgres)
"$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE pgbench" -c "CREATE DATABASE routing" >/dev/null

BENCH=(dotnet bench/Routing.Bench/bin/Release/net10.0/Routing.Bench.dll)
POSTMASTER=$(head -1 "$PGDATA_TEST/postmaster.pid")

# The patterns suite, on a database of its own and a host of its own: its data set goes into the
# bench's temp folder and is deleted after each size.
run_patterns() {
  say "patterns: $PATTERNS_SIZES complaints"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE patterns" >/dev/null
  local key="bench-admin-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  Routing__Storage__Provider=Postgres ConnectionStrings__Routing="$ROUTING_TEST_POSTGRES;Database=patterns" \
    Routing__Auth__BootstrapAdminKey="$key" Urls=http://127.0.0.1:$((PORT + 1)) Logging__LogLevel__Default=Warning \
    dotnet host/bin/Release/net10.0/Routing.Host.dll --contentRoot "$PWD/host/bin/Release/net10.0" >"$WORK/patterns-host.log" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$((PORT + 1))/health >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf http://127.0.0.1:$((PORT + 1))/health >/dev/null || { echo "the host did not start:"; tail -20 "$WORK/patterns-host.log"; exit 1; }
  "${BENCH[@]}" patterns --url http://127.0.0.1:$((PORT + 1)) --key "$key" --psql "$PGBIN/psql" --pg-port "$PGPORT_TEST" --pg-db patterns \
    --sizes "$PATTERNS_SIZES" --out "$WORK"
  kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""
}

# The metrics suite, on a database of its own; it starts and stops its hosts itself (it times the
# backfill, which runs before a host serves). Its data set stays in that database.
run_metrics() {
  say "metrics: $METRICS_ITEMS work items"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE routing_metrics" >/dev/null
  local previous=(); [ -f "$OUT/latest.json" ] && previous=(--previous "$OUT/latest.json")
  "${BENCH[@]}" metrics --host-dll host/bin/Release/net10.0/Routing.Host.dll --connection "$ROUTING_TEST_POSTGRES;Database=routing_metrics" \
    --psql "$PGBIN/psql" --pg-port "$PGPORT_TEST" --pg-db routing_metrics --items "$METRICS_ITEMS" --port $((PORT + 4)) $QUICK "${previous[@]}" --out "$WORK"
}

# The scaling suite, on a database of its own that it grows size by size; it starts its host
# (port BENCH_PORT + 6) at each size. Its chart, scaling.svg, goes beside latest.md.
run_scaling() {
  say "scaling: $SCALING_SIZES work items"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE routing_scaling" >/dev/null
  "${BENCH[@]}" scaling --host-dll host/bin/Release/net10.0/Routing.Host.dll --connection "$ROUTING_TEST_POSTGRES;Database=routing_scaling" \
    --psql "$PGBIN/psql" --pg-port "$PGPORT_TEST" --pg-db routing_scaling --sizes "$SCALING_SIZES" --port $((PORT + 6)) $QUICK --out "$WORK"
  mkdir -p "$OUT"; cp "$WORK/scaling.svg" "$OUT/"
}

if [ -n "$ONLY" ]; then
  "run_$ONLY"
  mkdir -p "$OUT"
  PREVIOUS=(); [ -f "$OUT/latest.json" ] && PREVIOUS=(--previous "$OUT/latest.json" --only "$ONLY")
  [ -f "$OUT/latest.json" ] || PREVIOUS=(--pgbench-tps NaN)
  "${BENCH[@]}" report "${PREVIOUS[@]}" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" $QUICK --out "$WORK"
  cp "$WORK/latest.md" "$WORK/latest.json" "$OUT/"
  say "wrote $OUT/latest.md and $OUT/latest.json ($ONLY only)"
  "${BENCH[@]}" readme --results "$OUT/latest.json" --readme README.md
  exit 0
fi

SECONDS_PGBENCH=20; [ -n "$QUICK" ] && SECONDS_PGBENCH=5
say "baseline: pgbench TPC-B, 4 clients, ${SECONDS_PGBENCH} s"
"$PGBIN/pgbench" "${PG[@]}" -q -i -s 10 pgbench >/dev/null 2>&1
TPS=$("$PGBIN/pgbench" "${PG[@]}" -c 4 -j 2 -T "$SECONDS_PGBENCH" pgbench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "pgbench: $TPS tps"

say "intake: Release host on PostgreSQL"
KEY="bench-admin-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
Routing__Storage__Provider=Postgres ConnectionStrings__Routing="$ROUTING_TEST_POSTGRES;Database=routing" \
  Routing__Auth__BootstrapAdminKey="$KEY" Urls=http://127.0.0.1:$PORT Logging__LogLevel__Default=Warning \
  dotnet host/bin/Release/net10.0/Routing.Host.dll --contentRoot "$PWD/host/bin/Release/net10.0" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:$PORT/health >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf http://127.0.0.1:$PORT/health >/dev/null || { echo "the host did not start:"; tail -20 "$WORK/host.log"; exit 1; }
say "limit: one report's statements (bench/report-write.sql), 4 clients, ${SECONDS_PGBENCH} s"
# On a copy of the schema the host just migrated, so intake's database stays as intake left it.
"$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE reportwrite" >/dev/null
"$PGBIN/pg_dump" "${PG[@]}" --schema-only routing | "$PGBIN/psql" "${PG[@]}" -q -d reportwrite >/dev/null
LIMIT_TPS=$("$PGBIN/pgbench" "${PG[@]}" -M prepared -n -f bench/report-write.sql -c 4 -j 2 -T "$SECONDS_PGBENCH" reportwrite 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "report-write limit: $LIMIT_TPS tps"
printf '{ "ReportWriteTps": %s, "Clients": 4 }\n' "${LIMIT_TPS:-null}" > "$WORK/limit.json"
"${BENCH[@]}" intake --url http://127.0.0.1:$PORT --key "$KEY" --host-pid "$HOST_PID" --postmaster-pid "$POSTMASTER" $QUICK --out "$WORK"
sql() { "$PGBIN/psql" "${PG[@]}" -d routing -Atqc "$1"; }

PENDING=100000; BURST=10000; AHEAD=40; [ -n "$QUICK" ] && PENDING=20000 BURST=1000 AHEAD=15
say "timers: intake with $PENDING timers pending, then $BURST due at once"
# Pending timers spread over the next week, on the items intake made: the clock's queries must not slow down with them.
sql "INSERT INTO timers (\"Id\",\"WorkItemId\",\"Step\",\"Round\",\"DueAt\",\"Status\")
  SELECT gen_random_uuid(), w.\"Id\", 'follow-up', 0, now() + interval '1 day' + random() * interval '6 days', 'Pending'
  FROM generate_series(1, $PENDING) i JOIN (SELECT \"Id\", row_number() OVER () AS n FROM work_items) w ON w.n = 1 + i % (SELECT count(*) FROM work_items)"
"${BENCH[@]}" intake --url http://127.0.0.1:$PORT --key "$KEY" $QUICK --closed-only --name intake-pending --out "$WORK"
# The burst: one follow-up per unacknowledged item (a reminder, a notification and the next
# follow-up each), all due at the same instant, AHEAD seconds ahead so the clock hands them over early (40; quick 15).
DUE=$(sql "SELECT to_char(date_trunc('second', now()) + interval '$AHEAD s', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
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

EVENTS=1000000; [ -n "$QUICK" ] && EVENTS=20000
say "history: $EVENTS events"
"$PGBIN/psql" "${PG[@]}" -d routing -qc "INSERT INTO history (\"At\",\"Actor\",\"Kind\",\"WorkItemId\",\"Department\",\"Data\")
  SELECT now(), 'bench', 'bench.event', md5((i % 10000)::text)::uuid, 'logistics', '{\"n\":' || i || '}' FROM generate_series(1, $EVENTS) i"
SEAL_START=$(date +%s%N)
until [ "$("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history WHERE "ChainIndex" IS NULL')" = 0 ]; do
  sleep 2; echo "  sealing: $("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history WHERE "ChainIndex" IS NULL') left"
done
SEAL_S=$(awk -v a="$SEAL_START" -v b="$(date +%s%N)" 'BEGIN { print (b - a) / 1e9 }')
AUTH=(-H "Authorization: Bearer $KEY")
VERIFY_S=$(curl -s -o "$WORK/verify.json" -w '%{time_total}' "${AUTH[@]}" http://127.0.0.1:$PORT/api/history/verify)
NDJSON_S=$(curl -s -o /dev/null -w '%{time_total}' "${AUTH[@]}" "http://127.0.0.1:$PORT/api/history/export?format=ndjson")
CSV_S=$(curl -s -o /dev/null -w '%{time_total}' "${AUTH[@]}" "http://127.0.0.1:$PORT/api/history/export?format=csv")
ITEM=$("$PGBIN/psql" "${PG[@]}" -d routing -Atc "SELECT md5('4242')::uuid")
for _ in $(seq 1 40); do curl -s -o /dev/null -w '%{time_total}\n' "${AUTH[@]}" "http://127.0.0.1:$PORT/api/history?workItemId=$ITEM&limit=100"; done \
  | sort -n > "$WORK/timeline.txt"
P95_S=$(sed -n '38p' "$WORK/timeline.txt")
TOTAL=$("$PGBIN/psql" "${PG[@]}" -d routing -Atc 'SELECT count(*) FROM history')
printf '{ "Events": %s, "SealSeconds": %s, "VerifySeconds": %s, "NdjsonSeconds": %s, "CsvSeconds": %s, "QueryP95Seconds": %s, "Verify": %s }\n' \
  "$TOTAL" "$SEAL_S" "$VERIFY_S" "$NDJSON_S" "$CSV_S" "$P95_S" "$(cat "$WORK/verify.json")" > "$WORK/history.json"
cat "$WORK/history.json"
kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; HOST_PID=""

# Scale-out: one host on core 0, then a second on core 1, on one PostgreSQL (which shares the two
# cores with them and with the bench's client): what a second host adds.
run_scaleout() {
  say "scale-out: one host pinned to core 0, then two hosts (cores 0 and 1) on one PostgreSQL"
  "$PGBIN/psql" "${PG[@]}" -qc "CREATE DATABASE scaleout" >/dev/null
  local key="bench-admin-key-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')" pids=() urls=() core port
  # The second host starts only after the first was measured alone: it would take over part of its background jobs.
  for core in 0 1; do
    port=$((PORT + 2 + core))
    Routing__Storage__Provider=Postgres ConnectionStrings__Routing="$ROUTING_TEST_POSTGRES;Database=scaleout" \
      Routing__Auth__BootstrapAdminKey="$key" Urls=http://127.0.0.1:$port Logging__LogLevel__Default=Warning \
      taskset -c "$core" dotnet host/bin/Release/net10.0/Routing.Host.dll --contentRoot "$PWD/host/bin/Release/net10.0" >"$WORK/scaleout-$core.log" 2>&1 &
    pids+=($!); urls+=("http://127.0.0.1:$port"); HOST_PID="${pids[*]}"
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
    curl -sf "http://127.0.0.1:$port/health" >/dev/null || { echo "the host did not start:"; tail -20 "$WORK/scaleout-$core.log"; exit 1; }
    # 32 connections per host; with two, they take turns request by request.
    "${BENCH[@]}" intake --url "$(IFS=,; echo "${urls[*]}")" --key "$key" --host-pid "$(IFS=,; echo "${pids[*]}")" --postmaster-pid "$POSTMASTER" \
      --closed-only --warm-up 15 --connections $((32 * (core + 1))) --name "scaleout-$((core + 1))" --out "$WORK"
  done
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true; HOST_PID=""
}

run_patterns
run_metrics
run_scaling
[ -z "$QUICK" ] && run_scaleout

say "rules: BenchmarkDotNet"
"${BENCH[@]}" rules $QUICK --out "$WORK"

mkdir -p "$OUT"
"${BENCH[@]}" report --pgbench-tps "$TPS" --commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" $QUICK --out "$WORK"
cp "$WORK/latest.md" "$WORK/latest.json" "$OUT/"
say "wrote $OUT/latest.md and $OUT/latest.json"
# The README's performance table is drawn from latest.json, never typed; this fails without its markers.
"${BENCH[@]}" readme --results "$OUT/latest.json" --readme README.md
