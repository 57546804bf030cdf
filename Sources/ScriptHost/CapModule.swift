import CapscriptIO
import LuaHost
import SimCore

/// The `cap` module: a Lua call becomes a SimCore call. No model logic here.
enum CapModule {
  static let scenarioType = "capscript.Scenario"
  static let resultType = "capscript.Result"
  static let version = CapscriptVersion.version

  /// [-0, +0, m] creates `cap`, sets it as a global and as `package.loaded.capscript`.
  static func register(_ L: OpaquePointer?) {
    LuaObject.registerDestructed(L)
    ScenarioObject.register(L)
    ResultObject.register(L)
    SweepObject.register(L)
    let functions = CapAPI.module.members.compactMap { m in m.function.map { (m.name, $0) } }
    LuaStack.registerModule(
      L, name: "cap", loadedName: "capscript", functions: functions, fields: [("version", version)])
    LuaStack.runChunk(
      L, Prelude.source, name: "=capscript.prelude",
      argument: .array(CapAPI.shock.memberNames.map(ConfigValue.string)))
  }

  /// cap.run(scenario [, {threads = n, bands = true | paths, trace = n | {path, ...}}]) -> result;
  /// `bands` keeps per-epoch ROI quantiles (fan chart) over the first
  /// min(paths, 5000) paths, or over the given number of paths; `trace` keeps
  /// the per-epoch state of the first n paths or of the listed ones (`PathTrace`).
  static func run(_ L: OpaquePointer?) throws -> Int32 {
    guard var scenario = LuaObject.get(L, 1, tname: scenarioType, as: Scenario.self) else {
      throw BindingError.argument(1, "run", expected: "scenario", L)
    }
    let context = LuaState.context(L)
    var options = context.runOptions
    var precision: PrecisionSpec?
    var importance: ImportanceSpec?
    if LuaStack.isTable(L, 2) {
      let opts = try ConfigReader(LuaStack.configValue(L, 2, field: ""), file: "cap.run options")
      options.threads = try opts.integer("threads", default: options.threads, in: 1...1024)
      switch opts.raw("bands") {
      case nil, .bool(false)?: break
      case .bool(true)?: options.bandPaths = min(scenario.paths, HTMLReport.bandPathLimit)
      case .number?: options.bandPaths = try opts.integer("bands", default: 0, in: 0...10_000_000)
      case let other?:
        throw BindingError("cap.run: bands must be true, false or a number of paths, got \(other.typeNameWithArticle)")
      }
      precision = try precisionSpec(opts)
      options.tracePaths = try tracePaths(opts, paths: scenario.paths)
      if let policy = opts.raw("policy") {
        scenario = try scenario.with([("policy", policy)], origin: "cap.run policy")
      }
      importance = try importanceSpec(opts, scenario: scenario)
      try opts.finish()
    } else if !LuaStack.isNoneOrNil(L, 2) {
      throw BindingError.argument(2, "run", expected: "table or nil", L)
    }
    // Drawn on a terminal only; cleared on every exit, a cancelled or failed run too.
    let bar = context.progressBar(label: scenario.name)
    defer { bar?.finish() }
    if let bar { options = bar.attach(to: options) }
    // A scenario with Lua rules runs path by path on this thread (docs/MODEL.md, "Per-epoch rules").
    if ScenarioRules.push(L, of: 1) {
      if precision != nil { throw BindingError("cap.run: a precision run cannot call a Lua rule; give paths instead") }
      if importance != nil {
        throw BindingError("cap.run: importance sampling cannot call a Lua rule; drop one of them")
      }
      let result = try ScenarioRules.run(L, scenario, list: LuaStack.top(L), options: options)
      LuaStack.pop(L)
      LuaObject.push(L, result, tname: resultType)
      return 1
    }
    if let importance {
      let result = try Runner.run(scenario, importance: importance, precision: precision, options: options) {
        report, card in bar?.setStatus(report.progressText(card))
      }
      LuaObject.push(L, result, tname: resultType)
      return 1
    }
    let result =
      try precision.map { spec throws(RunError) in
        try Runner.run(scenario, precision: spec, options: options) { report, card in
          bar?.setStatus(report.progressText(card))
        }
      }
      ?? Runner.run(scenario, options: options)
    LuaObject.push(L, result, tname: resultType)
    return 1
  }

