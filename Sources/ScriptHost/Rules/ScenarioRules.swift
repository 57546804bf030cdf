import LuaHost
import SimCore

/// The Lua rules a scenario object carries: a list of functions attached to
/// its userdata (a weak-keyed registry table), never part of the SimCore
/// `Scenario`, which stays pure data: its JSON, `source` and content hash do
/// not include them, and `r.scenario` of a rule run has none.
enum ScenarioRules {
  /// [-0, +0, m] after `s:with{...}`: attaches to the scenario at `derived` the
  /// rules the table at `fields` gives (`rule = f`, `rules = {f, g}`, `rule =
  /// false` for none), or else the rules of the scenario at `base` (`base` and
  /// `fields` are absolute indices).
  static func derive(_ L: OpaquePointer?, base: Int32, fields: Int32, derived: Int32) throws {
    let derived = derived < 0 ? LuaStack.top(L) + derived + 1 : derived
    LuaStack.pushRawField(L, fields, "rule")
    LuaStack.pushRawField(L, fields, "rules")
    defer { LuaStack.pop(L, 2) }
    let rule = LuaStack.top(L) - 1
    let rules = LuaStack.top(L)
    let hasRule = !LuaStack.isNoneOrNil(L, rule)
    let hasRules = !LuaStack.isNoneOrNil(L, rules)
    if hasRule && hasRules { throw BindingError("with: give either rule = function or rules = {functions}, not both") }
    if hasRule {
      if LuaStack.isFunction(L, rule) {
        LuaStack.newTable(L, list: 1)
        LuaStack.pushCopy(L, rule)
        LuaStack.setItem(L, -2, 1)
      } else if LuaStack.string(L, rule) == nil, !LuaStack.truthy(L, rule) {
        LuaStack.pushNil(L)  // rule = false: no rules
      } else {
        throw BindingError("with: rule must be a function(state) or false, got \(LuaStack.typeName(L, rule))")
      }
    } else if hasRules {
      guard LuaStack.isTable(L, rules) else {
        throw BindingError("with: rules must be a list of functions, got \(LuaStack.typeName(L, rules))")
      }
      let n = LuaStack.rawLength(L, rules)
      LuaStack.newTable(L, list: n)
      for i in 0..<n {
        LuaStack.pushRawItem(L, rules, i + 1)
        guard LuaStack.isFunction(L, -1) else {
          let type = LuaStack.typeName(L, -1)
          LuaStack.pop(L, 2)
          throw BindingError("with: rules[\(i + 1)] must be a function(state), got \(type)")
        }
        LuaStack.setItem(L, -2, i + 1)
      }
      if n == 0 {
        LuaStack.pop(L)
        LuaStack.pushNil(L)  // rules = {}: no rules
      }
    } else {
      LuaStack.pushAttached(L, of: base)
    }
    LuaStack.attach(L, -1, to: derived)
    LuaStack.pop(L)
  }

  /// [-0, +1, m] pushes the list of rules of the scenario at `index` and
  /// returns true, or pushes nothing and returns false when it has none.
  static func push(_ L: OpaquePointer?, of index: Int32) -> Bool {
    LuaStack.pushAttached(L, of: index)
    if LuaStack.isTable(L, -1) { return true }
    LuaStack.pop(L)
    return false
  }

  /// Throws when the scenario at `index` carries rules: `what` cannot run them.
  static func refuse(_ L: OpaquePointer?, at index: Int32, in what: String) throws {
    guard push(L, of: index) else { return }
    LuaStack.pop(L)
    throw BindingError(
      "\(what) cannot run a scenario with a Lua rule (rules run path by path on the Lua thread);"
        + " derive one without it: s:with{rule = false}")
  }

  /// cap.run of a scenario whose rules are at `list`: every path in order on
  /// this thread (`Runner.run(_:rule:options:)`); the provenance records each rule as `rule=file:line`.
  static func run(_ L: OpaquePointer?, _ scenario: Scenario, list: Int32, options: RunOptions) throws -> RunResult {
    guard scenario.capital != nil else {
      throw BindingError(
        "scenario \(scenario.name) is routing-only (no capitalEfficiency block): a rule needs the capital overlay")
    }
    var rule = LuaRule(L, list: list, maxLeverage: scenario.policy.hardLeverageMax)
    var marked = scenario
    marked.overrides += rule.locations.map { "rule=" + $0 }
    return try Runner.run(marked, rule: &rule, options: options)
  }
}
