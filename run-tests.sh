#!/usr/bin/env bash
# The whole test suite: set up, lint, build (warnings are errors), run every test.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
# Style: argument-parser's .swift-format at 120 columns (see .swift-format).
swift format lint --strict -r Sources Tests
# One debug build of the products and the tests, with the flags `swift test` then reuses (--skip-build):
# a `swift test` with other flags than the `swift build` before it would compile everything a second time.
swift build --build-tests -Xswiftc -warnings-as-errors
# The end-to-end tests and the validation below run the release binary. On this 2-core machine its build
# takes about 85 s and saves about 190 s: the suite 148 s -> 57 s, the full validate 115 s -> 14 s.
# Without CAPSCRIPT_BIN the tests fall back to the debug binary beside the test bundle.
swift build -c release --product capscript
export CAPSCRIPT_BIN="$PWD/.build/release/capscript"
swift test --skip-build --disable-xctest
# CI-style validation of the shipped configs (every scenario against the policy gates), at their full size:
# the one full validation of a suite run (the tests use small --paths).
"$CAPSCRIPT_BIN" validate
# The NumPy bench at a tiny size, so it cannot rot: it reads the schema from `capscript schema`,
# and its exact Philox port must reproduce the Swift scorecard (installs a pinned NumPy if missing).
SWIFT_BIN="$CAPSCRIPT_BIN" bash bench/run.sh --tiny
