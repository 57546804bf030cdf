-- Derive a harsher crash from a shipped scenario, run it, and read the scorecard.
local base = cap.scenario "crash_40pct_external_asset"

-- A 50% crash at epoch 30 on 2x leverage: does the book survive?
local harsh = base:with{
  leverage = 2.0,
  paths = 4000,
  shocks = { cap.shock.asset_crash{ at = 30, drop = 0.5 } },
}

local r = cap.run(harsh)
print(r)                                   -- the formatted scorecard
print(string.format("liquidated on %.1f%% of paths; mean ROI %.2f%% (s.e. %.2f%%)",
  100 * r.liquidation_probability, 100 * r.roi_mean, 100 * r.roi_mean_stderr))
