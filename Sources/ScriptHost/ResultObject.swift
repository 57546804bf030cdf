internal import CLua
import SimCore

/// Run results in Lua: fields by scorecard name, `tostring`, `save`, `paths`.
enum ResultObject {
  static let tname = CapModule.resultType

  static func register(_ L: OpaquePointer?) {
    LuaObject.register(
      L, tname: tname,
      functions: [
        ("__gc", { L in LuaObject.collect(L, tname: ResultObject.tname, as: RunResult.self) }),
        ("__index", { L in Host.call(L) { try ResultObject.index(L) } }),
        (
          "__tostring",
          { L in
            Host.call(L) {
              let r = try ResultObject.get(L, 1, "tostring")
              // Block charts only on a terminal; piped output stays plain text.
              let chart = TerminalChart.stdoutIsTerminal ? TerminalChart.run(r) : ""
              lua_pushstring(L, r.scorecard.table + (chart.isEmpty ? "" : "\n" + chart))
              return 1
            }
          }
        ),
      ])
  }

  static func get(_ L: OpaquePointer?, _ i: Int32, _ function: String) throws -> RunResult {
    guard let r = LuaObject.get(L, i, tname: tname, as: RunResult.self) else {
      throw HostError.argument(Int(i), function, expected: "result", L)
    }
    return r
  }

  static func index(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "index")
    guard let key = LuaStack.string(L, 2) else {
      lua_pushnil(L)
      return 1
    }
    let card = r.scorecard
    switch key {
    case "save": capscript_pushswiftfunction(L, { L in Host.call(L) { try ResultObject.save(L) } })
    case "paths": capscript_pushswiftfunction(L, { L in Host.call(L) { try ResultObject.paths(L) } })
    case "scenario": LuaObject.push(L, r.scenario, tname: ScenarioObject.tname)
    case "elapsed": lua_pushnumber(L, r.elapsedSeconds)
    case "bands": ResultObject.pushBands(L, r.bands)
    case "roi_mean_stderr" where card.hasCapital: lua_pushnumber(L, card.roiMeanStderr)
    case "pnl_distribution" where card.hasCapital, "pnl_attribution" where card.hasCapital, "provenance":
      LuaStack.push(L, card.tree[key]!)
    case "routing" where card.routing != nil: LuaStack.push(L, card.routing!.tree)
    case "pools" where card.routing != nil: LuaStack.push(L, card.routing!.tree["pools"]!)
    default:
      guard let x = card.scalar(key) else {
        var message = "result has no field \"\(key)\""
        // Known fields a run does not define are nil: the capital fields of a
        // routing-only run (no capitalEfficiency), the routing block of a run
        // without a pool graph.
        let capitalOnly = Scorecard.scalarFieldNames + ["roi_mean_stderr", "pnl_distribution", "pnl_attribution"]
        if (!card.hasCapital && capitalOnly.contains(key))
          || (card.routing == nil && (key == "routing" || key == "pools"))
        {
          lua_pushnil(L)
          return 1
        }
        if let near = ConfigReader.nearest(
          to: key,
          in: Scorecard.scalarFieldNames + [
            "pnl_distribution", "pnl_attribution", "provenance", "save", "paths", "bands", "routing", "pools",
          ])
        {
          message += "; did you mean \"\(near)\"?"
        }
        throw HostError(message)
      }
      lua_pushnumber(L, x)
    }
    return 1
  }

  /// result:save(path [, {paths = true}]): JSON, CSV, Markdown or text by
  /// extension; with `paths = true`, the per-path arrays (CSV or JSON) instead
  /// of the scorecard. Written whole or not at all.
  static func save(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "save")
    guard let path = LuaStack.string(L, 2) else { throw HostError.argument(2, "save", expected: "string", L) }
    guard let format = ResultFormat(pathExtensionOf: path) else {
      throw HostError("cannot tell the format of \"\(path)\": use .json, .csv, .md or .txt")
    }
    var perPath = false
    if lua_type(L, 3) == LUA_TTABLE {
      let opts = try ConfigReader(LuaStack.configValue(L, 3, field: ""), file: "save options")
      perPath = try opts.bool("paths", default: false)
      try opts.finish()
    } else if capscript_isnoneornil(L, 3) == 0 {
      throw HostError.argument(3, "save", expected: "table or nil", L)
    }
    try LuaState.context(L).checkWritable(path)
    if perPath {
      guard r.scorecard.hasCapital else {
        throw HostError(
          "\(r.scenario.name) is routing-only: it has no per-path capital arrays; save its scorecard (r.routing, r.pools)"
        )
      }
      switch format {
      case .csv: try OutputFile.write(PathTable.csv(r), to: path)
      case .json: try OutputFile.write(PathTable.json(r), to: path)
      case .table, .markdown: throw HostError("per-path arrays are saved as .csv or .json, not \"\(path)\"")
      }
      return 0
    }
    try OutputFile.write(format.render(r), to: path)
    return 0
  }

  /// [-0, +1, m] pushes {paths = n, p05 = {...}, ..., p95 = {...}}, or nil when the run kept no bands.
  static func pushBands(_ L: OpaquePointer?, _ bands: EpochBands?) {
    guard let bands else {
      lua_pushnil(L)
      return
    }
    var fields: [String: ConfigValue] = ["paths": .number(Double(bands.paths))]
    for (i, level) in EpochBands.levels.enumerated() {
      fields[level.label] = .array(bands.quantiles[i].map(ConfigValue.number))
    }
    LuaStack.push(L, .object(fields))
  }

  /// result:paths(name) -> list of per-path values in path order
  static func paths(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "paths")
    let name = LuaStack.string(L, 2) ?? ""
    guard let column = r.column(name) else {
      throw HostError("no per-path array \"\(name)\"; known: " + RunResult.columnNames.joined(separator: ", "))
    }
    lua_createtable(L, Int32(column.count), 0)
    for (i, x) in column.enumerated() {
      lua_pushnumber(L, x)
      lua_rawseti(L, -2, lua_Integer(i + 1))
    }
    return 1
  }
}