  /// The `precision` and `max_paths` options of cap.run: targets as one string
  /// (joined by ",") or a list of strings; nil when neither is given.
  static func precisionSpec(_ opts: ConfigReader) throws -> PrecisionSpec? {
    let maxPaths = try opts.integer(
      "max_paths", default: PrecisionSpec.defaultMaxPaths, in: 1...Scenario.maxPaths)
    let origin = "cap.run options: precision"
    let targets: [PrecisionTarget]
    switch opts.raw("precision") {
    case nil:
      if opts.raw("max_paths") != nil {
        throw BindingError("cap.run: max_paths is the budget of a precision run; give precision too")
      }
      return nil
    case .string(let text)?: targets = try PrecisionTarget.parseList(text, origin: origin)
    case .array(let items)?:
      targets = try items.flatMap { item throws in
        guard case .string(let text) = item else {
          throw BindingError(
            "cap.run: precision must be a string or a list of strings, got \(item.typeNameWithArticle)")
        }
        return try PrecisionTarget.parseList(text, origin: origin)
      }
    case let other?:
      throw BindingError("cap.run: precision must be a string or a list of strings, got \(other.typeNameWithArticle)")
    }
    let spec = PrecisionSpec(targets: targets, maxPaths: maxPaths)
    try spec.validate(origin: origin)
    return spec
  }

  /// cap.policy() -> table of the policy in force: read once per config folder
  /// and state (as the config library is), then the same table on every call.
  static func policy(_ L: OpaquePointer?) throws -> Int32 {
    let context = LuaState.context(L)
    if LuaStack.pushCached(L, key: policyCacheKey, generation: context.configGeneration) { return 1 }
    let path = try context.configFolder() + "/" + ConfigLibrary.policyFile
    LuaStack.push(L, try ConfigLibrary.readJSON(path))
    LuaStack.cache(L, key: policyCacheKey, generation: context.configGeneration)
    return 1
  }

  /// The registry key of `cap.policy()`'s table.
  static let policyCacheKey = "capscript.policy"

  /// cap.scenarios() -> list of scenario names in the config folder
  static func scenarioNames(_ L: OpaquePointer?) throws -> Int32 {
    let names = try LuaState.context(L).library().scenarioNames()
    LuaStack.push(L, .array(names.map(ConfigValue.string)))
    return 1
  }

  /// cap.calibrate(result [, {threads = n}]) -> scenario, fit: fits the parametric
  /// constants from a coupled run (SimCore `Calibration`); the scenario is the
  /// calibrated one (pmm.mode "calibrated"), the fit a table of each constant's
  /// value, previous value and note, with `checks` and `dropped_shocks`.
  static func calibrate(_ L: OpaquePointer?) throws -> Int32 {
    guard let result = LuaObject.get(L, 1, tname: resultType, as: RunResult.self) else {
      throw BindingError.argument(1, "calibrate", expected: "result", L)
    }
    var options = LuaState.context(L).runOptions
    if LuaStack.isTable(L, 2) {
      let opts = try ConfigReader(LuaStack.configValue(L, 2, field: ""), file: "cap.calibrate options")
      options.threads = try opts.integer("threads", default: options.threads, in: 1...1024)
      try opts.finish()
    } else if !LuaStack.isNoneOrNil(L, 2) {
      throw BindingError.argument(2, "calibrate", expected: "table or nil", L)
    }
    let calibration = try Calibration.fit(result, options: options)
    LuaObject.push(L, calibration.scenario, tname: scenarioType)
    LuaStack.push(L, calibration.tree)
    return 2
  }

  /// cap.gates(result) -> {passed = bool, failed = {detail...}} against the policy gates
  static func gates(_ L: OpaquePointer?) throws -> Int32 {
    guard let result = LuaObject.get(L, 1, tname: resultType, as: RunResult.self) else {
      throw BindingError.argument(1, "gates", expected: "result", L)
    }
    // The gates are capital figures: a routing-only run raises rather than pass vacuously.
    try ResultObject.requireCapital(
      result, "cap.gates",
      needs: "the policy gates (capital figures) need a capital run; cap.check(r) holds its expectations")
    let report = GateReport(result.scorecard, policy: result.scenario.policy)
    LuaStack.push(
      L,
      .object([
        "passed": .bool(report.passed),
        "failed": .array(report.failures.filter { !$0.inconclusive }.map { .string($0.detail) }),
        "inconclusive": .array(report.failures.filter(\.inconclusive).map { .string($0.detail) }),
      ]))
    return 1
  }

