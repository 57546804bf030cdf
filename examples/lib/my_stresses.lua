--- A personal library module: a quant's own stress on top of the shipped blocks.
local stress = require "stress"
local M = {}

--- "The bad quarter": a volatility regime, then a crash, then a run.
function M.bad_quarter(scenario)
  local s = stress.vol_regime(scenario, { at = 20, level = 0.8, length = 40 })
  return stress.crash_then_run(s, { at = 45, drop = 0.3, rate = 0.003, epochs = 15 })
end

return M
