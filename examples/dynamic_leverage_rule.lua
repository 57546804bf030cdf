-- A per-epoch rule in Lua: leverage that follows the market, which no scenario
-- parameter can express. The rule runs at step 3 of every epoch of every path
-- (docs/MODEL.md, "Per-epoch rules"), sees a read-only state and may return
-- new targets for that epoch.
--
-- The rule targets 40% volatility: leverage = 0.4 / sigma, between 1x and
-- 2.2x. Because its target moves every epoch, the book is re-set every epoch,
-- so its loan-to-value never drifts up with the asset as a fixed book's does;
-- and 2.2x stays below the 2.27x at which a 30% crash liquidates a fresh book.
-- Compared with fixed books on the leverage sweep's market (a 5% chance of a
-- 30% crash, a 10% chance of a volatility spike), on the same paths.
-- A rule costs a Lua call per path-epoch and runs on one thread: keep paths small.
local base = cap.scenario("leverage_sweep_1x_to_4x"):with{ paths = 200 }

local function volatility_target(st)
  return { leverage = math.max(1, math.min(2.2, 0.4 / st.sigma)) }
end

local rows = {
  { "fixed 1.5x", base:with{ leverage = 1.5 } },
  { "fixed 2x", base:with{ leverage = 2 } },
  { "fixed 2.5x", base:with{ leverage = 2.5 } },
  { "vol target", base:with{ leverage = 2, rule = volatility_target } },
}
print(string.format("%-11s %9s %9s %13s %13s %12s", "book", "roi_mean", "twr_mean", "p(liquidate)",
  "drawdown p95", "deleverages"))
for _, row in ipairs(rows) do
  local r = cap.run(row[2])
  print(string.format("%-11s %8.2f%% %8.2f%% %12.2f%% %12.2f%% %12.3f", row[1], 100 * r.roi_mean,
    100 * r.twr_mean, 100 * r.liquidation_probability, 100 * r.max_drawdown_p95, r.deleverage_events))
end
