#!/usr/bin/env bash
# Builds Routing.sln once (Release) and runs every test project under tests/ against a
# throwaway PostgreSQL server (scripts/postgres.sh; ROUTING_TEST_POSTGRES is exported) and a
# throwaway SMTP server for the e-mail tests (scripts/smtp.sh; ROUTING_TEST_SMTP is exported),
# installing PostgreSQL, Chromium (for the console's browser tests) and Node.js (for the contract
# test's tools, tests/contract) from apt if missing.
# The last line of output is always "N passed, N failed" (", N skipped" when > 0),
# counted from the TRX result files. Exit 0 only if nothing failed, something passed and
# every test project ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

SLN=Routing.sln
now_us() { echo "${EPOCHREALTIME/./}"; }
# Microseconds -> "12.3 s".
fmt_secs() { printf '%d.%d s' $(($1 / 1000000)) $(($1 % 1000000 / 100000)); }
t_start=$(now_us)

RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/routing-tests.XXXXXX")
source scripts/postgres.sh
source scripts/smtp.sh
cleanup() {
  smtp_stop
  postgres_stop
  rm -rf "$RESULTS"
}
trap cleanup EXIT
# Make Ctrl-C / kill go through the EXIT trap too, so the server is always stopped.
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0 failed=0 skipped=0
problems=()
build_us=0 tests_us=0

# Prints the summary (last line of output) and exits.
finish() {
  # Stop the servers now so nothing the EXIT trap prints can come after the summary line.
  smtp_stop
  postgres_stop
  echo
  local msg
  for msg in "${problems[@]}"; do echo "problem: $msg"; done
  echo "Took $(fmt_secs $(($(now_us) - t_start))) (build $(fmt_secs "$build_us"), tests $(fmt_secs "$tests_us"))"
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  if [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ "${#problems[@]}" -eq 0 ]; then
    exit 0
  fi
  exit 1
}

# Test projects: *.Tests.csproj, or any csproj under tests/ that says IsTestProject=true.
projects=()
while IFS= read -r p; do
  case "$p" in
    */bin/* | */obj/*) continue ;;
  esac
  if [[ "$p" == *.Tests.csproj ]] || grep -qiE '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>' "$p"; then
    projects+=("$p")
  fi
done < <(find tests -name '*.csproj' 2>/dev/null | sort)
if [ "${#projects[@]}" -eq 0 ]; then
  problems+=("no test projects found under tests/")
  finish
fi

if ! postgres_start; then
  failed=1
  problems+=("could not start the test PostgreSQL server; no tests were run")
  finish
fi
# The e-mail tests send through it; without it they fail, saying so.
smtp_start || problems+=("could not start the test SMTP server (scripts/smtp.sh); the e-mail tests will fail")

# The web console's browser tests drive Debian's Chromium (Playwright never downloads a browser).
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium from apt for the browser tests..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >/dev/null ||
      problems+=("could not install chromium from apt; the browser tests will fail")
  else
    problems+=("/usr/bin/chromium is missing and this is not root: sudo apt-get install chromium")
  fi
fi

# The contract test (tests/Routing.Tests/Contract) runs an integrator's tools on Node.js:
# Spectral, openapi-typescript and tsc, pinned by tests/contract/package-lock.json. Without
# them it fails, saying so; it never skips.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Node.js and npm from apt for the contract test..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; } >/dev/null ||
      problems+=("could not install nodejs and npm from apt; the contract test will fail")
  else
    problems+=("node or npm is missing and this is not root: sudo apt-get install nodejs npm")
  fi
fi
# Its tools run on Node.js 18 (Debian's) and later; an older one fails in ways that say nothing.
if command -v node >/dev/null && ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)'; then
  problems+=("Node.js $(node --version) is too old for the contract test: 18 or later is needed")
fi
# npm ci only when the lock file changed since the last install (a copy is kept beside the packages).
if command -v npm >/dev/null && ! cmp -s tests/contract/package-lock.json tests/contract/node_modules/.installed-lock.json; then
  echo "Installing the contract test's packages (npm ci in tests/contract)..."
  if (cd tests/contract && npm ci --no-audit --no-fund --loglevel=error); then
    cp tests/contract/package-lock.json tests/contract/node_modules/.installed-lock.json
  else
    problems+=("npm ci in tests/contract failed; the contract test will fail")
  fi
fi

# Build once. Test projects that are not in the solution get built on their own.
echo "Building $SLN (Release)..."
t=$(now_us)
build_ok=1
dotnet build "$SLN" -c Release -v q -nologo || build_ok=0
for p in "${projects[@]}"; do
  if ! grep -qF "\"$(tr '/' '\\' <<<"$p")\"" "$SLN" && ! grep -qF "\"$p\"" "$SLN"; then
    echo "warning: $p is not in $SLN; building it separately"
    dotnet build "$p" -c Release -v q -nologo || build_ok=0
  fi
done
build_us=$(($(now_us) - t))
if [ "$build_ok" != 1 ]; then
  for p in "${projects[@]}"; do
    failed=$((failed + 1))
    problems+=("$p: not run, the build failed")
  done
  finish
fi

# Value of a numeric attribute of the <Counters .../> element in $counters ("" if absent).
counter() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }

t=$(now_us)
for p in "${projects[@]}"; do
  name=$(basename "$p" .csproj)
  trx=$RESULTS/$name.trx
  echo
  echo "=== $name ==="
  rc=0
  dotnet test "$p" --no-build -c Release -nologo \
    --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || rc=$?
  if [ ! -f "$trx" ]; then
    failed=$((failed + 1))
    problems+=("$p: produced no TRX file (dotnet test exited $rc; test host crash?)")
    continue
  fi
  counters=$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)
  p_passed=$(counter passed)
  p_failed=$(counter failed)
  if [ -z "$p_passed" ] || [ -z "$p_failed" ]; then
    failed=$((failed + 1))
    problems+=("$p: TRX file has no readable <Counters> element")
    continue
  fi
  # The VSTest TRX logger records skipped tests as total - executed and leaves
  # notExecuted at 0; take whichever is larger.
  p_total=$(counter total) p_executed=$(counter executed) p_skipped=$(counter notExecuted)
  p_skipped=${p_skipped:-0}
  if [ -n "$p_total" ] && [ -n "$p_executed" ] && [ $((p_total - p_executed)) -gt "$p_skipped" ]; then
    p_skipped=$((p_total - p_executed))
  fi
  p_error=$(counter error)
  p_timeout=$(counter timeout)
  p_failed=$((p_failed + ${p_error:-0} + ${p_timeout:-0}))
  if [ "$rc" != 0 ] && [ "$p_failed" -eq 0 ]; then
    # Non-zero exit with no failed test: the run was aborted (test host crash, etc.).
    p_failed=1
    problems+=("$p: dotnet test exited $rc but the TRX has no failed test (run aborted?)")
  fi
  passed=$((passed + p_passed))
  failed=$((failed + p_failed))
  skipped=$((skipped + p_skipped))
done
tests_us=$(($(now_us) - t))
# Where the time went, so a slow new test shows in every run's log.
if command -v python3 >/dev/null; then
  python3 scripts/slowest-tests.py 15 "$RESULTS"/*.trx 2>/dev/null || true
fi
# ROUTING_TEST_RESULTS=DIR keeps the TRX files for a closer look.
[ -n "${ROUTING_TEST_RESULTS:-}" ] && mkdir -p "$ROUTING_TEST_RESULTS" && cp "$RESULTS"/*.trx "$ROUTING_TEST_RESULTS"/ 2>/dev/null || true

finish
