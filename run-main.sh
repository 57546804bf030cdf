#!/usr/bin/env bash
# The main job: set up, build in release mode, and run the capital stress
# scenarios on the shipped configs, printing their scorecards.
set -euo pipefail
cd "$(dirname "$0")"
./setup.sh
swift build -c release
bin=.build/release/capscript
for scenario in crash_40pct_external_asset high_vol_sigma_spike bank_run_redemption_spike; do
  "$bin" run "$scenario" --out out
  echo
done
"$bin" run leverage_sweep_1x_to_4x --out out
echo
"$bin" validate
echo "Scorecards saved as JSON under out/, the sweep journal under out/sweeps/."
