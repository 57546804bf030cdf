public import SimCore

/// The interval columns every CSV output appends after its figures, so that
/// `pd.read_csv` gives each bound its own column: `confidence`, then for each
/// scalar field in `Scorecard.scalarFieldNames` order `<field>_ci_lower`,
/// `<field>_ci_upper` and, for the fields with a standard error, `<field>_se`.
///
/// A side the sample cannot bound is `-inf` or `inf` (pandas and Python's
/// `float` read both as infinities, so `upper > limit` stays true); a figure
/// without an interval (a journal line written before intervals) leaves its
/// cells empty, which pandas reads as NaN.
public enum IntervalColumns {
  /// The scalar fields that have a standard error: means of per-path values
  /// and expected shortfall (docs/INTERVALS.md). A test holds this list equal
  /// to the keys of `Scorecard.standardErrors`.
  public static let standardErrorFields: Set<String> = [
    "roi_mean", "peg_deviation_frequency", "external_liquidity_floor_violations", "volatility_throttle_events",
    "spread_adjustment_events", "deleverage_events", "pnl_es_95", "pnl_es_99", "pnl_es_999", "bad_debt_mean",
    "bad_debt_es_99", "twr_mean", "redemptions_paid_mean", "pnl_ex_redemptions_mean", Scorecard.marketMakingShareName,
  ]

  /// The column names, in order.
  public static let names: [String] =
    ["confidence"]
    + Scorecard.scalarFieldNames.flatMap { f in
      [f + "_ci_lower", f + "_ci_upper"] + (standardErrorFields.contains(f) ? [f + "_se"] : [])
    }

  /// The cells of one row, in the order of `names`.
  public static func cells(confidence: Double?, intervals: [String: Interval], standardErrors: [String: Double])
    -> [String]
  {
    [confidence.map(cell) ?? ""]
      + Scorecard.scalarFieldNames.flatMap { f in
        let ci = intervals[f]
        return [ci.map { cell($0.lower) } ?? "", ci.map { cell($0.upper) } ?? ""]
          + (standardErrorFields.contains(f) ? [standardErrors[f].map(cell) ?? ""] : [])
      }
  }

  /// The cells of a scorecard with the capital overlay.
  public static func cells(_ card: Scorecard) -> [String] {
    cells(confidence: card.confidence.value, intervals: card.intervals, standardErrors: card.standardErrors)
  }

  /// A number as a CSV cell: the shortest round-trip decimal, `inf` / `-inf`,
  /// or empty for NaN.
  static func cell(_ x: Double) -> String {
    if x.isNaN { return "" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return JSONText.number(x)
  }
}
