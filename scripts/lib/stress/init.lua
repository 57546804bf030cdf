--- stress: reusable stress building blocks for capscript scenarios.
--
-- Each block takes a scenario and options and returns a NEW scenario (or a
-- list of them); the original is never changed. Shocks are added after the
-- scenario's own, so they apply after them within an epoch.
--
--   local stress = require "stress"
--   local s = stress.crash_then_run(cap.scenario "crash_40pct_external_asset", { at = 30 })
local stress = {}

local function with_shocks(scenario, extra)
  local shocks = scenario.shocks          -- a copy of the scenario's shock list
  for _, shock in ipairs(extra) do shocks[#shocks + 1] = shock end
  return scenario:with{ shocks = shocks }
end
stress.with_shocks = with_shocks

--- A crash of the external asset followed by a redemption wave.
-- opts: at (epoch of the crash, default 30), drop (default 0.4),
--       lag (epochs between crash and run, default 5), rate (redemptions per
--       epoch as a fraction of capital, default 0.004), epochs (length of the run, default 20),
--       liquidity (factor on external liquidity when the run starts, default 0.7)
function stress.crash_then_run(scenario, opts)
  opts = opts or {}
  local at, lag = opts.at or 30, opts.lag or 5
  return with_shocks(scenario, {
    cap.shock.asset_crash{ at = at, drop = opts.drop or 0.4 },
    cap.shock.redemption_wave{ at = at + lag, rate = opts.rate or 0.004, epochs = opts.epochs or 20 },
    cap.shock.liquidity_shock{ at = at + lag, factor = opts.liquidity or 0.7 },
  })
end

--- A ladder of peg shocks of growing size: one scenario per rung.
-- opts: at (default 30), from (default 0.005), to (default 0.05), step (default 0.005)
-- Returns a list of { delta = d, scenario = s }.
function stress.depeg_ladder(scenario, opts)
  opts = opts or {}
  local rungs = {}
  for _, delta in ipairs(cap.range(opts.from or 0.005, opts.to or 0.05, opts.step or 0.005)) do
    rungs[#rungs + 1] = {
      delta = delta,
      scenario = with_shocks(scenario, { cap.shock.peg_shock{ at = opts.at or 30, delta = -delta } }),
    }
  end
  return rungs
end

--- A volatility regime switch: volatility jumps to `level` at `at` and is
-- pushed back down by `calm` after `length` epochs (mean reversion does the rest).
-- opts: at (default 30), level (default 0.9), length (default 60), calm (default 0.5)
function stress.vol_regime(scenario, opts)
  opts = opts or {}
  local at = opts.at or 30
  return with_shocks(scenario, {
    cap.shock.vol_spike{ at = at, level = opts.level or 0.9 },
    cap.shock.vol_spike{ at = at + (opts.length or 60), add = -(opts.calm or 0.5) },
  })
end

--- A bridge outage seen from the capital overlay: holders of bridged tokens
-- sell one way for `epochs` epochs (a flow imbalance) while external depth
-- collapses (a liquidity shock). In coupled mode, prefer the pool-level
-- `bridge_halt` shock, which the routing model simulates directly.
-- opts: at (default 30), epochs (default 10), imbalance (default -0.01), liquidity (default 0.3)
function stress.bridge_outage(scenario, opts)
  opts = opts or {}
  local at = opts.at or 30
  return with_shocks(scenario, {
    cap.shock.flow_shock{ at = at, imbalance = opts.imbalance or -0.01, epochs = opts.epochs or 10 },
    cap.shock.liquidity_shock{ at = at, factor = opts.liquidity or 0.5 },
  })
end

--- A crash that may strike at any epoch of a window, on a share of paths.
-- opts: from (default 30), to (default epochs-1), p (default 0.1), drop (default 0.3)
function stress.random_crash(scenario, opts)
  opts = opts or {}
  return with_shocks(scenario, {
    cap.shock.asset_crash{ from = opts.from or 30, to = opts.to or (scenario.epochs - 1),
                           p = opts.p or 0.1, drop = opts.drop or 0.3 },
  })
end

return stress
