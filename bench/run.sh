#!/usr/bin/env bash
# Native Swift loop vs a NumPy port of the same parametric capital overlay.
#
#   bench/run.sh [--tiny] [SCENARIO] [PATHS]      (defaults: crash_40pct_external_asset 20000)
#
#   --tiny (or BENCH_TINY=1): a CI-sized run that only proves the bench still works: 500 paths
#   (unless PATHS is given), one timed repetition on each side, every cross-check kept.
#   With a built binary: SWIFT_BIN=.build/release/capscript bash bench/run.sh --tiny
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

TINY=${BENCH_TINY:-0}
ARGS=()
for arg in "$@"; do
  if [[ $arg == --tiny ]]; then TINY=1; else ARGS+=("$arg"); fi
done
SCENARIO=${ARGS[0]:-crash_40pct_external_asset}
if [[ $TINY != 0 ]]; then
  PATHS=${ARGS[1]:-500}
  REPEATS=1
else
  PATHS=${ARGS[1]:-20000}
  REPEATS=3
fi
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

# 2. NumPy, only if it is missing (pinned: the version the figures in bench/README.md were taken with).
NUMPY_PIN=numpy==2.4.6
if ! python3 -c 'import numpy' 2>/dev/null; then
  echo "== pip install $NUMPY_PIN"
  python3 -m pip install "$NUMPY_PIN"
fi

echo "== machine"
echo "cores: $(nproc)   load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)   SIMD flags:" \
  "$(grep -m 1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'fma|avx2|avx512(f|bw|dq|vl)' | tr '\n' ' ')"
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

# 3. The native loop: 1 thread and all cores (best of REPEATS each).
#    With --all, first the coupled model, the Lua bridge, a sweep candidate and start-up.
echo "== $BIN bench $SCENARIO --all --paths $PATHS --repeats $REPEATS"
SWIFT_OUT=$("$BIN" bench "$SCENARIO" --all --paths "$PATHS" --repeats "$REPEATS")
echo "$SWIFT_OUT"
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
SWIFT_1=$(echo "$SWIFT_OUT" | grep '^swift threads=1 ' | field ns_per_path_epoch)
SWIFT_N_LINE=$(echo "$SWIFT_OUT" | grep '^swift threads=' | tail -n 1)
SWIFT_N=$(echo "$SWIFT_N_LINE" | field ns_per_path_epoch)
THREADS_N=$(echo "$SWIFT_N_LINE" | field threads)
EPOCHS=$(echo "$SWIFT_N_LINE" | field epochs)

# 4. The NumPy port at the same paths and epochs (best of REPEATS), and its statistics
#    against `capscript run SCENARIO --paths PATHS --format json`. The port reads names and
#    defaults from `$BIN schema --format json`.
echo "== python3 bench/parametric_numpy.py $SCENARIO --paths $PATHS --epochs $EPOCHS --repeats $REPEATS --swift-bin $BIN"
STATUS=0
NP_OUT=$(python3 bench/parametric_numpy.py "$SCENARIO" --paths "$PATHS" --epochs "$EPOCHS" --repeats "$REPEATS" \
  --swift-bin "$BIN") || STATUS=$?
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

# 6. Instruction counts (callgrind), where valgrind is installed: the same figures, free of
#    the machine's load (bench/instructions.sh; skipped without valgrind).
if [[ $TINY != 0 ]]; then bash bench/instructions.sh --tiny "$BIN"; else bash bench/instructions.sh "$BIN"; fi

# 7. Summary.
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
