#!/usr/bin/env bash
# Importance sampling vs plain Monte Carlo on rare liquidations (docs/IMPORTANCE.md).
#
#   bash bench/importance.sh                 # 2,000,000 plain paths per scenario (minutes)
#   PLAIN_PATHS=200000 bash bench/importance.sh   # a quicker, rougher check
#   PLAIN_PATHS=0 bash bench/importance.sh        # reuse the documented 2,000,000-path plain values
#
# For each of examples/scenarios/crash_rare_liquidation.json (p about 2e-4) and
# crash_very_rare_liquidation.json (p between 1e-5 and 1e-4) it runs:
#   - plain Monte Carlo with PLAIN_PATHS paths: p, its standard error and wall time;
#   - `--importance auto --until liquidation_probability:rse<0.1`: the paths (and
#     pilot paths) importance sampling needed for a 10% relative standard error;
# and prints the paths plain Monte Carlo needs for the same error, (1-p)/(p·0.01),
# the gain (with and without the pilot paths), and the gap in combined standard
# errors; then the same importance-sampled run for each seed of SEEDS (the rse,
# the paths with the pilot, the gain counted with the pilot, the gap per seed). On the first scenario it also compares the 99.9% ES interval from
# 20,000 importance-sampled paths with plain Monte Carlo's from 1,000,000, fields
# the tilt does not aim at (roi_mean, ...) with the plain intervals, and checks that
# --threads 1 and --threads 2 print the same bytes with importance sampling on.
#
# Environment: SWIFT_BIN (default .build/release/capscript, built if missing),
# PLAIN_PATHS (default 2000000; 0 takes the plain values of docs/IMPORTANCE.md),
# SEEDS (default "138 1 2 3 4"), OUT (default out/importance).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SWIFT_BIN:-.build/release/capscript}
PLAIN_PATHS=${PLAIN_PATHS:-2000000}
SEEDS=${SEEDS:-138 1 2 3 4}
OUT=${OUT:-out/importance}
[[ -x $BIN ]] || swift build -c release --product capscript >/dev/null
mkdir -p "$OUT"

# run NAME ARGS...: runs capscript, saves its JSON as OUT/NAME.json and its wall time as OUT/NAME.time.
run() {
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s.%N)
  "$BIN" run "$@" --format json --quiet >"$OUT/$name.json"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc >"$OUT/$name.time"
}

for s in crash_rare_liquidation crash_very_rare_liquidation; do
  f=examples/scenarios/$s.json
  if [[ $PLAIN_PATHS != 0 ]]; then
    echo "== $s: plain $PLAIN_PATHS paths" >&2
    run "$s.plain" "$f" --paths "$PLAIN_PATHS"
  fi
  echo "== $s: importance auto until rse<0.1" >&2
  run "$s.is" "$f" --importance auto --until "liquidation_probability:rse<0.1" --max-paths 400000
  for seed in $SEEDS; do
    echo "== $s: importance auto until rse<0.1, seed $seed" >&2
    run "$s.is.seed$seed" "$f" --importance auto --until "liquidation_probability:rse<0.1" --max-paths 400000 \
      --seed "$seed"
  done
done

s=crash_rare_liquidation
f=examples/scenarios/$s.json
echo "== $s: ES 99.9% (importance 20000 paths, plain 1000000 paths)" >&2
[[ -f $OUT/$s.plain1m.json && ${REUSE_PLAIN:-0} == 1 ]] || run "$s.plain1m" "$f" --paths 1000000
echo "== $s: --threads 1 vs --threads 2 with importance sampling" >&2
run "$s.t1" "$f" --importance auto --paths 20000 --threads 1
cp "$OUT/$s.t1.json" "$OUT/$s.is20k.json"
run "$s.t2" "$f" --importance auto --paths 20000 --threads 2
if cmp -s "$OUT/$s.t1.json" "$OUT/$s.t2.json"; then same=yes; else same=NO; fi

