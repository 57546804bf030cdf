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

--- A text table of the compare.fields for each named scenario: each column as
-- wide as its header or its widest value, right-aligned under its header.
function compare.table(named)
  local rows = compare.run(named)
  local header, widths, nameWidth = { "" }, {}, 16
  local cells = {}
  for r, row in ipairs(rows) do
    nameWidth = math.max(nameWidth, #row.name)
    cells[r] = { row.name }
    for i, f in ipairs(compare.fields) do cells[r][i + 1] = string.format("%.6g", row.result[f]) end
  end
  for i, f in ipairs(compare.fields) do
    header[i + 1] = f
    widths[i] = #f
    for r = 1, #rows do widths[i] = math.max(widths[i], #cells[r][i + 1]) end
  end
  local format = "%-" .. nameWidth .. "s"
  for i = 1, #compare.fields do format = format .. "  %" .. widths[i] .. "s" end
  local lines = { string.format(format, table.unpack(header)) }
  for r = 1, #rows do lines[#lines + 1] = string.format(format, table.unpack(cells[r])) end
  return table.concat(lines, "\n")
end

return compare
