-- The cost of a per-epoch Lua rule: the leverage sweep's scenario at 2x without a
-- rule, with an empty one, and with the volatility-target rule of
-- examples/dynamic_leverage_rule.lua, all on one thread, best of three;
-- prints CPU microseconds per path-epoch.
--
--   .build/release/capscript bench/rule_cost.lua [PATHS]
local paths = tonumber(arg and arg[1]) or 2000
local base = cap.scenario("leverage_sweep_1x_to_4x"):with{ paths = paths, leverage = 2 }
local function dynamic(st)
  return { leverage = math.max(1, math.min(2.2, 0.4 / st.sigma)) }
end
-- CPU seconds (os.clock) of the best of three one-thread runs: on a shared
-- machine the wall clock also counts the time other processes held the cores.
local function best(s)
  local t = math.huge
  for _ = 1, 3 do
    local c = os.clock()
    cap.run(s, { threads = 1 })
    t = math.min(t, os.clock() - c)
  end
  return t
end
local pe = paths * base.epochs
local native = best(base)
local nilrule = best(base:with{ rule = function() end })
local ruled = best(base:with{ rule = dynamic })
print(string.format("%d path-epochs: native %.3f us, empty rule %.3f us, dynamic rule %.3f us per path-epoch",
  pe, 1e6 * native / pe, 1e6 * nilrule / pe, 1e6 * ruled / pe))
print(string.format("rule overhead: %.3f us (empty), %.3f us (dynamic) per path-epoch",
  1e6 * (nilrule - native) / pe, 1e6 * (ruled - native) / pe))
