#!/usr/bin/env bash
# The browser suite under load (issue #15): RUNS whole runs in a row (default 5), engines
# alternating PGlite / PostgreSQL, with BUSY CPU-bound processes (default 2) running beside
# them the whole time. Stops at the first red run. One line per run in LOG, each run's output
# beside it. Run it on an otherwise idle machine: on 2 cores a run takes 16–25 min.
#   scripts/browser-under-load.sh            # 5 runs, 2 busy processes
#   RUNS=2 BUSY=2 scripts/browser-under-load.sh
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5} BUSY=${BUSY:-2} LOG=${LOG:-/tmp/browser-under-load.log}
PG=${PG_URL:-postgres://postgres@127.0.0.1:5432/test}
npm run build >/dev/null
pids=()
for _ in $(seq 1 "$BUSY"); do node -e 'for(;;){}' & pids+=($!); done
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
for i in $(seq 1 "$RUNS"); do
  if [ $((i % 2)) = 0 ]; then db=$PG; else db=; fi
  echo "run $i start $(date -u +%FT%T) engine=$([ -n "$db" ] && echo postgres || echo pglite) load=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$LOG"
  DATABASE_URL=$db npx vitest run --config vitest.browser.config.ts >"$LOG.run$i" 2>&1
  rc=$?
  echo "run $i end $(date -u +%FT%T) rc=$rc load=$(cut -d' ' -f1-3 /proc/loadavg) $(sed "s/\x1b\[[0-9;]*m//g" "$LOG.run$i" | grep -E "^ +Tests " | tail -1)" >>"$LOG"
  [ "$rc" = 0 ] || exit "$rc"
done
