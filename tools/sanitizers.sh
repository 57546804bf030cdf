#!/usr/bin/env bash
# AddressSanitizer and ThreadSanitizer runs of the capital, coupled and sweep
# paths (docs/HARDENING.md): builds the capscript product with
# `swift build --sanitize=address` and `--sanitize=thread`, each in its own
# scratch folder, and runs a few small commands on 2 threads. Any sanitizer
# report fails the run (halt_on_error).
# Usage: tools/sanitizers.sh [address|thread ...] (default both); PATHS=N sets the size (default 400).
set -euo pipefail
cd "$(dirname "$0")/.."
paths="${PATHS:-400}"
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=0"
export TSAN_OPTIONS="halt_on_error=1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/sweep.lua" <<'LUA'
-- The Lua host under the limits: a sweep (its set-up, runs on 2 threads, the
-- journal), a run with bands and a precision target, a save, and a run stopped
-- by the timeout's watchdog.
local out = ...
local base = cap.scenario("leverage_sweep_1x_to_4x"):with{ paths = 100 }
local res = cap.sweep{ base = base, grid = { leverage = { 1, 2, 3 } }, journal = out .. "/sweeps" }:run()
print(res:top(2))
local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{ paths = 300 }, { bands = true, threads = 2 })
r:save(out .. "/r.json")
print(pcall(cap.run, cap.scenario("hub_only_11"):with{ paths = 64, epochs = 100000 }))
LUA
for san in "${sanitizers[@]}"; do
  scratch=".build-$san"
  swift build --sanitize="$san" --scratch-path "$scratch" --product capscript
  bin="$scratch/debug/capscript"
  echo "== $san: capital (parametric and coupled), sweep, Lua host"
  "$bin" run crash_40pct_external_asset --paths "$paths" --threads 2 --quiet --format csv > /dev/null
  "$bin" run chain138_deployed_capital_efficiency --paths 16 --epochs 60 --threads 2 --quiet --format csv > /dev/null
  "$bin" run hub_only_11 --paths 16 --epochs 60 --threads 2 --quiet --format csv > /dev/null
  "$bin" run leverage_sweep_1x_to_4x --optimizer --paths 100 --threads 2 --quiet \
    --out "$work/out-$san" > /dev/null
  # The last run is stopped by the 10 s timeout: exit 1 with the stop message is the expected outcome.
  status=0
  "$bin" --sandbox --timeout 10 --max-memory 256M --out "$work/out-$san" "$work/sweep.lua" "$work/out-$san" > /dev/null \
    2> "$work/stderr-$san" || status=$?
  if [ "$status" -ne 1 ] || ! grep -q "script stopped: timeout of 10 s exceeded" "$work/stderr-$san"; then
    cat "$work/stderr-$san" >&2
    echo "sanitizers: the Lua run under $san ended with status $status" >&2
    exit 1
  fi
  echo "== $san: clean"
done
