#!/usr/bin/env bash
# CI's short fuzzing run (docs/HARDENING.md): each libFuzzer target for a fixed
# number of executions from the seed corpus, then a fixed set of random Lua
# scripts through the release binary. Any crash or hang fails the run.
# Usage: fuzz/run-ci.sh [RUNS] [SCRIPTS] (default 20000 executions, 150 scripts).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20000}"
scripts="${2:-150}"
fuzz/build.sh
# Scratch corpora are thrown away; crashing inputs and scripts stay in .build-fuzz/artifacts.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts=.build-fuzz/artifacts
mkdir -p "$artifacts"
for target in .build-fuzz/fuzz-*; do
  mkdir -p "$work/$(basename "$target")"
  # New inputs go to the first (scratch) folder; the seed corpus is only read.
  "$target" -runs="$runs" -seed=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" "$work/$(basename "$target")" fuzz/corpus/config
done
binary="${CAPSCRIPT_BIN:-.build/release/capscript}"
[ -x "$binary" ] || swift build -c release --product capscript
python3 fuzz/luafuzz.py --binary "$binary" --count "$scripts" --seed 1 --jobs 2 --out "$artifacts/lua"
