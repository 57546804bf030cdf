-- A sweep over allocation and leverage with a custom objective: rank by the
-- 5th-percentile ROI (a tail-aware objective) instead of the policy's score,
-- but keep the policy's verdict on deployability.
local base = cap.scenario("leverage_sweep_1x_to_4x"):with{ paths = 1500 }
local sweep = cap.sweep{ base = base, grid = { leverage = cap.range(1, 2.5, 0.5), allocation = { 0.4, 0.6, 0.8 } } }
local res = sweep:run()

local candidates = res.candidates
table.sort(candidates, function(a, b)
  if a.roi_p05 ~= b.roi_p05 then return a.roi_p05 > b.roi_p05 end
  return a.label < b.label
end)
print(string.format("%-32s %9s %9s %9s  %s", "candidate", "roi_p05", "roi_mean", "liq_prob", "deployable"))
for i = 1, 6 do
  local c = candidates[i]
  print(string.format("%-32s %8.2f%% %8.2f%% %8.2f%%  %s", c.label, 100 * c.roi_p05, 100 * c.roi_mean,
    100 * c.liquidation_probability, c.deployable and "yes" or ("no: " .. table.concat(c.failed_gates, "; "))))
end
local best = res:best{ deployable = true }
print("policy's top deployable: " .. best.label)
