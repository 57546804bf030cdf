#!/usr/bin/env bash
# Overhead of the Dask driver (docs/SHARDS.md): one process of PATHS paths on
# every core against SHARDS shards of PATHS/SHARDS paths on a Dask LocalCluster
# with one task slot per core (each a single-threaded capscript subprocess),
# merged by `capscript merge`.
#
#   bench/dask_overhead.sh [SCENARIO] [PATHS] [SHARDS]
#       (defaults: crash_40pct_external_asset 1000000 16)
#
# Prints both wall and CPU times and their ratios, and exits 1 unless the merged
# scorecard is the single-process bytes. The issue's bar: wall ratio <= 1.15.
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

# Runs a command with stdout to FILE; prints "WALL CPU" seconds (CPU: user + system of every reaped descendant).
timed() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
with open(out, "w") as f:
    subprocess.run(command, stdout=f, check=True)
wall, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
PY
}

echo "== one process: $SCENARIO, $PATHS paths, $WORKERS thread(s)"
read -r single_wall single_cpu < <(timed "$OUT/single.json" \
  "$BIN" run "$SCENARIO" --paths "$PATHS" --threads "$WORKERS" --format json --quiet)
echo "== capscript-dask: $SHARDS shards on a LocalCluster with $WORKERS task slot(s)"
read -r dask_wall dask_cpu < <(PYTHONPATH=python${PYTHONPATH:+:$PYTHONPATH} timed "$OUT/dask.json" \
  python3 -m capscript_dask run "$SCENARIO" --shards "$SHARDS" --workers "$WORKERS" --capscript "$BIN" \
  --out "$OUT/shards" -- --paths "$PATHS")
if ! cmp -s "$OUT/single.json" "$OUT/dask.json"; then
  echo "FAIL: the merged scorecard differs from the single-process one" >&2
  diff "$OUT/single.json" "$OUT/dask.json" | head -n 20 >&2 || true
  exit 1
fi
echo "scorecards identical; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c '
import sys
sw, sc, dw, dc = map(float, sys.argv[1:])
print("single process: %.2f s wall, %.2f s CPU" % (sw, sc))
print("Dask (cluster start, shards, merge): %.2f s wall, %.2f s CPU" % (dw, dc))
print("ratio: wall %.3f, CPU %.3f" % (dw / sw, dc / sc))
' "$single_wall" "$single_cpu" "$dask_wall" "$dask_cpu"
