#!/usr/bin/env bash
# The whole test suite: set up, build (warnings are errors), run every test.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
# Style: argument-parser's .swift-format at 120 columns (see .swift-format).
swift format lint --strict -r Sources Tests
swift build -Xswiftc -warnings-as-errors
swift test --disable-xctest
# CI-style validation of the shipped configs (every scenario against the policy gates).
.build/debug/capscript validate
