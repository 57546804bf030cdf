extension Policy {
  /// The policy's limits on a scenario's quoted spreads, as sentences naming
  /// the scenario field, its value and the policy band (empty when they hold):
  /// - `targetSpreadBps` must lie in the target band `targetSpreadBps.min ...
  ///   targetSpreadBps.max` (30-50 bps by default);
  /// - `spreadCeilingBps` must not be below the band or below the target: the
  ///   throttle widens the spread toward the ceiling, so a ceiling under the
  ///   target would narrow it under stress. A ceiling above the band is the
  ///   stress widening the policy allows, and the capture curve prices it.
  public func spreadViolations(targetSpreadBps target: Double, spreadCeilingBps ceiling: Double) -> [String] {
    let band = "[\(JSONText.number(targetSpreadMinBps)), \(JSONText.number(targetSpreadMaxBps))] bps"
    var out: [String] = []
    if target < targetSpreadMinBps || target > targetSpreadMaxBps {
      out.append(
        "capitalEfficiency.targetSpreadBps \(JSONText.number(target)) is outside the policy target spread band \(band) (policy: targetSpreadBps)"
      )
    }
    if ceiling < max(targetSpreadMinBps, target) {
      out.append(
        "capitalEfficiency.spreadCeilingBps \(JSONText.number(ceiling)) is below \(ceiling < targetSpreadMinBps ? "the policy target spread band \(band)" : "targetSpreadBps \(JSONText.number(target))"): the throttle would narrow the spread under stress (policy: targetSpreadBps)"
      )
    }
    return out
  }
}
