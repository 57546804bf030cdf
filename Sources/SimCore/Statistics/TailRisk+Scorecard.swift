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
}
