#!/usr/bin/env bash
# Overhead of the Dask driver (docs/SHARDS.md): one process of PATHS paths on
# every core against SHARDS shards of PATHS/SHARDS paths on a Dask LocalCluster
# with one task slot per core (each a single-threaded capscript subprocess),
# merged by `capscript merge`.
#
#   bench/dask_overhead.sh [SCENARIO] [PATHS] [SHARDS]
#       (defaults: crash_40pct_external_asset 1000000 16)
#
# The two forms run alternately, RUNS times each; every run is printed with the
# load average before it, then the best of each form and their ratio. Prints
# wall and CPU times (user + system of every process) and exits 1 unless every
# merged scorecard is the single-process bytes. The issue's bar: wall ratio <= 1.15.
#
# Environment:
#   SWIFT_BIN=path   the capscript binary (default: .build/release/capscript, built when missing)
#   WORKERS=n        LocalCluster task slots and single-process threads (default: nproc)
#   RUNS=n           runs of each form (default: 3)
#   PYTHON=path      the interpreter of the driver (default: python3's own executable, so a
#                    version manager's shim, as pyenv's, is not timed: an installed
#                    `capscript-dask` script starts the interpreter directly)
set -euo pipefail
cd "$(dirname "$0")/.."
SCENARIO=${1:-crash_40pct_external_asset}
PATHS=${2:-1000000}
SHARDS=${3:-16}
WORKERS=${WORKERS:-$(nproc)}
RUNS=${RUNS:-3}
PYTHON=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
BIN=${SWIFT_BIN:-.build/release/capscript}
if [[ ! -x $BIN ]]; then swift build -c release --product capscript 2>&1 | tail -n 1; fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# Runs a command with stdout to FILE; prints "WALL CPU" seconds (CPU: user + system of every reaped descendant).
timed() {
  "$PYTHON" - "$@" <<'PY'
import resource, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
with open(out, "w") as f:
    subprocess.run(command, stdout=f, check=True)
wall, after = time.monotonic() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f %.3f" % (wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime))
PY
}

load() { cut -d' ' -f1 /proc/loadavg; }

echo "one process: $SCENARIO, $PATHS paths, $WORKERS thread(s)"
echo "capscript-dask: $SHARDS shards on a LocalCluster with $WORKERS task slot(s), cluster start and merge included"
results=()
for run in $(seq "$RUNS"); do
  l=$(load)
  read -r sw sc < <(timed "$OUT/single.json" \
    "$BIN" run "$SCENARIO" --paths "$PATHS" --threads "$WORKERS" --format json --quiet)
  printf 'run %d  one process     %6.2f s wall %6.2f s CPU  (load before: %s)\n' "$run" "$sw" "$sc" "$l"
  l=$(load)
  rm -rf "$OUT/shards"
  read -r dw dc < <(PYTHONPATH=python${PYTHONPATH:+:$PYTHONPATH} timed "$OUT/dask.json" \
    "$PYTHON" -m capscript_dask run "$SCENARIO" --shards "$SHARDS" --workers "$WORKERS" --capscript "$BIN" \
    --out "$OUT/shards" --quiet -- --paths "$PATHS")
  printf 'run %d  capscript-dask  %6.2f s wall %6.2f s CPU  (load before: %s)  ratio %.3f\n' \
    "$run" "$dw" "$dc" "$l" "$("$PYTHON" -c "print($dw / $sw)")"
  if ! cmp -s "$OUT/single.json" "$OUT/dask.json"; then
    echo "FAIL: the merged scorecard differs from the single-process one" >&2
    diff "$OUT/single.json" "$OUT/dask.json" | head -n 20 >&2 || true
    exit 1
  fi
  results+=("$sw $sc $dw $dc")
done
echo "scorecards identical in every run"
"$PYTHON" -c '
import sys
runs = [tuple(map(float, r.split())) for r in sys.argv[1:]]
sw, sc = min(r[0] for r in runs), min(r[1] for r in runs)
dw, dc = min(r[2] for r in runs), min(r[3] for r in runs)
print("best one process: %.2f s wall, %.2f s CPU" % (sw, sc))
print("best capscript-dask: %.2f s wall, %.2f s CPU" % (dw, dc))
print("ratio of the bests: wall %.3f, CPU %.3f" % (dw / sw, dc / sc))
' "${results[@]}"
