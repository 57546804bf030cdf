extension TailRisk {
  /// The scorecard's tail fields: `pnl_var_95`, `pnl_es_95`, ... `pnl_es_999`
  /// (losses in USD, positive when money is lost), then the same as a fraction
  /// of the starting capital T0 (`pnl_var_95_of_capital`, ...).
  public static let scorecardFieldNames: [String] =
    scorecardLevels.flatMap { ["pnl_var_" + label($0), "pnl_es_" + label($0)] }
    + scorecardLevels.flatMap { ["pnl_var_" + label($0) + "_of_capital", "pnl_es_" + label($0) + "_of_capital"] }

  /// The four field names of `level`: VaR and ES, in USD and as a fraction of
  /// capital (`pnl_var_99`, `pnl_es_99`, `pnl_var_99_of_capital`,
  /// `pnl_es_99_of_capital`); made once for the scorecard's levels.
  static func fieldNames(_ level: Double) -> TailFieldNames {
    if let i = scorecardLevels.firstIndex(of: level) { return scorecardNames[i] }
    return TailFieldNames(label(level))
  }

  private static let scorecardNames = scorecardLevels.map { TailFieldNames(label($0)) }

  /// "95", "99", "999" for 0.95, 0.99, 0.999.
  static func label(_ level: Double) -> String {
    level == 0.999 ? "999" : String(Int((level * 100).rounded()))
  }
}

/// The scorecard's field names of one tail level.
struct TailFieldNames: Sendable {
  let valueAtRisk: String
  let expectedShortfall: String
  let valueAtRiskOfCapital: String
  let expectedShortfallOfCapital: String

  init(_ label: String) {
    valueAtRisk = "pnl_var_" + label
    expectedShortfall = "pnl_es_" + label
    valueAtRiskOfCapital = valueAtRisk + "_of_capital"
    expectedShortfallOfCapital = expectedShortfall + "_of_capital"
  }
}
