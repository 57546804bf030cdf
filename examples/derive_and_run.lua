-- Derive a harsher crash from a shipped scenario, run it, and read the scorecard.
-- Its params are set on the command line (`--help` lists them):
--   capscript examples/derive_and_run.lua --leverage=2.5 --drop 0.3
params = {
  leverage = { "target leverage of the derived scenario", 2.0, min = 1, max = 4 },
  drop = { "fall of the asset price in the crash", 0.5, min = 0, max = 1 },
  at = { "epoch the crash fires in", 30, min = 0 },
  paths = { "Monte Carlo paths", 4000, min = 1 },
}

local base = cap.scenario "crash_40pct_external_asset"

-- A 50% crash at epoch 30 on 2x leverage (by default): does the book survive?
local harsh = base:with{
  leverage = params.leverage,
  paths = params.paths,
  shocks = { cap.shock.asset_crash{ at = params.at, drop = params.drop } },
}

local r = cap.run(harsh)
print(r)                                   -- the formatted scorecard
print(string.format("liquidated on %.1f%% of paths; mean ROI %.2f%% (s.e. %.2f%%)",
  100 * r.liquidation_probability, 100 * r.roi_mean, 100 * r.roi_mean_stderr))
