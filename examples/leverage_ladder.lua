-- Walk leverage up a ladder on the crash scenario (common random numbers:
-- every rung sees the same market paths), and report where liquidations start.
local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 2000 }
local policy = cap.policy()

print(string.format("%-8s %10s %12s %14s %s", "leverage", "roi_mean", "p(liquidate)", "drawdown p95", "gates"))
for _, leverage in ipairs(cap.range(1.0, 3.0, 0.5)) do
  local r = cap.run(base:with{ leverage = leverage })
  local ok = r.liquidation_probability <= policy.gates.liquidationProbability
         and r.max_drawdown_p95 <= policy.gates.maxDrawdownP95
  print(string.format("%-8.2f %9.2f%% %11.2f%% %13.2f%% %s", leverage, 100 * r.roi_mean,
    100 * r.liquidation_probability, 100 * r.max_drawdown_p95, ok and "pass" or "FAIL"))
end
