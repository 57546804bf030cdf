extension TailRisk {
  /// The scorecard's tail fields: `pnl_var_95`, `pnl_es_95`, ... `pnl_es_999`
  /// (losses in USD, positive when money is lost), then the same as a fraction
  /// of the starting capital T0 (`pnl_var_95_of_capital`, ...).
  public static let scorecardFieldNames: [String] =
    scorecardLevels.flatMap { ["pnl_var_" + label($0), "pnl_es_" + label($0)] }
    + scorecardLevels.flatMap { ["pnl_var_" + label($0) + "_of_capital", "pnl_es_" + label($0) + "_of_capital"] }

  /// "95", "99", "999" for 0.95, 0.99, 0.999.
  static func label(_ level: Double) -> String {
    level == 0.999 ? "999" : String(Int((level * 100).rounded()))
  }

  /// The tail fields of ascending sorted `losses` and their fractions of `capital`.
  static func scorecardFields(sortedLosses losses: [Double], capital: Double) -> [String: Double] {
    var out: [String: Double] = [:]
    for level in scorecardLevels {
      let t = TailRisk(sortedLosses: losses, level: level)
      let l = label(level)
      out["pnl_var_" + l] = t.valueAtRisk
      out["pnl_es_" + l] = t.expectedShortfall
      out["pnl_var_" + l + "_of_capital"] = t.valueAtRisk / capital
      out["pnl_es_" + l + "_of_capital"] = t.expectedShortfall / capital
    }
    return out
  }
}
