--- compare: runs scenarios on common random numbers and tabulates the differences.
--
--   local compare = require "compare"
--   print(compare.table{ ["1.5x"] = s15, ["2x"] = s2 })
local compare = {}

compare.fields = { "roi_mean", "roi_p05", "max_drawdown_p95", "liquidation_probability",
                   "peg_deviation_frequency", "deleverage_events" }

--- Runs each named scenario; all keep their seed, so they see the same market paths
-- when they share one. Returns a list of { name, result } sorted by name.
function compare.run(named)
  local names = {}
  for name in pairs(named) do names[#names + 1] = name end
  table.sort(names)
  local out = {}
  for _, name in ipairs(names) do out[#out + 1] = { name = name, result = cap.run(named[name]) } end
  return out
end

--- A text table of the compare.fields for each named scenario.
function compare.table(named)
  local rows = compare.run(named)
  local lines = { string.format("%-16s" .. string.rep(" %14s", #compare.fields), "", table.unpack(compare.fields)) }
  for _, row in ipairs(rows) do
    local cells = {}
    for i, f in ipairs(compare.fields) do cells[i] = string.format("%.6g", row.result[f]) end
    lines[#lines + 1] = string.format("%-16s" .. string.rep(" %14s", #compare.fields), row.name, table.unpack(cells))
  end
  return table.concat(lines, "\n")
end

return compare
