import LuaHost
import SimCore

/// A scenario's per-epoch rules written in Lua (`s:with{rule = f}` or
/// `rules = {f, g}`), called by the kernel at step 3 of every epoch
/// (docs/MODEL.md, "Per-epoch rules").
///
/// Each call gets a fresh state table (changing it changes nothing) and may
/// return nil (keep the targets) or a table of targets: `allocation`,
/// `leverage`, `spread`, `throttled`, `redemption_throttle`. With several
/// rules, each sees the targets the ones before it set, and the last word on
/// a field wins. The calls run under the script's limits on the Lua thread; a
/// Lua error, or a target of the wrong type or out of range, ends the run.
/// - Complexity: one protected Lua call and one table of 22 fields per rule
///   per path-epoch (docs/MODEL.md gives the measured cost).
struct LuaRule: EpochRule {
  typealias Failure = any Error
  static var isActive: Bool { true }

  let L: OpaquePointer?
  /// Absolute stack index of the list of rule functions (kept there for the run).
  let list: Int32
  /// Where each rule is defined (`file:line`), for errors and provenance.
  let locations: [String]
  /// The policy's `hardLeverageMax`: the most leverage a rule may ask for.
  let maxLeverage: Double

  /// The rules of the list at `list` (an absolute index that stays on the stack while the rule runs).
  init(_ L: OpaquePointer?, list: Int32, maxLeverage: Double) {
    self.L = L
    self.list = list
    self.maxLeverage = maxLeverage
    locations = (0..<LuaStack.rawLength(L, list)).map { i in
      LuaStack.pushRawItem(L, list, i + 1)
      defer { LuaStack.pop(L) }
      return LuaStack.functionLocation(L, -1)
    }
  }

  mutating func decide(_ state: EpochState) throws -> RuleAction? {
    var st = state
    var action: RuleAction?
    for (i, location) in locations.enumerated() {
      LuaStack.pushRawItem(L, list, i + 1)
      Self.push(L, st)
      do {
        try LuaStack.protectedCall(L, nargs: 1, nresults: 1)
      } catch {
        throw RuleError(location: location, path: st.path, epoch: st.epoch, message: error.message)
      }
      defer { LuaStack.pop(L) }
      if LuaStack.isNoneOrNil(L, -1) { continue }
      let origin = "rule \(location) (path \(st.path), epoch \(st.epoch))"
      guard LuaStack.isTable(L, -1) else {
        throw BindingError(
          "\(origin) returned a \(LuaStack.typeName(L, -1)); a rule returns nil or a table of targets"
            + " {allocation, leverage, spread, throttled, redemption_throttle}")
      }
      let a = try Self.action(LuaStack.configValue(L, -1, field: ""), origin: origin, maxLeverage: maxLeverage)
      var merged = action ?? RuleAction()
      if let x = a.allocation {
        merged.allocation = x
        st.allocation = x
      }
      if let x = a.leverage {
        merged.leverage = x
        st.leverage = x
      }
      if let x = a.spread {
        merged.spread = x
        st.targetSpread = x
      }
      if let x = a.throttled {
        merged.throttled = x
        st.throttled = x
      }
      if let x = a.redemptionFactor { merged.redemptionFactor = x }
      action = merged
    }
    return action
  }

  /// The targets a rule returned, each checked against its range.
  static func action(_ tree: ConfigValue, origin: String, maxLeverage: Double) throws -> RuleAction {
    let r = try ConfigReader(tree, file: origin)
    var a = RuleAction()
    a.allocation = try r.optionalNumber("allocation", in: 0...1)
    a.leverage = try r.optionalNumber("leverage", in: 1...maxLeverage)
    a.spread = try r.optionalNumber("spread", in: 0...10_000)
    if r.raw("throttled") != nil { a.throttled = try r.bool("throttled", default: false) }
    a.redemptionFactor = try r.optionalNumber("redemption_throttle", in: 0...1)
    try r.finish()
    return a
  }

  /// The names of the state table's fields, in the order they are set.
  static let stateFields = [
    "path", "epoch", "T", "peak", "sigma", "ell", "P", "S", "LTV", "spread", "target_spread", "allocation",
    "leverage", "throttled", "liquidated", "throttle_events", "spread_adjustment_events", "deleverage_events",
    "floor_violations", "last_deleverage_epoch", "last_floor_violation_epoch", "liquidation_epoch",
  ]

  /// [-0, +1, m] pushes a fresh state table; the `last_*` and `liquidation_epoch` fields are nil for none.
  static func push(_ L: OpaquePointer?, _ st: EpochState) {
    LuaStack.newTable(L, fields: stateFields.count)
    func set(_ key: String, _ x: Double) {
      LuaStack.push(L, float: x)
      LuaStack.setRawField(L, -2, key)
    }
    func set(_ key: String, integer: Int) {
      guard integer >= 0 else { return }
      LuaStack.push(L, integer: integer)
      LuaStack.setRawField(L, -2, key)
    }
    func set(_ key: String, bool: Bool) {
      LuaStack.push(L, bool: bool)
      LuaStack.setRawField(L, -2, key)
    }
    set("path", integer: st.path)
    set("epoch", integer: st.epoch)
    set("T", st.capital)
    set("peak", st.peak)
    set("sigma", st.sigma)
    set("ell", st.ell)
    set("P", st.peg)
    set("S", st.asset)
    set("LTV", st.ltv)
    set("spread", st.spread)
    set("target_spread", st.targetSpread)
    set("allocation", st.allocation)
    set("leverage", st.leverage)
    set("throttled", bool: st.throttled)
    set("liquidated", bool: st.liquidated)
    set("throttle_events", integer: Int(st.throttleEvents))
    set("spread_adjustment_events", integer: Int(st.spreadAdjustments))
    set("deleverage_events", integer: Int(st.deleverageEvents))
    set("floor_violations", integer: Int(st.floorViolations))
    set("last_deleverage_epoch", integer: st.lastDeleverageEpoch)
    set("last_floor_violation_epoch", integer: st.lastFloorViolationEpoch)
    set("liquidation_epoch", integer: st.liquidationEpoch)
  }
}
