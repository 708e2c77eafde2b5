#!/usr/bin/env bash
# Runs the whole test suite against a throwaway PostgreSQL cluster.
#
#   ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Tasks]
#
# 1. Installs (apt-get, only when missing) the PostgreSQL server, Chromium and npm, and the browser tests'
#    axe-core (npm ci, only when their node_modules is missing).
# 2. Starts a private PostgreSQL cluster in a temp folder on a free loopback port and exports
#    COORDINATION_TEST_POSTGRES (a superuser connection string; tests create their own databases).
# 3. Runs `dotnet test Coordination.sln` with a trx logger, sums every test project's results and
#    prints, as the very last line, `N passed, N failed, N skipped`.
# 4. Exits non-zero when the run failed, any test failed, or no test passed.
# The cluster is stopped and the temp folder removed on any exit (success, failure, Ctrl-C).
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

SOLUTION="${COORDINATION_TEST_SOLUTION:-Coordination.sln}"

export DEBIAN_FRONTEND=noninteractive
export NEEDRESTART_SUSPEND=1
export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. System packages -----------------------------------------------------------------------
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

find_pg_bin() {
  local f best=""
  for f in /usr/lib/postgresql/*/bin/initdb; do
    [ -x "$f" ] || continue
    if [ -z "$best" ] || [ "$(printf '%s\n%s\n' "$best" "$f" | sort -V | tail -n 1)" = "$f" ]; then best="$f"; fi
  done
  if [ -n "$best" ]; then dirname "$best"; fi
}

missing=()
[ -n "$(find_pg_bin)" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
  as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" </dev/null >/dev/null
fi

# axe-core for the browser tests, exactly as package-lock.json pins it (only when node_modules is missing).
BROWSER_TESTS=tests/Coordination.Browser.Tests
if [ -f "$BROWSER_TESTS/package-lock.json" ] && [ ! -f "$BROWSER_TESTS/node_modules/axe-core/axe.min.js" ]; then
  log "npm ci in $BROWSER_TESTS"
  npm ci --prefix "$BROWSER_TESTS" --no-audit --no-fund --loglevel=error >&2
fi

PG_BIN="$(find_pg_bin)"
if [ -z "$PG_BIN" ]; then
  log "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
id -u postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres

# --- 2. Throwaway cluster ---------------------------------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/coordination-test.XXXXXXXX")"
PGDATA_DIR="$WORK/pgdata"
RESULTS_DIR="$WORK/results"
PG_STARTED=0

as_pg() {
  # Run from a directory postgres can read (the caller's cwd may be /root).
  (cd "$WORK" && runuser -u postgres -- "$@")
}

cleanup() {
  if [ "$PG_STARTED" = 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
  if [ -n "${WORK:-}" ] && [ -d "$WORK" ]; then
    rm -rf -- "$WORK" || true
  fi
}
trap cleanup EXIT
trap 'cleanup; trap - INT; kill -INT $$' INT
trap 'cleanup; exit 143' TERM HUP

chown postgres: "$WORK"
chmod 700 "$WORK"

port_is_free() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [ -z "$(ss -Htan "( sport = :$port )" 2>/dev/null)" ] || return 1
  fi
  # Nothing must answer on it either.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

pick_port() {
  local port _
  for _ in $(seq 1 200); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    if port_is_free "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

locale_args=(--no-locale -E UTF8)
if locale -a 2>/dev/null | grep -ixE 'c\.utf-?8' >/dev/null; then
  locale_args=(--locale=C.UTF-8 -E UTF8)
fi

log "initdb ($PG_BIN) in $PGDATA_DIR"
if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres "${locale_args[@]}" >"$WORK/initdb.log" 2>&1; then
  cat "$WORK/initdb.log" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

PG_PORT=""
for attempt in 1 2 3 4 5; do
  port="$(pick_port)" || { log "no free port found"; break; }
  if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$WORK/postgres.log" -w -t 60 start \
      -o "-p $port -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      >/dev/null 2>&1; then
    PG_STARTED=1
    PG_PORT="$port"
    break
  fi
  # Possibly lost a race for the port: stop whatever half-started, then try another one.
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  log "PostgreSQL did not start on port $port (attempt $attempt)"
done

if [ -z "$PG_PORT" ]; then
  [ -f "$WORK/postgres.log" ] && cat "$WORK/postgres.log" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"

# --- 3. Connection string for the tests -------------------------------------------------------
export COORDINATION_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Include Error Detail=true"

# --- 4. Tests ---------------------------------------------------------------------------------
mkdir -p "$RESULTS_DIR"
set +e
dotnet test "$SOLUTION" \
  --logger "trx" \
  --results-directory "$RESULTS_DIR" \
  --blame-hang-timeout 15m --blame-hang-dump-type none \
  "$@"
test_status=$?
set -e
log "dotnet test exited with $test_status"

if [ "${CI:-}" = "true" ]; then
  # Leave no MSBuild/Roslyn build servers behind in CI.
  dotnet build-server shutdown >/dev/null 2>&1 || true
fi

# --- 5. Sum the results -----------------------------------------------------------------------
attr() { # attr NAME "<Counters ...>"
  local v
  v="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
  echo "${v:-0}"
}

passed=0 failed=0 skipped=0 files=0
while IFS= read -r -d '' trx; do
  counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  [ -n "$counters" ] || continue
  files=$((files + 1))
  total=$(attr total "$counters")
  p=$(attr passed "$counters")
  f=$(( $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters") ))
  s=$(attr notExecuted "$counters")
  if [ "$s" -eq 0 ] && [ "$total" -gt $((p + f)) ]; then s=$((total - p - f)); fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done < <(find "$RESULTS_DIR" -name '*.trx' -print0 2>/dev/null)

status=0
if [ "$files" -eq 0 ]; then
  log "no test results were produced (build failure?)"
  [ "$failed" -gt 0 ] || failed=1
  status=1
elif [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  log "dotnet test failed ($test_status) without a failed test: counting the run as one failure"
  failed=1
fi
if [ "$test_status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  status=1
  [ "$test_status" -ne 0 ] && status=$test_status
fi

cleanup
trap - EXIT INT TERM HUP

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
