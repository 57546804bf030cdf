internal import CLua
import SimCore

/// Scenarios in Lua: immutable userdata; `s:with{...}` derives a new one.
enum ScenarioObject {
  static let tname = CapModule.scenarioType

  static func register(_ L: OpaquePointer?) {
    LuaObject.register(
      L, tname: tname,
      functions: [
        ("__gc", { L in LuaObject.collect(L, tname: ScenarioObject.tname, as: Scenario.self) }),
        ("__index", { L in Host.call(L) { try ScenarioObject.index(L) } }),
        ("__tostring", { L in Host.call(L) { try ScenarioObject.describe(L) } }),
      ])
  }

  static func get(_ L: OpaquePointer?, _ i: Int32, _ function: String) throws -> Scenario {
    guard let s = LuaObject.get(L, i, tname: tname, as: Scenario.self) else {
      throw HostError.argument(Int(i), function, expected: "scenario", L)
    }
    return s
  }

  /// cap.scenario(name | path | table) -> scenario
  static func make(_ L: OpaquePointer?) throws -> Int32 {
    let context = LuaState.context(L)
    let scenario: Scenario
    if let name = LuaStack.string(L, 1) {
      scenario = try context.library().scenario(name)
    } else if lua_type(L, 1) == LUA_TTABLE {
      let tree = try LuaStack.configValue(L, 1, field: "")
      scenario = try context.library().scenario(tree: tree, file: "lua table")
    } else {
      throw HostError.argument(1, "scenario", expected: "scenario name or table", L)
    }
    LuaObject.push(L, scenario, tname: tname)
    return 1
  }

  /// scenario:with{field = value, ...} -> a new scenario
  static func with(_ L: OpaquePointer?) throws -> Int32 {
    let base = try get(L, 1, "with")
    guard lua_type(L, 2) == LUA_TTABLE else { throw HostError.argument(2, "with", expected: "table", L) }
    guard case .object(let fields) = try LuaStack.configValue(L, 2, field: "") else {
      throw HostError("bad argument #2 to 'with' (a table of named fields expected, got a list)")
    }
    let derived = try base.with(fields.keys.sorted().map { ($0, fields[$0]!) })
    LuaObject.push(L, derived, tname: tname)
    return 1
  }

  /// Fields: name, description, paths, epochs, epochsPerYear, seed, file,
  /// hash, shocks, source, every capital field by name; method `with`.
  static func index(_ L: OpaquePointer?) throws -> Int32 {
    let s = try get(L, 1, "index")
    guard let key = LuaStack.string(L, 2) else {
      lua_pushnil(L)
      return 1
    }
    switch key {
    case "with": capscript_pushswiftfunction(L, { L in Host.call(L) { try ScenarioObject.with(L) } })
    case "name": lua_pushstring(L, s.name)
    case "description": lua_pushstring(L, s.description)
    case "paths": lua_pushinteger(L, lua_Integer(s.paths))
    case "epochs": lua_pushinteger(L, lua_Integer(s.epochs))
    case "epochsPerYear": lua_pushinteger(L, lua_Integer(s.epochsPerYear))
    case "seed": lua_pushinteger(L, lua_Integer(s.seed))
    case "file": lua_pushstring(L, s.file)
    case "hash": lua_pushstring(L, s.contentHash)
    case "shocks": LuaStack.push(L, s.source["shocks"] ?? .array([]))
    case "source": LuaStack.push(L, s.source)
    case "optimizer": lua_pushboolean(L, s.optimizerByDefault ? 1 : 0)
    case "sweep": LuaStack.push(L, s.source["sweep"] ?? .null)
    case "capital": lua_pushboolean(L, s.capital != nil ? 1 : 0)
    default:
      if let x = s.capital?.value(named: key) {
        lua_pushnumber(L, x)
      } else {
        var message = "scenario has no field \"\(key)\""
        if let near = ConfigReader.nearest(
          to: key, in: Scenario.topLevelFields + CapitalSchema.names + ["with", "hash", "file", "source"])
        {
          message += "; did you mean \"\(near)\"?"
        }
        throw HostError(message)
      }
    }
    return 1
  }

  static func describe(_ L: OpaquePointer?) throws -> Int32 {
    let s = try get(L, 1, "tostring")
    var text = "scenario \(s.name) (\(s.paths) paths × \(s.epochs) epochs, seed \(s.seed), hash \(s.contentHash))"
    if let c = s.capital {
      text +=
        "\n  leverage \(JSONText.number(c.leverage))x, allocation \(JSONText.number(c.allocation)), capital \(JSONText.number(c.capital)) USD, \(s.shocks.count) shock(s)"
    }
    lua_pushstring(L, text)
    return 1
  }
}
