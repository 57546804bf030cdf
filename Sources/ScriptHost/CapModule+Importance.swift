import LuaHost
import SimCore

extension CapModule {
  /// The `importance` option of cap.run: `{target = "liquidation"}` for the
  /// automatic cross-entropy tilt (`pilot_paths`, `rounds`, `defensive` optional), or a
  /// manual tilt `{asset = -0.3, volatility = 0.2, from = 0, to = 30}`; nil when absent.
  static func importanceSpec(_ opts: ConfigReader, scenario: Scenario) throws -> ImportanceSpec? {
    guard opts.raw("importance") != nil else { return nil }
    let o = try opts.child("importance")
    let name = try o.string("target", default: "liquidation")
    guard let target = ImportanceTarget.parse(name) else {
      throw BindingError("cap.run: importance.target expects \(ImportanceTarget.forms), got \"\(name)\"")
    }
    var spec = ImportanceSpec(target: target)
    spec.pilotPaths = try o.integer("pilot_paths", default: spec.pilotPaths, in: 100...10_000_000)
    spec.maxRounds = try o.integer("rounds", default: spec.maxRounds, in: 1...50)
    spec.defensiveShare = try o.number("defensive", default: spec.defensiveShare, in: 0...0.9)
    let asset = try o.optionalNumber("asset", in: ImportanceSpec.shiftRange)
    let volatility = try o.optionalNumber("volatility", in: ImportanceSpec.shiftRange)
    if asset != nil || volatility != nil {
      let last = max(0, scenario.epochs - 1)
      spec.method = .manual(
        asset: asset ?? 0, volatility: volatility ?? 0, from: try o.integer("from", default: 0, in: 0...last),
        to: try o.integer("to", default: last, in: 0...last))
    }
    try o.finish()
    try spec.validate(for: scenario, origin: "cap.run options: importance")
    return spec
  }
}

extension SweepObject {
  /// The `importance` field of the cap.sweep table at index 1 (`cap.run`'s
  /// `importance` option: one tilt, found on the base scenario, for every
  /// candidate); nil when absent. [-0, +0, e]
  static func importanceSpec(_ L: OpaquePointer?, base: Scenario) throws -> ImportanceSpec? {
    LuaStack.pushRawField(L, 1, "importance")
    defer { LuaStack.pop(L) }
    guard !LuaStack.isNoneOrNil(L, -1) else { return nil }
    let value = try LuaStack.configValue(L, -1, field: "importance")
    let opts = try ConfigReader(.object(["importance": value]), file: "cap.sweep")
    return try CapModule.importanceSpec(opts, scenario: base)
  }
}
