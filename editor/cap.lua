---@meta capscript
-- LuaLS definitions of the `cap` module (https://luals.github.io): point your
-- editor's Lua language server at this folder ("workspace.library") and it
-- completes and type-checks capscript scripts.
-- Generated from the API table (Sources/ScriptHost/API/CapAPI.swift); do not edit:
-- CAPSCRIPT_RECORD_STUB=1 swift test --filter EditorStub writes it anew.

---@class cap.Shock
---@field type string shock type (cap.shock.<type> sets it)
---@field at? integer epoch the shock fires in (give either at or from/to; neither: epoch 0)
---@field from? integer first epoch of the window the epoch is drawn from per path
---@field to? integer last epoch of the window (default: the last epoch when from is given)
---@field p? number probability the shock happens on a path

---@class cap.ScenarioFields
---@field name? string the scenario's name (required)
---@field description? string what the scenario tests
---@field paths? integer Monte Carlo paths
---@field epochs? integer epochs per path
---@field epochsPerYear? integer epochs per year (dt = 1 / epochsPerYear)
---@field seed? integer random seed
---@field pmm? table PMM model: mode (parametric, coupled or calibrated), graph, synthetic, deployment, routing parameters
---@field graphMode? string the pool graph a coupled run steps ("none"|"synthetic"|"deployed")
---@field capitalEfficiency? table the capital overlay (see its table); required unless the scenario steps a pool graph
---@field shocks? cap.Shock[] scheduled shocks (see the shock tables)
---@field expect? table bounds on scorecard fields that validate holds the run against
---@field sweep? table an optimizer design over capital fields
---@field mode? string "optimizer": capscript run NAME runs the sweep ("run"|"optimizer")
---@field capital? number treasury capital T0 in USD (USD; default 10000000; range 1 to 10000000000000)
---@field allocation? number alpha: fraction of capital in the book (fraction; default 0.6; range 0 to 1)
---@field leverage? number L: target leverage (hard limit from policy) (x; default 1.5; range 1 to 4)
---@field yieldRate? number annual yield on deployed collateral (per year; default 0.1; range -1 to 1)
---@field borrowRate? number annual borrow rate on debt (per year; default 0.04; range 0 to 1)
---@field mu? number annual drift of the external asset S (per year; default 0; range -2 to 2)
---@field sigma0? number initial annualised volatility (per sqrt(year); default 0.2; range 0 to 5)
---@field sigmaBar? number long-run volatility (per sqrt(year); default 0.2; range 0 to 5)
---@field sigmaMin? number volatility floor (per sqrt(year); default 0.05; range 0 to 5)
---@field kappa? number annual mean-reversion speed of volatility (x dt) (per year; default 4; range 0 to 365)
---@field eta? number annual volatility of volatility (x sqrt(dt)) (per sqrt(year); default 0.3; range 0 to 10)
---@field sigmaCrit? number volatility above which the book is throttled (per sqrt(year); default 0.6; range 0 to 10)
---@field throttleAllocationFactor? number allocation multiplier while throttled (factor; default 0.5; range 0 to 1)
---@field stressLeverage? number leverage cap while throttled (x; default 1; range 1 to 4)
---@field targetSpreadBps? number spread in calm markets (bps) (bps; default 40; range 0 to 10000)
---@field spreadWidenFactor? number spread multiplier per throttled epoch (factor; default 1.5; range 1 to 100)
---@field spreadCeilingBps? number widest spread (bps) (bps; default 120; range 0 to 10000)
---@field ell0? number initial external liquidity (fraction of T) (fraction of T; default 0.35; range 0 to 1)
---@field ellBar? number long-run external liquidity (fraction of T; default 0.35; range 0 to 1)
---@field kappaL? number annual mean-reversion speed of liquidity (x dt) (per year; default 12; range 0 to 365)
---@field etaL? number annual volatility of liquidity (x sqrt(dt)) (per sqrt(year); default 0.1; range 0 to 10)
---@field redemptionLiquidityShare? number share of redemptions paid from external liquidity (fraction; default 1; range 0 to 1)
---@field liquidationThreshold? number protocol LTV at which the book is liquidated (LTV; default 0.8; range 0 to 1)
---@field maxLTV? number LTV above which the book deleverages (default: policy maxLTV) (LTV; default policy maxLTV; range 0 to 1)
---@field liquidationPenalty? number penalty on seized collateral (fraction; default 0.05; range 0 to 1)
---@field deleverageCostBps? number cost of collateral sold to deleverage (bps) (bps; default 15; range 0 to 10000)
---@field capture0? number PMM share of flow at the market reference spread (fraction; default 0.35; range 0 to 1)
---@field captureElasticity? number capture lost per relative spread widening beyond the reference (gained per narrowing) (1; default 1; range 0 to 100)
---@field referenceSpreadBps? number market reference spread: where the PMM captures capture0 of the flow (a market fact, not the policy target) (bps; default 40; range 1 to 10000)
---@field flowTurnover? number annual flow volume as a multiple of T (T per year; default 24; range 0 to 10000)
---@field volumeVol? number lognormal volatility of per-epoch volume (log, per epoch; default 0.4; range 0 to 5)
---@field flowVol? number per-epoch volatility of the hub flow imbalance (per epoch; default 0.001; range 0 to 1)
---@field redemptionImbalance? number flow imbalance per unit redemption (1; default 0.5; range 0 to 100)
---@field pegBeta? number peg price move per unit imbalance (price per unit imbalance; default 0.5; range 0 to 100)
---@field arbLiquidityCoefficient? number share of the peg gap closed by arbitrage at full liquidity (fraction; default 0.3; range 0 to 1)
---@field interventionBand? number |P-1| beyond which the treasury intervenes (price; default 0.002; range 0 to 1)
---@field interventionGain? number liquidity spent per unit of peg gap beyond the band (1; default 1; range 0 to 1000)
---@field interventionImpact? number peg move per unit of liquidity spent (price per unit liquidity; default 0.5; range 0 to 1000)
---@field interventionCostBps? number cost of intervention trades (bps) (bps; default 5; range 0 to 10000)
---@field baseRedemptionRate? number annual redemption rate in calm markets (per year; default 0.01; range 0 to 10)
---@field redemptionFeeBps? number cost of paying out redemptions (bps) (bps; default 10; range 0 to 10000)
---@field fireSaleHaircut? number haircut on redemptions not covered by external liquidity (fraction; default 0.1; range 0 to 1)

---@class cap.Scenario: cap.ScenarioFields
--- an immutable, validated scenario; s:with{...} derives a new one
---@field hash string content hash (provenance)
---@field file string where the scenario was read from
---@field source table the scenario as given (the JSON or Lua table, before defaults)
---@field optimizer boolean whether `capscript run` runs its sweep
local Scenario = {}

--- a new scenario with `fields` changed: capital fields by bare name (leverage), top-level names (paths, epochs, seed, shocks) or dotted paths (capitalEfficiency.leverage); unknown fields are errors; rule = function(state) (or rules = {f, g}; false for none) adds per-epoch Lua rules that may return {allocation, leverage, spread, throttled, redemption_throttle} (docs/MODEL.md, "Per-epoch rules")
---@param fields cap.ScenarioFields|table<string, any>
---@return cap.Scenario
function Scenario:with(fields) end

---@class cap.Result
--- a run's result: scorecard fields by name, print(r) shows the scorecard
---@field roi_mean number mean ROI over the horizon
---@field roi_p05 number 5th percentile of ROI
---@field roi_p95 number 95th percentile of ROI
---@field max_drawdown_p95 number 95th percentile of the maximum drawdown
---@field liquidation_probability number share of paths liquidated
---@field peg_deviation_frequency number share of path-epochs with the overlay peg price |P - 1| beyond the policy band (not the peg pool's mid)
---@field external_liquidity_floor_violations number mean per path
---@field volatility_throttle_events number mean per path
---@field spread_adjustment_events number mean per path
---@field deleverage_events number mean per path
---@field pnl_var_95 number value at risk of the loss (-PnL) at 95%, in USD
---@field pnl_es_95 number expected shortfall of the loss (-PnL) at 95%, in USD
---@field pnl_var_99 number value at risk of the loss (-PnL) at 99%, in USD
---@field pnl_es_99 number expected shortfall of the loss (-PnL) at 99%, in USD
---@field pnl_var_999 number value at risk of the loss (-PnL) at 99.9%, in USD
---@field pnl_es_999 number expected shortfall of the loss (-PnL) at 99.9%, in USD
---@field pnl_var_95_of_capital number value at risk of the loss (-PnL) at 95%, as a fraction of the starting capital T0
---@field pnl_es_95_of_capital number expected shortfall of the loss (-PnL) at 95%, as a fraction of the starting capital T0
---@field pnl_var_99_of_capital number value at risk of the loss (-PnL) at 99%, as a fraction of the starting capital T0
---@field pnl_es_99_of_capital number expected shortfall of the loss (-PnL) at 99%, as a fraction of the starting capital T0
---@field pnl_var_999_of_capital number value at risk of the loss (-PnL) at 99.9%, as a fraction of the starting capital T0
---@field pnl_es_999_of_capital number expected shortfall of the loss (-PnL) at 99.9%, as a fraction of the starting capital T0
---@field bad_debt_probability number share of paths with bad debt (debt the collateral did not cover at liquidation)
---@field bad_debt_mean number mean bad debt per path, max(0, D - C*S) at liquidation, in USD
---@field bad_debt_var_95 number value at risk of the per-path bad debt at 95%, in USD
---@field bad_debt_es_99 number expected shortfall of the per-path bad debt at 99%, in USD
---@field twr_mean number mean time-weighted return: growth of the value per unit, redemption outflows excluded
---@field twr_p05 number 5th percentile of the time-weighted return
---@field twr_p95 number 95th percentile of the time-weighted return
---@field nav_drawdown_p95 number 95th percentile of the maximum drawdown of the net asset value per unit (losses only)
---@field redemptions_paid_mean number mean redemption principal paid out to holders per path, in USD (an outflow, not a loss)
---@field pnl_ex_redemptions_mean number mean PnL plus redemption principal per path, in USD: earned, or lost when negative
---@field market_making_share number market making's share of the gross return (yield + market making); gate: marketMakingShareCap
---@field roi_mean_stderr number standard error of roi_mean
---@field pnl_distribution {quantiles: table<string, number>, histogram: {edges: number[], counts: integer[]}} PnL quantiles and histogram (USD)
---@field pnl_attribution table<string, number> mean USD per PnL term
---@field provenance table scenario, hashes, seed, paths, epochs, model version
---@field routing table? runs with a pool graph: capture, churn, intervention_cost, peg_deviation, worst_pools, pools
---@field pools table[]? runs with a pool graph: per-pool diagnostics (pool, capture, churn, intervention_cost, ...)
---@field bands {paths: integer, p05: number[], p25: number[], p50: number[], p75: number[], p95: number[]}? per-epoch ROI quantiles, when the run kept them (cap.run(s, {bands = true}))
---@field scenario cap.Scenario the scenario that ran
---@field importance {target: string, method: string, paths: integer, pilot_paths: integer, effective_sample_size: number, target_paths: integer, target_effective_sample_size: number, largest_weight_share: number, mean_weight: number, warnings: string[]}? an importance-sampled run (cap.run(s, {importance = ...})): the diagnostics of its weights
---@field elapsed number seconds the native run took
---@field precision {targets: {target: string, value: number?, met: boolean}[], met: boolean, paths: integer, max_paths: integer}? a precision run (cap.run(s, {precision = ...})): each target's last measure and whether it was met
local Result = {}

--- writes the scorecard: .json, .csv, .md or .txt by extension, whole or not at all; with {paths = true}, the per-path arrays instead (.csv or .json, one row per path); with {trace = true}, the traced paths (.csv or .json records, one row per path-epoch)
---@param path string
---@param opts? {paths?: boolean, trace?: boolean}
function Result:save(path, opts) end

--- the interval of a scorecard field at the policy's gateConfidence: lo, hi (-math.huge or math.huge for a side the sample cannot bound); docs/INTERVALS.md names each estimator
---@param field string
---@return number, number
function Result:ci(field) end

--- a per-path array in path order: roi, pnl, max_drawdown, liquidated, external_liquidity_floor_violations, volatility_throttle_events, spread_adjustment_events, deleverage_events, peg_deviation_epochs, bad_debt, twr, nav_max_drawdown, redemptions_paid, liquidation_epoch, first_floor_violation_epoch, shock_epoch_K (K-th shock of the scenario); epochs are 0-based, -1 for never
---@param name string
---@return number[]
function Result:paths(name) end

--- a traced path's state after each epoch (cap.run(s, {trace = n})): {T, ltv, S, sigma, ell, P, spread, allocation, leverage}, element t + 1 for epoch t; nil for a path not traced (paths count from 0)
---@param path integer
---@return table?
function Result:trace(path) end

---@class cap.Candidate
--- one sweep candidate: its field values, metrics by scorecard name, score and verdict
---@field label string the candidate's assignments as text
---@field score number the penalised objective (higher is better)
---@field deployable boolean passes every gate within the deployable leverage cap
---@field paths integer paths of the round it finished in
---@field failed_gates string[] the gates it failed, with values
---@field score_diff_ci number[] paired interval {lo, hi} of the leader's score minus this one's, on the paths of its last round
---@field tied boolean whether score_diff_ci includes zero (statistically tied with the leader)
---@field objective number? the value of the sweep's Lua objective (score is it, negated to minimize)
---@field constraints boolean[]? each Lua constraint's verdict, in order
---@field error string? why its Lua objective or a constraint failed, with the traceback
---@field roi_mean number mean ROI over the horizon
---@field liquidation_probability number share of paths liquidated
---@field max_drawdown_p95 number 95th percentile of the maximum drawdown

---@class cap.SweepResult
--- a finished sweep: candidates ranked best first
---@field candidates cap.Candidate[] every candidate, ranked best first
---@field pareto cap.Candidate[] the Pareto front of ROI against liquidation probability
---@field tied cap.Candidate[] the final round's candidates whose paired interval to the leader (best deployable, else best) includes zero, leader included
---@field failed cap.Candidate[] the candidates whose Lua objective or a constraint raised (each with its error and traceback), ranked last
local SweepResult = {}

--- the ranking table of the best n candidates (all by default)
---@param n? integer
---@return string
function SweepResult:top(n) end

--- the best candidate (the best deployable one with {deployable = true}), or nil when none qualifies
---@param opts? {deployable?: boolean}
---@return cap.Candidate?
function SweepResult:best(opts) end

--- writes the ranked candidates, whole or not at all
---@param path string .json, .csv, .md or .txt
function SweepResult:save(path) end

---@class cap.Sweep
--- an optimizer design over scenario fields (cap.sweep{...})
---@field size integer number of candidates
---@field base cap.Scenario the scenario the candidates derive from
local Sweep = {}

--- runs every candidate on common random numbers; journals them when the sweep names a journal folder
---@return cap.SweepResult
function Sweep:run() end

---@class cap.shock
---@field asset_crash fun(fields: table): cap.Shock the external asset falls: S *= (1 - drop)
---@field vol_spike fun(fields: table): cap.Shock volatility jumps: sigma = max(sigma, level), then sigma += add (scenarios with capitalEfficiency)
---@field liquidity_shock fun(fields: table): cap.Shock external liquidity is scaled: ell *= factor (scenarios with capitalEfficiency)
---@field redemption_wave fun(fields: table): cap.Shock extra redemptions for a number of epochs (scenarios with capitalEfficiency)
---@field peg_shock fun(fields: table): cap.Shock the peg price moves: P += delta (scenarios with capitalEfficiency)
---@field flow_shock fun(fields: table): cap.Shock extra flow imbalance for a number of epochs
---@field bridge_halt fun(fields: table): cap.Shock bridges from chains halt: holders sell the bridged tokens into the pools, their external venues thin out and discount them (scenarios that step a pool graph)
---@field pool_depeg fun(fields: table): cap.Shock the outside price of a stable token leaves its peg (scenarios that step a pool graph)
---@field oracle_lag fun(fields: table): cap.Shock the pools' oracle reports the outside price of earlier epochs (scenarios that step a pool graph)

---@class cap
---@field shock cap.shock shock constructors: cap.shock.asset_crash{at = 30, drop = 0.4}, ...
---@field version string the version of the cap module
cap = {}

--- a validated, immutable scenario from config/scenarios/NAME.json, a .json path, or a Lua table
---@param name_or_table string|cap.ScenarioFields
---@return cap.Scenario
function cap.scenario(name_or_table) end

--- runs a scenario natively on all cores; Ctrl-C cancels it and keeps your variables; the thread count never changes the numbers
---@param scenario cap.Scenario
---@param opts? {threads?: integer, bands?: boolean|integer, precision?: string|string[], max_paths?: integer, policy?: table, trace?: integer|integer[], importance?: {target?: string, pilot_paths?: integer, rounds?: integer, defensive?: number, asset?: number, volatility?: number, from?: integer, to?: integer}} bands: keep per-epoch ROI quantiles (fan chart) over min(paths, 5000) paths, or over this many; precision: run until targets hold ("liquidation_probability:rse<0.1", "roi_mean:halfwidth<0.001", "gates"), adding paths in fixed blocks up to max_paths (default 1,000,000); policy: policy fields for this run ({externalLiquidityFloor = 0.1}), as s:with{policy = ...}; trace: keep the per-epoch state of the first n paths, or of the listed path indices (from 0); importance: importance sampling for a rare event (docs/IMPORTANCE.md): target "liquidation" (default), "bad_debt", "drawdown>0.25" or "roi<-0.1" with the automatic cross-entropy tilt, or a manual shift asset/volatility over epochs from..to; every field is then weighted
---@return cap.Result
function cap.run(scenario, opts) end

--- the policy in force (config/capital-efficiency-policy.json) as a table, read once per config folder: every call returns the same table (copy it before editing it)
---@return table
function cap.policy() end

--- the names of the scenarios in config/scenarios
---@return string[]
function cap.scenarios() end

--- every scenario (or the named ones) run and held against the policy gates and its own expectations, as `capscript validate` does; text is that command's table
---@param opts? {names?: string[], paths?: integer, threads?: integer}
---@return {passed: boolean, text: string, entries: {scenario: string, passed: boolean, failures: string[]}[]}
function cap.validate(opts) end

--- a result or sweep result as "table", "json", "csv" or "markdown" text
---@param result cap.Result|cap.SweepResult
---@param format? string
---@return string
function cap.format(result, format) end

--- an optimizer sweep: {base = scenario, grid|random|latinHypercube = {...}, samples?, halving?, initialPaths?, seed?, journal?, resume?, objective?, direction?, constraints?, importance?}; sw:run() runs it on common random numbers; objective = function(r) returning a number ranks the candidates instead of the policy score (direction = "maximize" by default, or "minimize"; no halving), each constraint = function(r) returning true when satisfied; a function that raises fails only its candidate; importance = cap.run's importance option: one tilt, found on the base, for every candidate
---@param spec table
---@return cap.Sweep
function cap.sweep(spec) end

--- the policy gates held against a result, decided on intervals: failed (the whole interval beyond the limit), inconclusive (it straddles the limit; the paths that would decide it); passed only when neither
---@param result cap.Result
---@return {passed: boolean, failed: string[], inconclusive: string[]}
function cap.gates(result) end

--- the policy gates and the scenario's own expectations, as `capscript validate` holds them (warnings: a scenario relying on PMM income)
---@param result cap.Result|cap.SweepResult
---@return {passed: boolean, failures: string[], warnings: string[]}
function cap.check(result) end

--- writes one self-contained HTML report (inline SVG charts, provenance) of a result or sweep result; returns the path
---@param result cap.Result|cap.SweepResult
---@param path string ending in .html
---@return string
function cap.report(result, path) end

--- fits the parametric constants (capture0, flowTurnover, volumeVol, flowVol, interventionCostBps) from a coupled run; returns the calibrated scenario and the fit {NAME = {value, previous, note}, checks, dropped_shocks}
---@param result cap.Result
---@param opts? {threads?: integer}
---@return cap.Scenario, table
function cap.calibrate(result, opts) end

--- a list from `from` to `to` inclusive in steps of `step` (default 1), for sweep grids
---@param from number
---@param to number
---@param step? number
---@return number[]
function cap.range(from, to, step) end
