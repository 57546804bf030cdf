import CapscriptIO
import LuaHost
import SimCore

/// The Lua API in one table: every `cap` function, every object type with its
/// methods and fields, each with its one-line doc and argument shapes.
/// Registration, `__index`, REPL completion, `help`, did-you-mean and the
/// editor stub (`editor/cap.lua`) are all derived from it.
package enum CapAPI {
  /// Every class, the `cap` module first.
  static let classes: [APIClass] = [module, shock, scenario, result, sweep, sweepResult, candidate]

  /// The class whose userdata carry the metatable `tname`.
  package static func `class`(tname: String) -> APIClass? { classes.first { $0.tname == tname } }

  static let module = APIClass(
    luaName: "cap", helpName: "cap", tname: nil, doc: "the capscript module (preloaded; also require \"capscript\")",
    members: [
      .function(
        "scenario", [APIParam("name_or_table", "string|cap.ScenarioFields")], returns: ["cap.Scenario"],
        doc: "a validated, immutable scenario from config/scenarios/NAME.json, a .json path, or a Lua table",
        { L in Binding.call(L) { try ScenarioObject.make(L) } }),
      .function(
        "run",
        [
          APIParam("scenario", "cap.Scenario"),
          APIParam(
            "opts",
            "{threads?: integer, bands?: boolean|integer, precision?: string|string[], max_paths?: integer,"
              + " policy?: table, trace?: integer|integer[], importance?: {target?: string, pilot_paths?: integer,"
              + " rounds?: integer, defensive?: number, asset?: number, volatility?: number, from?: integer, to?: integer}}",
            optional: true,
            doc: "bands: keep per-epoch ROI quantiles (fan chart) over min(paths, 5000) paths, or over this many;"
              + " precision: run until targets hold (\"liquidation_probability:rse<0.1\", \"roi_mean:halfwidth<0.001\","
              + " \"gates\"), adding paths in fixed blocks up to max_paths (default 1,000,000);"
              + " policy: policy fields for this run ({externalLiquidityFloor = 0.1}), as s:with{policy = ...};"
              + " trace: keep the per-epoch state of the first n paths, or of the listed path indices (from 0);"
              + " importance: importance sampling for a rare event (docs/IMPORTANCE.md): target \"liquidation\""
              + " (default), \"bad_debt\", \"drawdown>0.25\" or \"roi<-0.1\" with the automatic cross-entropy tilt,"
              + " or a manual shift asset/volatility over epochs from..to; every field is then weighted"),
        ], returns: ["cap.Result"],
        doc: "runs a scenario natively on all cores; Ctrl-C cancels it and keeps your variables;"
          + " the thread count never changes the numbers",
        { L in Binding.call(L) { try CapModule.run(L) } }),
      .function(
        "policy", [], returns: ["table"],
        doc: "the policy in force (config/capital-efficiency-policy.json) as a table, read once per config folder:"
          + " every call returns the same table (copy it before editing it)",
        { L in Binding.call(L) { try CapModule.policy(L) } }),
      .function(
        "scenarios", [], returns: ["string[]"], doc: "the names of the scenarios in config/scenarios",
        { L in Binding.call(L) { try CapModule.scenarioNames(L) } }),
      .function(
        "validate", [APIParam("opts", "{names?: string[], paths?: integer, threads?: integer}", optional: true)],
        returns: [
          "{passed: boolean, text: string, entries: {scenario: string, passed: boolean, failures: string[]}[]}"
        ],
        doc: "every scenario (or the named ones) run and held against the policy gates and its own expectations,"
          + " as `capscript validate` does; text is that command's table",
        { L in Binding.call(L) { try CapModule.validate(L) } }),
      .function(
        "format", [APIParam("result", "cap.Result|cap.SweepResult"), APIParam("format", "string", optional: true)],
        returns: ["string"], doc: "a result or sweep result as \"table\", \"json\", \"csv\" or \"markdown\" text",
        { L in Binding.call(L) { try CapModule.format(L) } }),
      .function(
        "sweep", [APIParam("spec", "table")], returns: ["cap.Sweep"],
        doc: "an optimizer sweep: {base = scenario, grid|random|latinHypercube = {...}, samples?, halving?,"
          + " initialPaths?, seed?, journal?, resume?, objective?, direction?, constraints?, importance?}; sw:run()"
          + " runs it on common random numbers; objective = function(r) returning a number ranks the candidates"
          + " instead of the policy score (direction = \"maximize\" by default, or \"minimize\"; no halving), each"
          + " constraint = function(r) returning true when satisfied; a function that raises fails only its candidate;"
          + " importance = cap.run's importance option: one tilt, found on the base, for every candidate",
        { L in Binding.call(L) { try SweepObject.make(L) } }),
      .function(
        "gates", [APIParam("result", "cap.Result")],
        returns: ["{passed: boolean, failed: string[], inconclusive: string[]}"],
        doc: "the policy gates held against a result, decided on intervals: failed (the whole interval beyond the"
          + " limit), inconclusive (it straddles the limit; the paths that would decide it); passed only when neither",
        { L in Binding.call(L) { try CapModule.gates(L) } }),
      .function(
        "check", [APIParam("result", "cap.Result|cap.SweepResult")],
        returns: ["{passed: boolean, failures: string[], warnings: string[]}"],
        doc:
          "the policy gates and the scenario's own expectations, as `capscript validate` holds them (warnings: a scenario relying on PMM income)",
        { L in Binding.call(L) { try CapModule.check(L) } }),
      .function(
        "report",
        [APIParam("result", "cap.Result|cap.SweepResult"), APIParam("path", "string", doc: "ending in .html")],
        returns: ["string"],
        doc: "writes one self-contained HTML report (inline SVG charts, provenance) of a result or sweep result;"
          + " returns the path",
        { L in Binding.call(L) { try CapModule.report(L) } }),
      .function(
        "calibrate", [APIParam("result", "cap.Result"), APIParam("opts", "{threads?: integer}", optional: true)],
        returns: ["cap.Scenario", "table"],
        doc: "fits the parametric constants (capture0, flowTurnover, volumeVol, flowVol, interventionCostBps) from a"
          + " coupled run; returns the calibrated scenario and the fit {NAME = {value, previous, note}, checks,"
          + " dropped_shocks}",
        { L in Binding.call(L) { try CapModule.calibrate(L) } }),
      .function(
        "range", [APIParam("from", "number"), APIParam("to", "number"), APIParam("step", "number", optional: true)],
        returns: ["number[]"],
        doc: "a list from `from` to `to` inclusive in steps of `step` (default 1), for sweep grids"),
      .field("shock", "cap.shock", doc: "shock constructors: cap.shock.asset_crash{at = 30, drop = 0.4}, ..."),
      .field("version", "string", doc: "the version of the cap module"),
    ])

  /// `cap.shock.<type>{...}`: one constructor per shock type (defined in the prelude).
  static let shock = APIClass(
    luaName: "cap.shock", helpName: "cap.shock", tname: nil,
    doc: "shock constructors: each returns {type = NAME, ...fields}, validated when a scenario takes it",
    members: ShockSchema.types.map { spec in
      .function(spec.name, [APIParam("fields", "table")], returns: ["cap.Shock"], doc: ShockHelp.doc(spec))
    })

  static let scenario = APIClass(
    luaName: "cap.Scenario", helpName: "scenario", tname: ScenarioObject.tname,
    doc: "an immutable, validated scenario; s:with{...} derives a new one",
    members: [
      .method(
        "with", [APIParam("fields", "cap.ScenarioFields|table<string, any>")], returns: ["cap.Scenario"],
        doc: "a new scenario with `fields` changed: capital fields by bare name (leverage), top-level names (paths,"
          + " epochs, seed, shocks) or dotted paths (capitalEfficiency.leverage); unknown fields are errors;"
          + " rule = function(state) (or rules = {f, g}; false for none) adds per-epoch Lua rules that may return"
          + " {allocation, leverage, spread, throttled, redemption_throttle} (docs/MODEL.md, \"Per-epoch rules\")",
        { L in Binding.call(L) { try ScenarioObject.with(L) } }),
      .field("hash", "string", doc: "content hash (provenance)") { L in
        LuaStack.push(L, string: try ScenarioObject.get(L, 1, "index").contentHash)
      },
      .field("file", "string", doc: "where the scenario was read from") { L in
        LuaStack.push(L, string: try ScenarioObject.get(L, 1, "index").file)
      },
      .field("source", "table", doc: "the scenario as given (the JSON or Lua table, before defaults)") { L in
        LuaStack.push(L, try ScenarioObject.get(L, 1, "index").source)
      },
      .field("optimizer", "boolean", doc: "whether `capscript run` runs its sweep") { L in
        LuaStack.push(L, bool: try ScenarioObject.get(L, 1, "index").optimizerByDefault)
      },
    ]
      + Scenario.readableFieldNames.map { name in
        .field(name, ScenarioFieldDocs.type(name), doc: ScenarioFieldDocs.doc(name), settable: true) { L in
          try ScenarioObject.pushField(L, name)
        }
      })

  static let result = APIClass(
    luaName: "cap.Result", helpName: "result", tname: ResultObject.tname,
    doc: "a run's result: scorecard fields by name, print(r) shows the scorecard",
    members: [
      .method(
        "save",
        [APIParam("path", "string"), APIParam("opts", "{paths?: boolean, trace?: boolean}", optional: true)],
        returns: [],
        doc: "writes the scorecard: .json, .csv, .md or .txt by extension, whole or not at all;"
          + " with {paths = true}, the per-path arrays instead (.csv or .json, one row per path);"
          + " with {trace = true}, the traced paths (.csv or .json records, one row per path-epoch)",
        { L in Binding.call(L) { try ResultObject.save(L) } }),
      .method(
        "ci", [APIParam("field", "string")], returns: ["number", "number"],
        doc: "the interval of a scorecard field at the policy's gateConfidence: lo, hi (-math.huge or math.huge"
          + " for a side the sample cannot bound); docs/INTERVALS.md names each estimator",
        { L in Binding.call(L) { try ResultObject.ci(L) } }),
      .method(
        "paths", [APIParam("name", "string")], returns: ["number[]"],
        doc: "a per-path array in path order: " + RunResult.columnNames.joined(separator: ", ")
          + ", shock_epoch_K (K-th shock of the scenario); epochs are 0-based, -1 for never",
        { L in Binding.call(L) { try ResultObject.paths(L) } }),
      .method(
        "trace", [APIParam("path", "integer")], returns: ["table?"],
        doc: "a traced path's state after each epoch (cap.run(s, {trace = n})): {T, ltv, S, sigma, ell, P, spread,"
          + " allocation, leverage}, element t + 1 for epoch t; nil for a path not traced (paths count from 0)",
        { L in Binding.call(L) { try ResultObject.trace(L) } }),
    ]
      + Scorecard.scalarFieldNames.map { name in
        .field(name, "number", doc: ResultFieldDocs.doc(name)) { L in try ResultObject.pushScalar(L, name) }
      }
      // `r["routing.capture"]`: the routing scalars by the dotted names expectations use.
      + RoutingScorecard.scalarFieldNames.map { name in
        .field("routing." + name, "number?", doc: "the routing block's \(name) (runs with a pool graph)") { L in
          try ResultObject.pushScalar(L, "routing." + name)
        }
      }
      + [
        .field("roi_mean_stderr", "number", doc: "standard error of roi_mean") { L in
          try ResultObject.pushCapitalTree(L, "roi_mean_stderr")
        },
        .field(
          "pnl_distribution", "{quantiles: table<string, number>, histogram: {edges: number[], counts: integer[]}}",
          doc: "PnL quantiles and histogram (USD)"
        ) { L in try ResultObject.pushCapitalTree(L, "pnl_distribution") },
        .field("pnl_attribution", "table<string, number>", doc: "mean USD per PnL term") { L in
          try ResultObject.pushCapitalTree(L, "pnl_attribution")
        },
        .field("provenance", "table", doc: "scenario, hashes, seed, paths, epochs, model version") { L in
          LuaStack.push(L, try ResultObject.get(L, 1, "index").scorecard.tree["provenance"] ?? .null)
        },
        .field(
          "routing", "table?",
          doc: "runs with a pool graph: capture, churn, intervention_cost, peg_deviation, worst_pools, pools"
        ) { L in LuaStack.push(L, try ResultObject.get(L, 1, "index").scorecard.routing?.tree ?? .null) },
        .field(
          "pools", "table[]?",
          doc: "runs with a pool graph: per-pool diagnostics (pool, capture, churn, intervention_cost, ...)"
        ) { L in LuaStack.push(L, try ResultObject.get(L, 1, "index").scorecard.routing?.tree["pools"] ?? .null) },
        .field(
          "bands", "{paths: integer, p05: number[], p25: number[], p50: number[], p75: number[], p95: number[]}?",
          doc: "per-epoch ROI quantiles, when the run kept them (cap.run(s, {bands = true}))"
        ) { L in ResultObject.pushBands(L, try ResultObject.get(L, 1, "index").bands) },
        .field("scenario", "cap.Scenario", doc: "the scenario that ran") { L in
          LuaObject.push(L, try ResultObject.get(L, 1, "index").scenario, tname: ScenarioObject.tname)
        },
        .field(
          "importance",
          "{target: string, method: string, paths: integer, pilot_paths: integer, effective_sample_size: number,"
            + " target_paths: integer, target_effective_sample_size: number, largest_weight_share: number,"
            + " mean_weight: number, warnings: string[]}?",
          doc: "an importance-sampled run (cap.run(s, {importance = ...})): the diagnostics of its weights"
        ) { L in LuaStack.push(L, try ResultObject.get(L, 1, "index").scorecard.importance?.tree ?? .null) },
        .field("elapsed", "number", doc: "seconds the native run took") { L in
          LuaStack.push(L, float: try ResultObject.get(L, 1, "index").elapsedSeconds)
        },
        .field(
          "precision",
          "{targets: {target: string, value: number?, met: boolean}[], met: boolean, paths: integer,"
            + " max_paths: integer}?",
          doc: "a precision run (cap.run(s, {precision = ...})): each target's last measure and whether it was met"
        ) { L in LuaStack.push(L, try ResultObject.get(L, 1, "index").precision?.tree ?? .null) },
      ])

  static let sweep = APIClass(
    luaName: "cap.Sweep", helpName: "sweep", tname: SweepObject.tname,
    doc: "an optimizer design over scenario fields (cap.sweep{...})",
    members: [
      .method(
        "run", [], returns: ["cap.SweepResult"],
        doc: "runs every candidate on common random numbers; journals them when the sweep names a journal folder",
        { L in Binding.call(L) { try SweepObject.run(L) } }),
      .field("size", "integer", doc: "number of candidates") { L in
        LuaStack.push(L, integer: try SweepObject.handle(L, 1, "index").sweep.candidates.count)
      },
      .field("base", "cap.Scenario", doc: "the scenario the candidates derive from") { L in
        LuaObject.push(L, try SweepObject.handle(L, 1, "index").sweep.base, tname: ScenarioObject.tname)
      },
    ])

  static let sweepResult = APIClass(
    luaName: "cap.SweepResult", helpName: "sweep_result", tname: SweepObject.resultTname,
    doc: "a finished sweep: candidates ranked best first",
    members: [
      .method(
        "top", [APIParam("n", "integer", optional: true)], returns: ["string"],
        doc: "the ranking table of the best n candidates (all by default)",
        { L in Binding.call(L) { try SweepObject.top(L) } }),
      .method(
        "best", [APIParam("opts", "{deployable?: boolean}", optional: true)], returns: ["cap.Candidate?"],
        doc: "the best candidate (the best deployable one with {deployable = true}), or nil when none qualifies",
        { L in Binding.call(L) { try SweepObject.best(L) } }),
      .method(
        "save", [APIParam("path", "string", doc: ".json, .csv, .md or .txt")], returns: [],
        doc: "writes the ranked candidates, whole or not at all",
        { L in Binding.call(L) { try SweepObject.save(L) } }),
      .field("candidates", "cap.Candidate[]", doc: "every candidate, ranked best first") { L in
        LuaStack.push(L, .array(try SweepObject.result(L, 1, "index").candidates.map(\.luaTree)))
      },
      .field("pareto", "cap.Candidate[]", doc: "the Pareto front of ROI against liquidation probability") { L in
        LuaStack.push(L, .array(try SweepObject.result(L, 1, "index").paretoFront.map(\.luaTree)))
      },
      .field(
        "tied", "cap.Candidate[]",
        doc:
          "the final round's candidates whose paired interval to the leader (best deployable, else best) includes zero, leader included"
      ) { L in
        LuaStack.push(L, .array(try SweepObject.result(L, 1, "index").tied.map(\.luaTree)))
      },
      .field(
        "failed", "cap.Candidate[]",
        doc:
          "the candidates whose Lua objective or a constraint raised (each with its error and traceback), ranked last"
      ) { L in
        LuaStack.push(L, .array(try SweepObject.result(L, 1, "index").failed.map(\.luaTree)))
      },
    ])

  /// A sweep candidate: a plain table (no methods).
  static let candidate = APIClass(
    luaName: "cap.Candidate", helpName: "candidate", tname: nil,
    doc: "one sweep candidate: its field values, metrics by scorecard name, score and verdict",
    members: [
      .field("label", "string", doc: "the candidate's assignments as text"),
      .field("score", "number", doc: "the penalised objective (higher is better)"),
      .field("deployable", "boolean", doc: "passes every gate within the deployable leverage cap"),
      .field("paths", "integer", doc: "paths of the round it finished in"),
      .field("failed_gates", "string[]", doc: "the gates it failed, with values"),
      .field(
        "score_diff_ci", "number[]",
        doc: "paired interval {lo, hi} of the leader's score minus this one's, on the paths of its last round"),
      .field("tied", "boolean", doc: "whether score_diff_ci includes zero (statistically tied with the leader)"),
      .field("objective", "number?", doc: "the value of the sweep's Lua objective (score is it, negated to minimize)"),
      .field("constraints", "boolean[]?", doc: "each Lua constraint's verdict, in order"),
      .field("error", "string?", doc: "why its Lua objective or a constraint failed, with the traceback"),
      .field("roi_mean", "number", doc: "mean ROI over the horizon"),
      .field("liquidation_probability", "number", doc: "share of paths liquidated"),
      .field("max_drawdown_p95", "number", doc: "95th percentile of the maximum drawdown"),
    ])
}