python3 - "$OUT" "$same" "$PLAIN_PATHS" "$SEEDS" <<'PY'
import json, math, sys
out, same, plain_paths, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split()
# The plain values of docs/IMPORTANCE.md (2,000,000 paths each), used with PLAIN_PATHS=0.
documented = {"crash_rare_liquidation": (2.550e-4, 106.0), "crash_very_rare_liquidation": (2.750e-5, 88.0)}
load = lambda n: json.load(open(f"{out}/{n}.json"))
wall = lambda n: float(open(f"{out}/{n}.time").read())
ok = True
print(f"{'scenario':30} {'plain p':>10} {'plain se':>9} {'plain s':>8} {'IS p':>10} {'IS rse':>7} {'IS paths':>9} {'pilot':>6} {'IS s':>6} {'plain need':>11} {'gain':>7} {'gain+pilot':>10} {'gap/se':>7}")
for s in ["crash_rare_liquidation", "crash_very_rare_liquidation"]:
    imp = load(s + ".is")
    if plain_paths:
        plain = load(s + ".plain")
        n, p, plain_wall = plain["provenance"]["paths"], plain["liquidation_probability"], wall(s + ".plain")
    else:
        (p, plain_wall), n = documented[s], 2_000_000
    se_p = math.sqrt(p * (1 - p) / n)
    q = imp["liquidation_probability"]
    se_q = imp["liquidation_probability_se"]
    m = imp["provenance"]["paths"]
    pilot = imp["importance"]["pilot_paths"]
    need = (1 - p) / (p * 0.01)  # from the plain p
    gap = abs(q - p) / math.sqrt(se_p ** 2 + se_q ** 2)
    print(f"{s:30} {p:10.3e} {se_p:9.2e} {plain_wall:8.1f} {q:10.3e} {se_q / q:7.3f} {m:9d} {pilot:6d} "
          f"{wall(s + '.is'):6.1f} {need:11.0f} {need / m:7.1f} {need / (m + pilot):10.1f} {gap:7.2f}")
    if imp["importance"]["warnings"]:
        print("   warnings:", imp["importance"]["warnings"])
    ok &= gap < 2 and se_q / q <= 0.1
    for seed in seeds:
        r = load(f"{s}.is.seed{seed}")
        q, se_q = r["liquidation_probability"], r["liquidation_probability_se"]
        m, pilot = r["provenance"]["paths"], r["importance"]["pilot_paths"]
        gap = abs(q - p) / math.sqrt(se_p ** 2 + se_q ** 2)
        print(f"   seed {seed:>4}: p {q:10.3e} rse {se_q / q:6.3f} paths {m:6d} + pilot {pilot:6d} = {m + pilot:6d}"
              f"  gain incl. pilot {need / (m + pilot):7.1f}  gap/se {gap:5.2f}  wall {wall(f'{s}.is.seed{seed}'):5.1f} s"
              + (f"  warnings: {r['importance']['warnings']}" if r["importance"]["warnings"] else ""))
s = "crash_rare_liquidation"
b, a = load(s + ".plain1m"), load(s + ".is20k")
wb = b["pnl_es_999_ci"][1] - b["pnl_es_999_ci"][0]
wa = a["pnl_es_999_ci"][1] - a["pnl_es_999_ci"][0]
print(f"ES 99.9%: importance 20000 paths (+{a['importance']['pilot_paths']} pilot) {a['pnl_es_999']:.0f} "
      f"{[round(v) for v in a['pnl_es_999_ci']]} width {wa:.0f}; "
      f"plain 1000000 paths {b['pnl_es_999']:.0f} {[round(v) for v in b['pnl_es_999_ci']]} width {wb:.0f}")
ok &= wa <= wb
for field in ["roi_mean", "bad_debt_mean", "deleverage_events", "max_drawdown_p95"]:
    se = a.get(field + "_se")
    lo, hi = b[field + "_ci"]
    print(f"{field}: importance (liquidation, 20000 paths) {a[field]:.6g} {a[field + '_ci']}; plain 1M {b[field]:.6g} [{lo:.6g}, {hi:.6g}]")
print(f"same bytes --threads 1 / 2 with importance sampling: {same}")
ok &= same == "yes"
sys.exit(0 if ok else 1)
PY
