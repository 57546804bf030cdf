-- Conditional questions from per-path event epochs: how likely is a liquidation
-- given that a random crash hit in the first 30 epochs, against a later crash or none?
-- Epochs are 0-based everywhere (a shock's `at`, `from` and `to`, r:paths "shock_epoch_1",
-- r:paths "liquidation_epoch"); -1 means never.
--   capscript examples/liquidation_given_early_crash.lua --paths 20000
params = {
  paths = { "Monte Carlo paths", 4000, min = 1 },
  leverage = { "target leverage", 2.0, min = 1, max = 4 },
  within = { "a crash counts as early when it fires before this epoch", 30, min = 1 },
}

-- A 40% crash on half the paths, at a uniform epoch of the first 120.
local s = cap.scenario("crash_40pct_external_asset"):with{
  paths = params.paths,
  epochs = 180,
  leverage = params.leverage,
  shocks = { cap.shock.asset_crash{ from = 0, to = 119, drop = 0.4, p = 0.5 } },
}
local r = cap.run(s)

local crash = r:paths "shock_epoch_1"          -- epoch the crash fired in, -1 on paths without one
local liquidation = r:paths "liquidation_epoch" -- epoch of the liquidation, -1 on paths never liquidated

-- Counts liquidated paths among those `keep` selects: returns liquidated, paths.
local function liquidated_among(keep)
  local n, k = 0, 0
  for i = 1, #crash do
    if keep(crash[i]) then
      n = n + 1
      if liquidation[i] >= 0 then k = k + 1 end
    end
  end
  return k, n
end

local function report(label, k, n)
  print(string.format("P(liquidated | %s) = %.4f  (%d of %d paths)", label, n > 0 and k / n or 0 / 0, k, n))
end

report(string.format("crash in epochs 0-%d", params.within - 1),
  liquidated_among(function(e) return e >= 0 and e < params.within end))
report(string.format("crash at epoch %d or later", params.within),
  liquidated_among(function(e) return e >= params.within end))
report("no crash", liquidated_among(function(e) return e < 0 end))
print(string.format("P(liquidated) = %.4f", r.liquidation_probability))
