#!/usr/bin/env bash
# Scorecards of every shipped scenario, byte for byte, from this work tree and
# from another commit (default: origin of the re-split, the first argument).
#
#   tools/compare-scorecards.sh REF [PATHS]
#
# Builds REF in a temporary worktree (release, scratch .build-ref) and this tree
# (release), runs `capscript run NAME --format json --quiet` for every scenario
# in config/scenarios (optimizer scenarios print their ranked candidates), with
# PATHS paths when given (default: each scenario's own), and diffs the outputs.
# Exits 1 on any difference. Outputs are kept under out/scorecards/{ref,here}.
set -euo pipefail
cd "$(dirname "$0")/.."
REF=${1:?usage: tools/compare-scorecards.sh REF [PATHS]}
PATHS=${2:-}
ROOT=$PWD
WT=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WT" >/dev/null 2>&1 || true' EXIT
git worktree add --detach -q "$WT" "$REF"
echo "== building $REF and this tree (release)"
swift build -c release --package-path "$WT" --scratch-path "$ROOT/.build-ref" --product capscript 2>&1 | tail -n 1
swift build -c release --product capscript 2>&1 | tail -n 1
REF_BIN="$ROOT/.build-ref/release/capscript"
HERE_BIN="$ROOT/.build/release/capscript"
rm -rf out/scorecards && mkdir -p out/scorecards/ref out/scorecards/here
status=0
for f in config/scenarios/*.json; do
  name=$(basename "$f" .json)
  args=(run "$name" --format json --quiet --config "$ROOT/config" --out "$(mktemp -d)")
  [[ -n $PATHS ]] && args+=(--paths "$PATHS")
  "$REF_BIN" "${args[@]}" >"out/scorecards/ref/$name.json"
  "$HERE_BIN" "${args[@]}" >"out/scorecards/here/$name.json"
  if cmp -s "out/scorecards/ref/$name.json" "out/scorecards/here/$name.json"; then
    echo "identical  $name"
  else
    echo "DIFFERENT  $name"
    diff "out/scorecards/ref/$name.json" "out/scorecards/here/$name.json" | head -n 20 || true
    status=1
  fi
done
exit $status
