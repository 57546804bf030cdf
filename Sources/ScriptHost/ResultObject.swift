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
        ("__tostring", { L in Host.call(L) {
          lua_pushstring(L, try ResultObject.get(L, 1, "tostring").scorecard.table)
          return 1
        } }),
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
    guard let key = LuaStack.string(L, 2) else { lua_pushnil(L); return 1 }
    let card = r.scorecard
    switch key {
    case "save": capscript_pushswiftfunction(L, { L in Host.call(L) { try ResultObject.save(L) } })
    case "paths": capscript_pushswiftfunction(L, { L in Host.call(L) { try ResultObject.paths(L) } })
    case "scenario": LuaObject.push(L, r.scenario, tname: ScenarioObject.tname)
    case "elapsed": lua_pushnumber(L, r.elapsedSeconds)
    case "roi_mean_stderr": lua_pushnumber(L, card.roiMeanStderr)
    case "pnl_distribution", "pnl_attribution", "provenance": LuaStack.push(L, card.tree[key]!)
    default:
      guard let x = card.scalar(key) else {
        var message = "result has no field \"\(key)\""
        if let near = ConfigReader.nearest(to: key, in: Scorecard.scalarFieldNames + ["pnl_distribution", "pnl_attribution", "provenance", "save", "paths"]) {
          message += "; did you mean \"\(near)\"?"
        }
        throw HostError(message)
      }
      lua_pushnumber(L, x)
    }
    return 1
  }

  /// result:save(path): JSON, CSV, Markdown or text by extension; written whole or not at all.
  static func save(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "save")
    guard let path = LuaStack.string(L, 2) else { throw HostError.argument(2, "save", expected: "string", L) }
    guard let format = ResultFormat(pathExtensionOf: path) else {
      throw HostError("cannot tell the format of \"\(path)\": use .json, .csv, .md or .txt")
    }
    try OutputFile.write(format.render(r), to: path)
    return 0
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
