#!/usr/bin/env bash
# Native Swift loop vs a NumPy port of the same parametric capital overlay.
#
#   bench/run.sh [SCENARIO] [PATHS]      (defaults: crash_40pct_external_asset 20000)
#
# Environment:
#   SWIFT_BIN=path      use this capscript binary instead of building one
#   BENCH_SCRATCH=dir   SwiftPM scratch path for the release build (default .build-bench,
#                       so it never contends for the lock of a debug build in .build)
#   BENCH_CHECK=0       skip the cross-checks (exact on SCENARIO and bench/scenarios/all_shocks.json,
#                       statistical on all_shocks.json)
#
# Exits non-zero if a NumPy statistic differs from Swift's by more than 4 standard errors,
# or if the --rng philox port does not reproduce Swift's scorecard to 1e-12 relative.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIO=${1:-crash_40pct_external_asset}
PATHS=${2:-20000}
SCRATCH=${BENCH_SCRATCH:-.build-bench}

# 1. A release binary.
if [[ -n "${SWIFT_BIN:-}" ]]; then
  BIN=$SWIFT_BIN
else
  echo "== swift build -c release --scratch-path $SCRATCH"
  swift build -c release --scratch-path "$SCRATCH" --product capscript 2>&1 | tail -n 3
  BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/capscript"
fi
[[ -x "$BIN" ]] || { echo "no capscript binary at $BIN" >&2; exit 1; }

# 2. NumPy, only if it is missing.
if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "== pip install numpy"
  python3 -m pip install numpy
fi

echo "== machine"
echo "cores: $(nproc)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - <<'EOF'
import numpy as np
try:
    from numpy._core._multiarray_umath import __cpu_features__ as f
    simd = [k for k in ("AVX2", "FMA3", "AVX512F", "AVX512_SKX") if f.get(k)]
except Exception:
    simd = ["?"]
print(f"numpy {np.__version__}, SIMD in use: {' '.join(simd)}")
EOF
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-<unset>}" \
  "(left as they are: the NumPy port is elementwise ufuncs and never calls BLAS, so they do not affect it)"

# 3. The native loop: 1 thread and all cores (best of 3 each).
echo "== $BIN bench $SCENARIO --paths $PATHS"
SWIFT_OUT=$("$BIN" bench "$SCENARIO" --paths "$PATHS")
echo "$SWIFT_OUT"
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
SWIFT_1=$(echo "$SWIFT_OUT" | grep 'threads=1 ' | field ns_per_path_epoch)
SWIFT_N_LINE=$(echo "$SWIFT_OUT" | tail -n 1)
SWIFT_N=$(echo "$SWIFT_N_LINE" | field ns_per_path_epoch)
THREADS_N=$(echo "$SWIFT_N_LINE" | field threads)
EPOCHS=$(echo "$SWIFT_N_LINE" | field epochs)

# 4. The NumPy port at the same paths and epochs (best of 3), and its statistics
#    against `capscript run SCENARIO --paths PATHS --format json`.
echo "== python3 bench/parametric_numpy.py $SCENARIO --paths $PATHS --epochs $EPOCHS --swift-bin $BIN"
STATUS=0
NP_OUT=$(python3 bench/parametric_numpy.py "$SCENARIO" --paths "$PATHS" --epochs "$EPOCHS" --swift-bin "$BIN") || STATUS=$?
echo "$NP_OUT"
NUMPY=$(echo "$NP_OUT" | grep '^numpy rng=' | field ns_per_path_epoch)

# 5. Exact cross-check of SCENARIO (the Philox + ziggurat port must reproduce Swift's
#    scorecard to 1e-12 relative), then coverage: every shock type, windows, p < 1,
#    liquidations (bench/scenarios/all_shocks.json), exactly with --rng philox and
#    within 4 s.e. with the NumPy RNG.
if [[ "${BENCH_CHECK:-1}" != 0 ]]; then
  for CHECK in "$SCENARIO philox" "bench/scenarios/all_shocks.json philox" "bench/scenarios/all_shocks.json numpy"; do
    read -r SCEN RNG <<<"$CHECK"
    echo "== cross-check: $SCEN --rng $RNG"
    python3 bench/parametric_numpy.py "$SCEN" --rng "$RNG" --paths "$PATHS" --repeats 1 \
      --swift-bin "$BIN" | grep -E '^(numpy|swift|philox) |^ziggurat:|^largest' || STATUS=1
  done
fi

# 6. Summary.
echo
echo "== summary: $SCENARIO, $PATHS paths x $EPOCHS epochs (lower is better)"
awk -v s1="$SWIFT_1" -v sn="$SWIFT_N" -v np="$NUMPY" -v n="$THREADS_N" 'BEGIN {
  printf "%-26s %18s %16s\n", "implementation", "ns/path-epoch", "numpy / this"
  printf "%-26s %18.2f %16.2f\n", "swift, 1 thread", s1, np / s1
  printf "%-26s %18.2f %16.2f\n", "swift, all cores (" n ")", sn, np / sn
  printf "%-26s %18.2f %16.2f\n", "numpy, 1 thread", np, 1
}'
if [[ $STATUS != 0 ]]; then
  echo "statistics: DISAGREE or NOT EXACT (see the tables above)" >&2
  exit 1
fi
echo "statistics: NumPy and Swift agree within 4 standard errors; the Philox port reproduces Swift to 1e-12 relative"
