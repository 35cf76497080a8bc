# shellcheck shell=bash
# Throwaway SMTP server for the e-mail tests (scripts/smtp-sink.py on aiosmtpd). Meant to be *sourced*:
#
#   source scripts/smtp.sh
#   smtp_start   # exports ROUTING_TEST_SMTP (127.0.0.1:PORT) and ROUTING_TEST_MAILDIR
#   ...
#   smtp_stop    # idempotent; safe if smtp_start failed or never ran
#
# It runs on Debian's python3 (/usr/bin/python3) with Debian's python3-aiosmtpd, installed from
# apt when missing (as root); a python3 first on PATH (pyenv) cannot see Debian's packages.
# Messages land as files in ROUTING_TEST_MAILDIR/new (TestMailbox reads them).

_SMTP_PID=""
_SMTP_DIR=""

smtp_start() {
  [ -n "$_SMTP_PID" ] && return 0
  local python=/usr/bin/python3
  if ! "$python" -c 'import aiosmtpd' 2>/dev/null; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
      echo "smtp: $python cannot import aiosmtpd and this is not root: sudo apt-get install python3-aiosmtpd" >&2
      return 1
    fi
    echo "smtp: installing python3-aiosmtpd from apt (one-time)..." >&2
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-aiosmtpd ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-aiosmtpd; }; } >&2 ||
      { echo "smtp: apt-get install python3-aiosmtpd failed" >&2; return 1; }
  fi
  local dir port=25250 last=25349
  dir=$(mktemp -d "${TMPDIR:-/tmp}/routing-smtp.XXXXXX") || return 1
  _SMTP_DIR=$dir
  while [ "$port" -le "$last" ]; do
    if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
      port=$((port + 1))
      continue
    fi
    "$python" "$(dirname "${BASH_SOURCE[0]}")/smtp-sink.py" "$port" "$dir" >"$dir/server.log" 2>&1 &
    _SMTP_PID=$!
    local tries=0
    while [ "$tries" -lt 50 ]; do
      if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
        export ROUTING_TEST_SMTP=127.0.0.1:$port
        export ROUTING_TEST_MAILDIR=$dir
        echo "smtp: test server running on 127.0.0.1:$port (messages in $dir/new)"
        return 0
      fi
      kill -0 "$_SMTP_PID" 2>/dev/null || break # it died: the port was taken meanwhile, or worse
      sleep 0.1
      tries=$((tries + 1))
    done
    kill "$_SMTP_PID" 2>/dev/null || true
    wait "$_SMTP_PID" 2>/dev/null || true
    _SMTP_PID=""
    port=$((port + 1))
  done
  echo "smtp: the test server did not start:" >&2
  tail -n 20 "$dir/server.log" >&2 2>/dev/null
  rm -rf "$dir"
  _SMTP_DIR=""
  return 1
}

smtp_stop() {
  # Under the caller's set -e too: a server already gone, or its exit status, is no failure here.
  if [ -n "$_SMTP_PID" ]; then
    kill "$_SMTP_PID" 2>/dev/null || true
    wait "$_SMTP_PID" 2>/dev/null || true
  fi
  if [ -n "$_SMTP_DIR" ]; then rm -rf "$_SMTP_DIR"; fi
  _SMTP_PID="" _SMTP_DIR=""
  unset ROUTING_TEST_SMTP ROUTING_TEST_MAILDIR
  return 0
}
