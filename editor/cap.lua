---@meta capscript
-- LuaLS definitions of the `cap` module (https://luals.github.io): point your
-- editor's Lua language server at this folder ("workspace.library") and it
-- completes and type-checks capscript scripts. A test keeps this file in step
-- with the bridge: every `cap` function and every scenario field is declared.

---@class cap.Shock
---@field type string shock type
---@field at? integer epoch the shock applies at
---@field from? integer first epoch of a random window
---@field to? integer last epoch of a random window
---@field p? number probability the shock happens on a path

---@class cap.ScenarioFields
---@field name? string
---@field description? string
---@field paths? integer Monte Carlo paths (1 to 10,000,000)
---@field epochs? integer epochs per path (1 to 100,000)
---@field epochsPerYear? integer epochs in a year (dt = 1/epochsPerYear)
---@field seed? integer random seed (same seed, same numbers)
---@field pmm? table { mode = "parametric"|"coupled"|"calibrated" }
---@field graphMode? string "none"|"synthetic"|"deployed"
---@field capitalEfficiency? table the capital overlay's fields (below, also by bare name)
---@field shocks? cap.Shock[]
---@field expect? table<string, {min?: number, max?: number}> bounds on scorecard fields
---@field sweep? table the optimizer design
---@field mode? string "run"|"optimizer"
---@field capital? number treasury capital T0 in USD (default 10000000; range 1...1e13)
---@field allocation? number alpha: fraction of capital in the book (default 0.6; range 0...1)
---@field leverage? number L: target leverage (hard limit from policy) (default 1.5; range 1...4)
---@field yieldRate? number annual yield on deployed collateral (default 0.10; range -1...1)
---@field borrowRate? number annual borrow rate on debt (default 0.04; range 0...1)
---@field mu? number annual drift of the external asset S (default 0; range -2...2)
---@field sigma0? number initial annualised volatility (default 0.20; range 0...5)
---@field sigmaBar? number long-run volatility (default 0.20; range 0...5)
---@field sigmaMin? number volatility floor (default 0.05; range 0...5)
---@field kappa? number annual mean-reversion speed of volatility (x dt) (default 4; range 0...365)
---@field eta? number annual volatility of volatility (x sqrt(dt)) (default 0.3; range 0...10)
---@field sigmaCrit? number volatility above which the book is throttled (default 0.6; range 0...10)
---@field throttleAllocationFactor? number allocation multiplier while throttled (default 0.5; range 0...1)
---@field stressLeverage? number leverage cap while throttled (default 1.0; range 1...4)
---@field targetSpreadBps? number spread in calm markets (bps) (default 40; range 0...10_000)
---@field spreadWidenFactor? number spread multiplier per throttled epoch (default 1.5; range 1...100)
---@field spreadCeilingBps? number widest spread (bps) (default 120; range 0...10_000)
---@field ell0? number initial external liquidity (fraction of T) (default 0.35; range 0...1)
---@field ellBar? number long-run external liquidity (default 0.35; range 0...1)
---@field kappaL? number annual mean-reversion speed of liquidity (x dt) (default 12; range 0...365)
---@field etaL? number annual volatility of liquidity (x sqrt(dt)) (default 0.1; range 0...10)
---@field redemptionLiquidityShare? number share of redemptions paid from external liquidity (default 1; range 0...1)
---@field liquidationThreshold? number protocol LTV at which the book is liquidated (default 0.80; range 0...1)
---@field maxLTV? number LTV above which the book deleverages (default: policy maxLTV) (default .nan; range 0...1)
---@field liquidationPenalty? number penalty on seized collateral (default 0.05; range 0...1)
---@field deleverageCostBps? number cost of collateral sold to deleverage (bps) (default 15; range 0...10_000)
---@field capture0? number PMM share of flow at the target spread (default 0.35; range 0...1)
---@field captureElasticity? number capture lost per relative spread widening (default 1; range 0...100)
---@field flowTurnover? number annual flow volume as a multiple of T (default 24; range 0...10_000)
---@field volumeVol? number lognormal volatility of per-epoch volume (default 0.4; range 0...5)
---@field flowVol? number per-epoch volatility of the hub flow imbalance (default 0.001; range 0...1)
---@field redemptionImbalance? number flow imbalance per unit redemption (default 0.5; range 0...100)
---@field pegBeta? number peg price move per unit imbalance (default 0.5; range 0...100)
---@field arbLiquidityCoefficient? number share of the peg gap closed by arbitrage at full liquidity (default 0.3; range 0...1)
---@field interventionBand? number |P-1| beyond which the treasury intervenes (default 0.002; range 0...1)
---@field interventionGain? number liquidity spent per unit of peg gap beyond the band (default 1; range 0...1_000)
---@field interventionImpact? number peg move per unit of liquidity spent (default 0.5; range 0...1_000)
---@field interventionCostBps? number cost of intervention trades (bps) (default 5; range 0...10_000)
---@field baseRedemptionRate? number annual redemption rate in calm markets (default 0.01; range 0...10)
---@field redemptionFeeBps? number cost of paying out redemptions (bps) (default 10; range 0...10_000)
---@field fireSaleHaircut? number haircut on redemptions not covered by external liquidity (default 0.1; range 0...1)

---@class cap.Scenario: cap.ScenarioFields
---@field hash string content hash (provenance)
---@field file string where the scenario was read from
---@field optimizer boolean whether `capscript run` runs its sweep
local Scenario = {}

--- A new scenario with `fields` changed (bare capital names, top-level names or dotted paths); unknown fields are errors.
---@param fields cap.ScenarioFields|table<string, any>
---@return cap.Scenario
function Scenario:with(fields) end

---@class cap.Result
---@field roi_mean number
---@field roi_p05 number
---@field roi_p95 number
---@field roi_mean_stderr number standard error of roi_mean
---@field max_drawdown_p95 number
---@field liquidation_probability number
---@field peg_deviation_frequency number
---@field external_liquidity_floor_violations number mean per path
---@field volatility_throttle_events number mean per path
---@field spread_adjustment_events number mean per path
---@field deleverage_events number mean per path
---@field pnl_distribution {quantiles: table<string, number>, histogram: {edges: number[], counts: integer[]}}
---@field pnl_attribution table<string, number> mean USD per term
---@field provenance table scenario, hashes, seed, paths, epochs, model version
---@field routing? table runs with a pool graph: capture, churn, intervention_cost, peg_deviation, worst_pools, pools
---@field pools? table[] runs with a pool graph: per-pool diagnostics (pool, capture, churn, intervention_cost, ...)
---@field bands? {paths: integer, p05: number[], p25: number[], p50: number[], p75: number[], p95: number[]} per-epoch ROI quantiles, when the run kept them (cap.run(s, {bands = true}))
---@field scenario cap.Scenario
---@field elapsed number seconds
local Result = {}

--- Writes the scorecard: .json, .csv, .md or .txt by extension, whole or not at all.
--- With {paths = true}, the per-path arrays instead (.csv or .json, one row per path).
---@param path string
---@param opts? {paths?: boolean}
function Result:save(path, opts) end

--- A per-path array in path order: "roi", "pnl", "max_drawdown", "liquidated", ...
---@param name string
---@return number[]
function Result:paths(name) end

---@class cap.Candidate
---@field label string
---@field score number
---@field deployable boolean
---@field failed_gates string[]
---@field roi_mean number
---@field liquidation_probability number
---@field max_drawdown_p95 number

---@class cap.SweepResult
---@field candidates cap.Candidate[] ranked best first
---@field pareto cap.Candidate[]
local SweepResult = {}

---@param n? integer
---@return string
function SweepResult:top(n) end

---@param opts? {deployable?: boolean}
---@return cap.Candidate?
function SweepResult:best(opts) end

---@param path string .json, .csv, .md or .txt
function SweepResult:save(path) end

---@class cap.Sweep
---@field size integer number of candidates
---@field base cap.Scenario
local Sweep = {}

--- Runs every candidate on common random numbers; journals them when the sweep names a journal folder.
---@return cap.SweepResult
function Sweep:run() end

---@class cap
---@field version string
---@field shock table<string, fun(fields: table): cap.Shock>
cap = {}

--- A scenario by name (config/scenarios/NAME.json), path, or table.
---@param name_or_table string|cap.ScenarioFields
---@return cap.Scenario
function cap.scenario(name_or_table) end

--- Runs a scenario natively on all cores.
---@param scenario cap.Scenario
---@param opts? {threads?: integer, bands?: boolean|integer} bands: keep per-epoch ROI quantiles (fan chart) over min(paths, 5000) paths, or over this many
---@return cap.Result
function cap.run(scenario, opts) end

--- The policy in force (config/capital-efficiency-policy.json) as a table.
---@return table
function cap.policy() end

--- Names of the scenarios in config/scenarios.
---@return string[]
function cap.scenarios() end

--- A result or sweep result as "table", "json", "csv" or "markdown" text.
---@param result cap.Result|cap.SweepResult
---@param format? string
---@return string
function cap.format(result, format) end

--- An optimizer sweep: {base = scenario, grid|random|latinHypercube = {...}, samples?, halving?, initialPaths?, seed?, journal?, resume?}.
---@param spec table
---@return cap.Sweep
function cap.sweep(spec) end

--- The policy gates for a result: {passed, failed}.
---@param result cap.Result
---@return {passed: boolean, failed: string[]}
function cap.gates(result) end

--- The policy gates and the scenario's own expectations, as `capscript validate` holds them.
---@param result cap.Result|cap.SweepResult
---@return {passed: boolean, failures: string[]}
function cap.check(result) end

--- Writes one self-contained HTML report (inline SVG charts, provenance) of a result or sweep result; returns the path.
---@param result cap.Result|cap.SweepResult
---@param path string ending in .html
---@return string
function cap.report(result, path) end

--- Fits the parametric constants (capture0, flowTurnover, volumeVol, flowVol, interventionCostBps)
--- from a coupled run; returns the calibrated scenario and the fit {NAME = {value, previous, note}, checks, dropped_shocks}.
---@param result cap.Result
---@param opts? {threads?: integer}
---@return cap.Scenario, table
function cap.calibrate(result, opts) end

--- A list from `from` to `to` inclusive in steps of `step` (default 1).
---@param from number
---@param to number
---@param step? number
---@return number[]
function cap.range(from, to, step) end
