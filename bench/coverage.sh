#!/usr/bin/env bash
# Coverage of the 95% intervals (Sources/SimCore/Statistics) at 2,000 trials per
# estimator: the IntervalCoverage suite of Tests/SimCoreTests/IntervalCoverageTests.swift,
# which runs 400 trials in the ordinary test run. It prints one line per estimator:
#   coverage <estimator> n=<sample size> trials=<T> covered=<k> rate=<k/T> expected=<c> band=±<4 sqrt(c(1-c)/T)>
# and fails if a rate leaves its band.
#
#   bash bench/coverage.sh            # 2,000 trials (about 2 minutes in a debug build)
#   bash bench/coverage.sh 10000      # any other number of trials
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-2000}"
swift build --build-tests >/dev/null
CAPSCRIPT_COVERAGE_TRIALS="$trials" swift test --disable-xctest --skip-build --filter IntervalCoverage 2>&1 |
  grep -E '^coverage |Test run|✘'
