-- The pilot's robustness across seeds (docs/IMPORTANCE.md, "Measured"): for each benchmark
-- scenario and pilot round size, 30 seeds (1001-1030) of --importance auto --until rse<0.1,
-- against the documented 2,000,000-path plain values.  capscript bench/importance_seeds.lua
local plain = {crash_rare_liquidation = {2.550e-4, 1.13e-5}, crash_very_rare_liquidation = {2.750e-5, 3.71e-6}}
for _, name in ipairs{"crash_rare_liquidation", "crash_very_rare_liquidation"} do
  local base = cap.scenario("examples/scenarios/" .. name .. ".json")
  local need = (1 - plain[name][1]) / (plain[name][1] * 0.01)
  for _, pilot in ipairs{500, 1000} do
    local sum, sumz, worst, warn, maxrse, minshare = 0, 0, 0, 0, 0, 1e9
    local n = 30
    for seed = 1, n do
      local s = base:with{seed = 1000 + seed}
      local r = cap.run(s, {importance = {pilot_paths = pilot}, precision = "liquidation_probability:rse<0.1", max_paths = 400000})
      local i = r.importance
      local p = r.liquidation_probability
      local se = (select(2, r:ci("liquidation_probability")) - p) / 1.959963984540054
      local tot = i.paths + i.pilot_paths
      sum = sum + p
      sumz = sumz + (p - plain[name][1]) / math.sqrt(se^2 + plain[name][2]^2)
      worst = math.max(worst, tot)
      maxrse = math.max(maxrse, se / p)
      if #i.warnings > 0 then warn = warn + 1 end
    end
    print(string.format("%s pilot %d: mean p %.3e (plain %.3e), mean z %.2f, max rse %.3f, max paths incl pilot %d, min gain incl pilot %.0f, runs with warnings %d/%d",
      name, pilot, sum / n, plain[name][1], sumz / n, maxrse, worst, need / worst, warn, n))
  end
end
