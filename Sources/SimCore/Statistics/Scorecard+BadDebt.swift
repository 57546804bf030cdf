extension Scorecard {
  /// The bad-debt fields, in scorecard order: the share of paths with bad debt,
  /// its mean per path, its 95% VaR and its 99% ES (USD).
  public static let badDebtFieldNames = ["bad_debt_probability", "bad_debt_mean", "bad_debt_var_95", "bad_debt_es_99"]

  /// Sets the bad-debt block from each path's `PathRecord.badDebt` (the debt
  /// the collateral did not cover at liquidation, max(0, D - C·S) in USD),
  /// with its intervals at `confidence` (docs/INTERVALS.md, "Bad debt"):
  /// - `bad_debt_probability`: paths with bad debt > 0 out of all paths, Wilson
  ///   score interval (as `liquidation_probability`);
  /// - `bad_debt_mean`: normal interval of the mean, with its standard error;
  /// - `bad_debt_var_95`: VaR of the per-path bad debt as a loss, with the
  ///   order-statistic interval of the 95% quantile (as `pnl_var_95`);
  /// - `bad_debt_es_99`: ES at 99% with Hall's skewness-corrected interval and
  ///   its tail-mean standard error (as `pnl_es_99`).
  ///
  /// Bad debt is never negative, so the lower bounds of the mean's and the
  /// ES's intervals are clipped at 0.
  /// - Complexity: O(paths × log paths) for the sort.
  mutating func setBadDebt(records: [PathRecord]) {
    let badDebt = records.map(\.badDebt)
    let withBadDebt = badDebt.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
    let share = ProportionEstimate(events: withBadDebt, trials: records.count)
    badDebtProbability = share.estimate
    intervals["bad_debt_probability"] = share.wilsonInterval(confidence)
    badDebtMean = setMean("bad_debt_mean", badDebt, nonNegative: true).mean

    let sorted = badDebt.sorted()
    badDebtVaR95 = TailRisk.valueAtRisk(sortedLosses: sorted, level: 0.95)
    intervals["bad_debt_var_95"] = OrderStatisticInterval.interval(
      sorted: sorted, quantile: 0.95, confidence: confidence)
    let tail = TailRisk(sortedLosses: sorted, level: 0.99)
    badDebtES99 = tail.expectedShortfall
    var ci = tail.expectedShortfallInterval(confidence)
    ci.lower = max(ci.lower, 0)
    intervals["bad_debt_es_99"] = ci
    standardErrors["bad_debt_es_99"] = tail.expectedShortfallStandardError
  }
}
