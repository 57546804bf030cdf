extension Scorecard {
  /// Fills `intervals`, `standardErrors` and `attributionIntervals` at
  /// `confidence` (estimators in docs/INTERVALS.md):
  /// - means of per-path values (ROI, event counts, the per-path share of epochs
  ///   off the peg band, attribution terms): normal intervals from the per-path
  ///   standard deviation, with their standard errors;
  /// - the liquidation probability: Wilson score interval (exact at zero events);
  /// - quantiles (ROI p05/p95, drawdown p95): distribution-free order-statistic intervals;
  /// - VaR: the order-statistic interval of its level; ES: normal, from the tail's variance.
  /// Fractions of capital scale the USD intervals. Deterministic: no resampling.
  mutating func setIntervals(
    records: [PathRecord], sortedRoi: [Double], sortedLosses: [Double], epochs: Int, capital: Double
  ) {
    let c = confidence
    /// A mean's normal interval; counts and shares cannot be negative, so
    /// `nonNegative` clips the lower bound at 0.
    func mean(_ name: String, _ values: [Double], nonNegative: Bool = false) {
      let m = MeanEstimate(values: values)
      var ci = m.interval(c)
      if nonNegative { ci.lower = max(ci.lower, 0) }
      intervals[name] = ci
      standardErrors[name] = m.standardError
    }
    mean("roi_mean", records.map(\.roi))
    intervals["roi_p05"] = OrderStatisticInterval.interval(sorted: sortedRoi, quantile: 0.05, confidence: c)
    intervals["roi_p95"] = OrderStatisticInterval.interval(sorted: sortedRoi, quantile: 0.95, confidence: c)
    intervals["max_drawdown_p95"] = OrderStatisticInterval.interval(
      sorted: records.map(\.maxDrawdown).sorted(), quantile: 0.95, confidence: c)
    let liquidated = records.reduce(0) { $0 + ($1.liquidated ? 1 : 0) }
    intervals["liquidation_probability"] = ProportionEstimate(events: liquidated, trials: records.count)
      .wilsonInterval(c)
    // Epochs of one path are not independent: the frequency is a mean of per-path shares.
    mean("peg_deviation_frequency", records.map { Double($0.pegDeviationEpochs) / Double(epochs) }, nonNegative: true)
    mean("external_liquidity_floor_violations", records.map { Double($0.floorViolations) }, nonNegative: true)
    mean("volatility_throttle_events", records.map { Double($0.throttleEvents) }, nonNegative: true)
    mean("spread_adjustment_events", records.map { Double($0.spreadAdjustments) }, nonNegative: true)
    mean("deleverage_events", records.map { Double($0.deleverageEvents) }, nonNegative: true)
    for level in TailRisk.scorecardLevels {
      let t = TailRisk(sortedLosses: sortedLosses, level: level)
      let l = TailRisk.label(level)
      let v = t.valueAtRiskInterval(sortedLosses: sortedLosses, c)
      let e = t.expectedShortfallInterval(c)
      intervals["pnl_var_" + l] = v
      intervals["pnl_es_" + l] = e
      standardErrors["pnl_es_" + l] = t.expectedShortfallStandardError
      intervals["pnl_var_" + l + "_of_capital"] = Interval(lower: v.lower / capital, upper: v.upper / capital)
      intervals["pnl_es_" + l + "_of_capital"] = Interval(lower: e.lower / capital, upper: e.upper / capital)
    }
    let perPath = records.map { $0.attribution.terms.map(\.value) }
    for (i, term) in Attribution().terms.enumerated() {
      attributionIntervals[term.name] = MeanEstimate(values: perPath.map { $0[i] }).interval(c)
    }
  }
}