  /// cap.check(result | sweep result) -> {passed = bool, failures = {...}, warnings = {...}}: the
  /// policy gates and the scenario's own expectations, as `capscript validate` holds them.
  static func check(_ L: OpaquePointer?) throws -> Int32 {
    let check: ScenarioCheck
    if let result = LuaObject.get(L, 1, tname: resultType, as: RunResult.self) {
      check = ScenarioCheck(result)
    } else if let sweep = LuaObject.get(L, 1, tname: SweepObject.resultTname, as: SweepResult.self) {
      check = ScenarioCheck(sweep)
    } else {
      throw BindingError.argument(1, "check", expected: "result or sweep result", L)
    }
    LuaStack.push(
      L,
      .object([
        "passed": .bool(check.passed), "failures": .array(check.failures.map(ConfigValue.string)),
        "warnings": .array(check.warnings.map(ConfigValue.string)),
      ]))
    return 1
  }

  /// cap.validate([{names = {...}, paths = n, threads = n}]) -> {passed, text, entries}:
  /// every scenario (or the named ones) run and held against the policy gates
  /// and its own expectations by the same `ScenarioSuite` as `capscript validate`;
  /// `text` is that command's table.
  static func validate(_ L: OpaquePointer?) throws -> Int32 {
    let context = LuaState.context(L)
    var options = context.runOptions
    var names: [String]?
    var overrides: [(key: String, value: ConfigValue)] = []
    if LuaStack.isTable(L, 1) {
      let opts = try ConfigReader(LuaStack.configValue(L, 1, field: ""), file: "cap.validate options")
      options.threads = try opts.integer("threads", default: options.threads, in: 1...1024)
      if let paths = try opts.optionalNumber("paths", in: 1...1e7) { overrides.append(("paths", .number(paths))) }
      if opts.raw("names") != nil {
        names = try opts.array("names").map { item throws(ConfigError) in
          guard case .string(let name) = item else {
            throw ConfigError(.wrongType, file: "cap.validate options", field: "names", "expected scenario names")
          }
          return name
        }
      }
      try opts.finish()
    } else if !LuaStack.isNoneOrNil(L, 1) {
      throw BindingError.argument(1, "validate", expected: "table or nil", L)
    }
    let suite = try ScenarioSuite(library: context.library(), names: names, overrides: overrides)
    let entries = try suite.run(
      options: options, progress: context.progressBar(label: "cap.validate"), label: "cap.validate")
    LuaStack.push(
      L,
      .object([
        "passed": .bool(entries.allSatisfy(\.check.passed)),
        "text": .string(ScenarioSuite.validationText(entries)),
        "entries": .array(
          entries.map { e in
            .object([
              "scenario": .string(e.scenario.name), "passed": .bool(e.check.passed),
              "failures": .array(e.check.failures.map(ConfigValue.string)),
            ])
          }),
      ]))
    return 1
  }

  /// cap.format(result [, "table"|"json"|"csv"|"markdown"]) -> string
  static func format(_ L: OpaquePointer?) throws -> Int32 {
    let name = LuaStack.string(L, 2) ?? "table"
    guard let format = ResultFormat(rawValue: name) else {
      throw BindingError("format \"\(name)\" is not one of table, json, csv, markdown")
    }
    if let sweep = LuaObject.get(L, 1, tname: SweepObject.resultTname, as: SweepResult.self) {
      switch format {
      case .json: LuaStack.push(L, string: SweepOutput.json(sweep))
      case .csv: LuaStack.push(L, string: SweepOutput.csv(sweep))
      case .table, .markdown: LuaStack.push(L, string: sweep.table() + "\n")
      }
      return 1
    }
    guard let result = LuaObject.get(L, 1, tname: resultType, as: RunResult.self) else {
      throw BindingError.argument(1, "format", expected: "result or sweep result", L)
    }
    LuaStack.push(L, string: format.render(result))
    return 1
  }
}
