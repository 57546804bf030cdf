#!/usr/bin/env bash
# Overhead of the Dask driver (docs/SHARDS.md): one process of PATHS paths on
# every core against SHARDS shards of PATHS/SHARDS paths on a Dask LocalCluster
# with one single-threaded worker per core, merged by `capscript merge`.
#
#   bench/dask_overhead.sh [SCENARIO] [PATHS] [SHARDS]
#       (defaults: crash_40pct_external_asset 1000000 16)
#
# Prints both wall times and their ratio, and exits 1 unless the merged
# scorecard is the single-process bytes. The issue's bar: ratio <= 1.15.
#
# Environment:
#   SWIFT_BIN=path   the capscript binary (default: .build/release/capscript, built when missing)
#   WORKERS=n        LocalCluster workers and single-process threads (default: nproc)
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO=${1:-crash_40pct_external_asset}
PATHS=${2:-1000000}
SHARDS=${3:-16}
WORKERS=${WORKERS:-$(nproc)}
BIN=${SWIFT_BIN:-.build/release/capscript}
if [[ ! -x $BIN ]]; then swift build -c release --product capscript 2>&1 | tail -n 1; fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

now() { python3 -c 'import time; print(time.monotonic())'; }

echo "== one process: $SCENARIO, $PATHS paths, $WORKERS thread(s)"
t0=$(now)
"$BIN" run "$SCENARIO" --paths "$PATHS" --threads "$WORKERS" --format json --quiet >"$OUT/single.json"
t1=$(now)
echo "== capscript-dask: $SHARDS shards on a LocalCluster of $WORKERS single-threaded worker(s)"
t2=$(now)
PYTHONPATH=python${PYTHONPATH:+:$PYTHONPATH} python3 -m capscript_dask run "$SCENARIO" --shards "$SHARDS" \
  --workers "$WORKERS" --capscript "$BIN" --out "$OUT/shards" -- --paths "$PATHS" >"$OUT/dask.json"
t3=$(now)
if ! cmp -s "$OUT/single.json" "$OUT/dask.json"; then
  echo "FAIL: the merged scorecard differs from the single-process one" >&2
  diff "$OUT/single.json" "$OUT/dask.json" | head -n 20 >&2 || true
  exit 1
fi
python3 - "$t0" "$t1" "$t2" "$t3" <<'PY'
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:])
single, dask = t1 - t0, t3 - t2
print("single process %.2f s, Dask (cluster start, shards, merge) %.2f s, ratio %.3f" % (single, dask, dask / single))
print("scorecards identical")
PY
