import CapscriptIO
import LuaHost
import SimCore

/// Run results in Lua: fields by scorecard name, `tostring`, `save`, `paths`.
enum ResultObject {
  static let tname = CapModule.resultType

  static func register(_ L: OpaquePointer?) {
    APIObject.register(
      L, CapAPI.result,
      gc: { L in LuaObject.collect(L, tname: ResultObject.tname, as: RunResult.self) },
      index: { L in Binding.call(L) { try APIObject.index(L, CapAPI.result) } },
      tostring: { L in
        Binding.call(L) {
          let r = try ResultObject.get(L, 1, "tostring")
          // Block charts only on a terminal; piped output stays plain text.
          let chart = TerminalChart.stdoutIsTerminal ? TerminalChart.run(r) : ""
          LuaStack.push(L, string: r.scorecard.table + (chart.isEmpty ? "" : "\n" + chart))
          return 1
        }
      },
      // `r.roi_mean` in a loop: a field read costs about one plain Lua call (bench/README.md).
      fieldTables: true)
  }

  static func get(_ L: OpaquePointer?, _ i: Int32, _ function: String) throws -> RunResult {
    guard let r = LuaObject.get(L, i, tname: tname, as: RunResult.self) else {
      throw BindingError.argument(Int(i), function, expected: "result", L)
    }
    return r
  }

  /// [-0, +1, m] pushes the scalar scorecard field `name`; raises for a
  /// capital field of a routing-only run, nil for `routing.*` of a run without a pool graph.
  static func pushScalar(_ L: OpaquePointer?, _ name: String) throws {
    let r = try get(L, 1, "index")
    if !name.hasPrefix("routing.") { try requireCapital(r, "r." + name) }
    if let x = r.scorecard.scalar(name) { LuaStack.push(L, float: x) } else { LuaStack.pushNil(L) }
  }

  /// [-0, +1, m] pushes the capital block `name` of the scorecard tree
  /// (`pnl_distribution`, `pnl_attribution`, `roi_mean_stderr`); raises for a routing-only run.
  static func pushCapitalTree(_ L: OpaquePointer?, _ name: String) throws {
    let r = try get(L, 1, "index")
    try requireCapital(r, "r." + name)
    let card = r.scorecard
    if name == "roi_mean_stderr" {
      LuaStack.push(L, float: card.roiMeanStderr)
    } else {
      LuaStack.push(L, card.tree[name] ?? .null)
    }
  }

  /// result:save(path [, {paths = true}]): JSON, CSV, Markdown or text by
  /// extension; with `paths = true`, the per-path arrays (CSV or JSON) instead
  /// of the scorecard. Written whole or not at all.
  static func save(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "save")
    guard let path = LuaStack.string(L, 2) else { throw BindingError.argument(2, "save", expected: "string", L) }
    guard let format = ResultFormat(pathExtensionOf: path) else {
      throw BindingError("cannot tell the format of \"\(path)\": use .json, .csv, .md or .txt")
    }
    var perPath = false
    var traced = false
    if LuaStack.isTable(L, 3) {
      let opts = try ConfigReader(LuaStack.configValue(L, 3, field: ""), file: "save options")
      perPath = try opts.bool("paths", default: false)
      traced = try opts.bool("trace", default: false)
      try opts.finish()
    } else if !LuaStack.isNoneOrNil(L, 3) {
      throw BindingError.argument(3, "save", expected: "table or nil", L)
    }
    let context = LuaState.context(L)
    try context.checkWritable(path)
    if traced { return try saveTrace(r, path: path, format: format, context: context) }
    if perPath {
      guard r.scorecard.hasCapital else {
        throw BindingError(
          "\(r.scenario.name) is routing-only: it has no per-path capital arrays; save its scorecard (r.routing, r.pools)"
        )
      }
      switch format {
      case .csv: try OutputFile.write(PathTable.csv(r), to: context.writeTarget(path))
      case .json: try OutputFile.write(PathTable.json(r), to: context.writeTarget(path))
      case .table, .markdown: throw BindingError("per-path arrays are saved as .csv or .json, not \"\(path)\"")
      }
      return 0
    }
    try OutputFile.write(format.render(r), to: context.writeTarget(path))
    return 0
  }

  /// [-0, +1, m] pushes {paths = n, p05 = {...}, ..., p95 = {...}}, or nil when the run kept no bands.
  static func pushBands(_ L: OpaquePointer?, _ bands: EpochBands?) {
    guard let bands else {
      LuaStack.pushNil(L)
      return
    }
    var fields: [String: ConfigValue] = ["paths": .number(Double(bands.paths))]
    for (i, level) in EpochBands.levels.enumerated() {
      fields[level.label] = .array(bands.quantiles[i].map(ConfigValue.number))
    }
    LuaStack.push(L, .object(fields))
  }

  /// result:paths(name) -> list of per-path values in path order
  static func ci(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "ci")
    let name = LuaStack.string(L, 2) ?? ""
    guard let interval = r.scorecard.intervals[name] else {
      let known = r.scorecard.intervals.keys.sorted().joined(separator: ", ")
      throw BindingError(
        r.scorecard.hasCapital
          ? "no interval for \"\(name)\"; fields with one: \(known)"
          : "\(r.scenario.name) is routing-only: its scorecard has no capital fields and no intervals")
    }
    LuaStack.push(L, float: interval.lower)
    LuaStack.push(L, float: interval.upper)
    return 2
  }

  static func paths(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "paths")
    let name = LuaStack.string(L, 2) ?? ""
    try requireCapital(r, "r:paths \"\(name)\"")
    guard let column = r.column(name) else {
      throw BindingError("no per-path array \"\(name)\"; known: " + r.pathColumnNames.joined(separator: ", "))
    }
    LuaStack.push(L, floats: column)
    return 1
  }

  /// Throws, naming `what` was asked, when `r` is routing-only: it has no
  /// capital overlay, so no capital fields, per-path arrays or gates.
  static func requireCapital(
    _ r: RunResult, _ what: String, needs: String = "it has no capital fields or per-path capital arrays"
  ) throws(BindingError) {
    guard !r.scorecard.hasCapital else { return }
    throw BindingError(
      "\(what): \(r.scenario.name) is routing-only (no capital overlay: no capitalEfficiency block),"
        + " so \(needs); read r.routing, r.pools or r[\"routing.capture\"]")
  }
}
