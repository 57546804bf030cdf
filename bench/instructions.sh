#!/usr/bin/env bash
# Instructions (valgrind --tool=callgrind, user space) of what bench/README.md quotes:
# the parametric and coupled models per path-epoch, a result field read and cap.policy()
# against a plain Lua function call, a sweep candidate, and start-up.
#
#   bench/instructions.sh [--tiny] BIN
#
# Each figure is a difference of two runs that differ only in the work measured
# (N loop iterations against none, K+1 candidates against 1, two path counts), so
# start-up and set-up cancel. Instruction counts do not depend on the load of the
# machine, so they can be compared across runs and commits. Exits 0 without
# measuring when valgrind is missing.
set -euo pipefail
TINY=0
if [[ ${1:-} == --tiny ]]; then TINY=1; shift; fi
BIN=${1:?usage: bench/instructions.sh [--tiny] BIN}
if ! command -v valgrind >/dev/null; then
  echo "instructions: valgrind not found, skipped"
  exit 0
fi
if [[ $TINY != 0 ]]; then LOOPS=2000 CANDS=10 P1=10 P2=20 E=40; else LOOPS=100000 CANDS=200 P1=100 P2=200 E=100; fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Instructions of one command (callgrind's total).
instr() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*refs: *//p' | tr -d ,; }
# Instructions per unit of a difference: (b - a) / units.
per() { awk -v a="$1" -v b="$2" -v u="$3" 'BEGIN { printf "%.0f", (b - a) / u }'; }

# Lua: one script per body, with the loop run 0 and LOOPS times.
lua_loop() {
  local n=$2
  cat >"$WORK/loop.lua" <<LUA
local function f() end
local r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 40})
local x = r.roi_mean; local p = cap.policy()
for i = 1, $n do $1 end
LUA
  instr "$BIN" "$WORK/loop.lua"
}
call0=$(lua_loop "f()" 0)
call=$(per "$call0" "$(lua_loop "f()" "$LOOPS")" "$LOOPS")
field=$(per "$(lua_loop "local x = r.roi_mean" 0)" "$(lua_loop "local x = r.roi_mean" "$LOOPS")" "$LOOPS")
policy=$(per "$(lua_loop "local p = cap.policy()" 0)" "$(lua_loop "local p = cap.policy()" "$LOOPS")" "$LOOPS")

# A sweep of K+1 leverage candidates at 10 paths x 10 epochs against one of 1 (a
# grid of the one leverage 1: a range over 1..2.5 with a step of 1 would be 3).
sweep() {
  cat >"$WORK/sweep.lua" <<LUA
local base = cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 10, shocks = {}}
local n = $1
local step = n > 1 and 1.5 / (n - 1) or 1
local leverage = n > 1 and cap.range(1, 2.5 + step / 2, step) or { 1 }
assert(#leverage == n, "the sweep has " .. #leverage .. " candidates, not " .. n)
local res = cap.sweep{ base = base, grid = { leverage = leverage } }:run()
LUA
  instr "$BIN" "$WORK/sweep.lua"
}
candidate=$(per "$(sweep 1)" "$(sweep $((CANDS + 1)))" "$CANDS")

# The models: two path counts on one thread.
model() {
  per "$(instr "$BIN" run "$1" --paths "$P1" --epochs "$E" --threads 1 --quiet --format json)" \
    "$(instr "$BIN" run "$1" --paths "$P2" --epochs "$E" --threads 1 --quiet --format json)" $(((P2 - P1) * E))
}
parametric=$(model crash_40pct_external_asset)
coupled=$(model chain138_deployed_capital_efficiency)
startup=$(instr "$BIN" --version)

echo "== instructions (callgrind; loops $LOOPS, sweep +$CANDS candidates, paths $P1 -> $P2 x $E epochs)"
printf '%-44s %14s\n' "what" "instructions"
printf '%-44s %14s\n' "parametric model, per path-epoch" "$parametric"
printf '%-44s %14s\n' "coupled model (chain138 deployed), per path-epoch" "$coupled"
printf '%-44s %14s\n' "plain Lua function call f()" "$call"
printf '%-44s %14s  (%.2fx a call)\n' "result field read r.roi_mean" "$field" "$(awk -v a="$field" -v b="$call" 'BEGIN{print a/b}')"
printf '%-44s %14s  (%.2fx a call)\n' "cap.policy()" "$policy" "$(awk -v a="$policy" -v b="$call" 'BEGIN{print a/b}')"
printf '%-44s %14s\n' "sweep candidate, 10 paths x 10 epochs" "$candidate"
printf '%-44s %14s\n' "start-up (capscript --version)" "$startup"
