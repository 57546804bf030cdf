import CapscriptIO
import LuaHost
import SimCore

/// Scenarios in Lua: immutable userdata; `s:with{...}` derives a new one.
enum ScenarioObject {
  static let tname = CapModule.scenarioType

  static func register(_ L: OpaquePointer?) {
    APIObject.register(
      L, CapAPI.scenario,
      gc: { L in LuaObject.collect(L, tname: ScenarioObject.tname, as: Scenario.self) },
      index: { L in Binding.call(L) { try APIObject.index(L, CapAPI.scenario) } },
      tostring: { L in Binding.call(L) { try ScenarioObject.describe(L) } })
  }

  static func get(_ L: OpaquePointer?, _ i: Int32, _ function: String) throws -> Scenario {
    guard let s = LuaObject.get(L, i, tname: tname, as: Scenario.self) else {
      throw BindingError.argument(Int(i), function, expected: "scenario", L)
    }
    return s
  }

  /// cap.scenario(name | path | table) -> scenario
  static func make(_ L: OpaquePointer?) throws -> Int32 {
    let context = LuaState.context(L)
    let scenario: Scenario
    if let name = LuaStack.string(L, 1) {
      let library = try context.library()
      try context.checkReadable(library.scenarioPath(name))
      scenario = try library.scenario(name)
    } else if LuaStack.isTable(L, 1) {
      let tree = try LuaStack.configValue(L, 1, field: "")
      scenario = try context.library().scenario(tree: tree, file: "lua table")
    } else {
      throw BindingError.argument(1, "scenario", expected: "scenario name or table", L)
    }
    LuaObject.push(L, scenario, tname: tname)
    return 1
  }

  /// scenario:with{field = value, ...} -> a new scenario
  static func with(_ L: OpaquePointer?) throws -> Int32 {
    let base = try get(L, 1, "with")
    guard LuaStack.isTable(L, 2) else { throw BindingError.argument(2, "with", expected: "table", L) }
    guard case .object(let fields) = try LuaStack.configValue(L, 2, field: "", skipping: ["rule", "rules"]) else {
      throw BindingError("bad argument #2 to 'with' (a table of named fields expected, got a list)")
    }
    let derived = try base.with(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    LuaObject.push(L, derived, tname: tname)
    try ScenarioRules.derive(L, base: 1, fields: 2, derived: -1)
    return 1
  }

  /// [-0, +1, m] pushes the scenario field `name` (a top-level or capital
  /// field) with the value the scenario runs with; nil for an optional block
  /// it does not set.
  static func pushField(_ L: OpaquePointer?, _ name: String) throws {
    let s = try get(L, 1, "index")
    switch s.field(name) {
    case .value(.number(let x)) where CapitalSchema.names.contains(name): LuaStack.push(L, float: x)
    case .value(.object(let fields)) where name == "capitalEfficiency":
      // Capital fields are floats, read whole or one by one.
      LuaStack.push(
        L,
        floatFields: fields.compactMap { key, value in
          guard case .number(let x) = value else { return nil }
          return (key, x)
        })
    case .value(let v): LuaStack.push(L, v)
    case .absent: LuaStack.pushNil(L)
    case .noCapital:
      throw BindingError(
        "scenario \(s.name) is routing-only (no capitalEfficiency block): it has no field \"\(name)\"")
    case .unknown: throw BindingError("scenario has no field \"\(Echo.name(name))\"")
    }
  }

  static func describe(_ L: OpaquePointer?) throws -> Int32 {
    let s = try get(L, 1, "tostring")
    var text = "scenario \(s.name) (\(s.paths) paths × \(s.epochs) epochs, seed \(s.seed), hash \(s.contentHash))"
    if let c = s.capital {
      text +=
        "\n  leverage \(JSONText.number(c.leverage))x, allocation \(JSONText.number(c.allocation)), capital \(JSONText.number(c.capital)) USD, \(s.shocks.count) shock(s)"
    }
    LuaStack.push(L, string: text)
    return 1
  }
}
