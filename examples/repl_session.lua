-- An exploration saved from the REPL: what does a bank run cost at each
-- allocation, and where does the liquidity floor start to bind?
-- (Typed at `capscript repl`, then saved; every line works there as typed.)
local s = cap.scenario("bank_run_redemption_spike"):with{ paths = 2000 }
print(s)
for _, a in ipairs({ 0.2, 0.4, 0.6, 0.8 }) do
  local r = cap.run(s:with{ allocation = a })
  print(string.format("allocation %.1f  roi %6.2f%%  dd95 %5.2f%%  floor violations %5.1f  peg dev %.4f",
    a, 100 * r.roi_mean, 100 * r.max_drawdown_p95, r.external_liquidity_floor_violations, r.peg_deviation_frequency))
end
local r = cap.run(s)
print("attribution of the mean PnL (USD):")
local terms = {}
for k in pairs(r.pnl_attribution) do terms[#terms + 1] = k end
table.sort(terms)
for _, k in ipairs(terms) do print(string.format("  %-18s %12.0f", k, r.pnl_attribution[k])) end
