#!/usr/bin/env bash
# `npm test`: every test Orrery has, on real parts. Installs what a fresh Debian machine
# lacks (Chromium, Docker Engine, busybox for a tiny image, PostgreSQL for the DATABASE_URL
# path) from Debian's packages, starts a private Postgres and a private Docker Engine under
# a temp dir, runs unit + integration tests (store tests twice: embedded and DATABASE_URL),
# then the Playwright suite in Debian's Chromium, and stops everything it started.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d /tmp/orrery-test.XXXXXX)
chmod 755 "$WORK"
export NEXT_TELEMETRY_DISABLED=1
export ORRERY_TEST_WORK=$WORK

log() { printf '\n=== %s\n' "$*"; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium fonts-liberation)
command -v dockerd >/dev/null || need+=(docker.io)
[ -x /usr/bin/busybox ] || need+=(busybox-static)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing from Debian: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing: ${need[*]} (install them with apt-get as root, or run as root)" >&2
  fi
fi
[ -d node_modules ] || { log "npm ci"; npm ci --no-audit --no-fund; }

cleanup() {
  [ -n "${PG_STARTED:-}" ] && su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg/data -m immediate stop" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

# A second, separate Postgres (Debian's) for the DATABASE_URL path.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "$PG_BIN" ]; then
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg" 2>/dev/null
  PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  if su postgres -c "$PG_BIN/initdb -A trust -U postgres -D $WORK/pg/data" >/dev/null &&
     su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg/data -o '-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1' -l $WORK/pg/log -w start" >/dev/null; then
    PG_STARTED=1
    export EXTERNAL_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
    log "external Postgres for the DATABASE_URL path on port $PG_PORT"
  fi
fi

# The Docker source tests start their own private Docker Engines (scripts/docker-engine.sh)
# and stop them; they need root and dockerd, and skip with a message otherwise.

status=0
reports=("$WORK/vitest-embedded.json")
log "typecheck and lint"
npx tsc --noEmit || status=1
npx eslint . || status=1

log "unit and integration tests (embedded Postgres)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$WORK/vitest-embedded.json" || status=1

if [ -n "${EXTERNAL_DATABASE_URL:-}" ]; then
  log "database tests again on DATABASE_URL (Debian Postgres)"
  TEST_DATABASE_URL=$EXTERNAL_DATABASE_URL npx vitest run db.test --reporter=default \
    --reporter=json --outputFile.json="$WORK/vitest-external.json" || status=1
  reports+=("$WORK/vitest-external.json")
fi

log "browser tests (Playwright, Debian Chromium)"
npx next build >"$WORK/next-build.log" 2>&1 || { cat "$WORK/next-build.log"; status=1; }
PLAYWRIGHT_JSON_OUTPUT_NAME="$WORK/playwright.json" npx playwright test --reporter=list,json || status=1
reports+=("$WORK/playwright.json")

node scripts/test-summary.mjs "${reports[@]}"

exit $status
