-- Uses a personal library module kept beside the script (examples/lib), put on
-- the module path the way CAPSCRIPT_PATH or --lib would.
local here = arg[0]:match("^(.*)/") or "."
package.path = here .. "/lib/?.lua;" .. package.path

local mine = require "my_stresses"
local stress = require "stress"
local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 2000, shocks = {} }

for _, case in ipairs({ { "calm", base }, { "bad quarter", mine.bad_quarter(base) },
                        { "bridge outage", stress.bridge_outage(base) } }) do
  local r = cap.run(case[2])
  print(string.format("%-14s roi %6.2f%%  dd95 %5.2f%%  liq %5.2f%%  throttles %.2f", case[1],
    100 * r.roi_mean, 100 * r.max_drawdown_p95, 100 * r.liquidation_probability, r.volatility_throttle_events))
end
for _, rung in ipairs(stress.depeg_ladder(base, { from = 0.01, to = 0.03, step = 0.01 })) do
  local r = cap.run(rung.scenario)
  print(string.format("depeg %.2f      peg deviation %.4f  intervention drag %.0f USD", rung.delta,
    r.peg_deviation_frequency, r.pnl_attribution.intervention_drag))
end
