# shellcheck shell=bash
# Throwaway PostgreSQL server for tests and benchmarks. Meant to be *sourced*:
#
#   source scripts/postgres.sh
#   trap postgres_stop EXIT
#   postgres_start          # exports ROUTING_TEST_POSTGRES, PGBIN, PGPORT_TEST, PGDATA_TEST
#   ...
#   postgres_stop           # idempotent; safe if postgres_start failed or never ran
#
# PGTEST_DURABLE=1 starts it with PostgreSQL's durable defaults (fsync, synchronous commit).
#
# postgres_start installs PostgreSQL from apt when no server binaries exist, then
# runs initdb into a fresh mktemp -d folder and starts a private server listening on
# 127.0.0.1 only, on a free port from 55432 upward. Nothing on the machine's default
# cluster (port 5432, /var/lib/postgresql) is touched. When run as root, initdb and
# pg_ctl run as the `postgres` OS user (initdb refuses to run as root).
#
# The functions do not change the caller's shell options and work with or without
# `set -euo pipefail` in the caller: failures are reported and returned as status 1.

_PGTEST_DIR=""        # the mktemp -d folder of the running server ("" when none)
_PGTEST_AS_POSTGRES=0 # 1 when initdb/pg_ctl run via runuser -u postgres

# Run a PostgreSQL binary as the cluster owner, from a directory it can read.
_pgtest_run() {
  if [ "$_PGTEST_AS_POSTGRES" = 1 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# Print the bin directory of the newest installed server (the one holding initdb).
_pgtest_find_bin() {
  local initdb
  if [ -n "${PGBIN:-}" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ]; then
    printf '%s\n' "$PGBIN"
    return 0
  fi
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$initdb" ]; then
    initdb=$(command -v initdb 2>/dev/null || true)
  fi
  [ -n "$initdb" ] || return 1
  dirname "$initdb"
}

_pgtest_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "postgres: no PostgreSQL server binaries found and not root, cannot apt-get install postgresql" >&2
    return 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres: no PostgreSQL server binaries found and no apt-get to install them" >&2
    return 1
  fi
  echo "postgres: installing PostgreSQL from apt (one-time)..." >&2
  # The package's postinst creates a 'main' cluster and, on machines without systemd,
  # starts it through the init script on port 5432. We never use it: keep it from being
  # started with a temporary policy-rc.d (the standard Debian hook; Docker images ship one).
  local policy=/usr/sbin/policy-rc.d added_policy=0 rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || rc=$?
  if [ "$rc" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2 || rc=$?
  fi
  [ "$added_policy" = 1 ] && rm -f "$policy"
  if [ "$rc" != 0 ]; then
    echo "postgres: apt-get failed (exit $rc)" >&2
    return 1
  fi
}

# Exit status 0 when something accepts TCP connections on 127.0.0.1:$1.
_pgtest_port_in_use() {
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

postgres_start() {
  if [ -n "$_PGTEST_DIR" ]; then
    echo "postgres: already started (data $PGDATA_TEST, port $PGPORT_TEST)" >&2
    return 0
  fi

  local bin
  if ! bin=$(_pgtest_find_bin); then
    _pgtest_install || return 1
    if ! bin=$(_pgtest_find_bin); then
      echo "postgres: apt-get install postgresql did not provide /usr/lib/postgresql/*/bin/initdb" >&2
      return 1
    fi
  fi

  _PGTEST_AS_POSTGRES=0
  if [ "$(id -u)" = 0 ]; then
    if ! id -u postgres >/dev/null 2>&1; then
      echo "postgres: running as root but there is no 'postgres' OS user to own the cluster" >&2
      return 1
    fi
    _PGTEST_AS_POSTGRES=1
  fi

  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/routing-pg.XXXXXX") || return 1
  _PGTEST_DIR=$tmp
  chmod 755 "$tmp" # the postgres user must be able to traverse it
  local data=$tmp/data run=$tmp/run # run: unix socket, server log, password file
  if [ "$_PGTEST_AS_POSTGRES" = 1 ]; then
    install -d -o postgres -g postgres -m 700 "$data" "$run" || return 1
  else
    install -d -m 700 "$data" "$run" || return 1
  fi

  local pw pwfile=$run/pwfile
  pw=$(od -An -N 18 -tx1 /dev/urandom | tr -d ' \n')
  (umask 077 && printf '%s\n' "$pw" >"$pwfile") || return 1
  [ "$_PGTEST_AS_POSTGRES" = 1 ] && chown postgres:postgres "$pwfile"

  # --no-sync: a throwaway cluster does not need its files flushed to disk.
  if ! _pgtest_run "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-host=scram-sha-256 --auth-local=trust --pwfile="$pwfile" --no-sync \
      >"$tmp/initdb.log" 2>&1; then
    echo "postgres: initdb failed:" >&2
    tail -n 20 "$tmp/initdb.log" >&2
    return 1
  fi
  rm -f "$pwfile"

  # Try free-looking ports from 55432 upward; if the bind still fails (another run took
  # the port in between), move on to the next one.
  # fsync/synchronous_commit/full_page_writes off: this server's data is thrown away at
  # the end, so crash safety does not matter and tests run faster without the flushes.
  # PGTEST_DURABLE=1 keeps PostgreSQL's defaults, for a drill that crashes the server and
  # expects every acknowledged commit to survive.
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PGTEST_DURABLE:-0}" = 1 ] && speed=""
  local port=55432 last=55531 log=$run/postgres.log started=0
  while [ "$port" -le "$last" ]; do
    if _pgtest_port_in_use "$port"; then
      port=$((port + 1))
      continue
    fi
    : >"$log" && { [ "$_PGTEST_AS_POSTGRES" = 0 ] || chown postgres:postgres "$log"; }
    if _pgtest_run "$bin/pg_ctl" -D "$data" -l "$log" -s -w -t 30 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $run -c max_connections=300 $speed" \
        >>"$tmp/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    if grep -qiE 'could not bind|address already in use|could not create lock file' "$log"; then
      port=$((port + 1))
      continue
    fi
    break
  done
  if [ "$started" != 1 ]; then
    echo "postgres: server failed to start:" >&2
    tail -n 20 "$tmp/pg_ctl.log" "$log" >&2 2>/dev/null
    return 1
  fi

  export PGBIN=$bin
  export PGPORT_TEST=$port
  export PGDATA_TEST=$data
  export ROUTING_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$pw;Pooling=true;Maximum Pool Size=50"
  echo "postgres: $("$bin/postgres" --version | sed 's/^postgres (PostgreSQL) //') running on 127.0.0.1:$port (data $data)"
}

postgres_stop() {
  local tmp=$_PGTEST_DIR
  [ -n "$tmp" ] || return 0
  if [ -f "$tmp/data/postmaster.pid" ] && [ -n "${PGBIN:-}" ]; then
    if ! _pgtest_run "$PGBIN/pg_ctl" -D "$tmp/data" -s -m fast -w -t 30 stop >/dev/null 2>&1; then
      # Should not happen; don't leave a server behind.
      _pgtest_run "$PGBIN/pg_ctl" -D "$tmp/data" -s -m immediate -w -t 10 stop >/dev/null 2>&1 ||
        echo "postgres: could not stop the server in $tmp/data" >&2
    fi
  fi
  rm -rf "$tmp"
  _PGTEST_DIR=""
  unset ROUTING_TEST_POSTGRES PGPORT_TEST PGDATA_TEST
  return 0
}
