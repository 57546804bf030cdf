extension Scorecard {
  /// Fills `intervals`, `standardErrors` and `attributionIntervals` at
  /// `confidence` (estimators in docs/INTERVALS.md):
  /// - means of per-path values (ROI, event counts, the per-path share of epochs
  ///   off the peg band, attribution terms): normal intervals from the per-path
  ///   standard deviation, with their standard errors;
  /// - the liquidation probability: Wilson score interval (exact at zero events);
  /// - quantiles (ROI p05/p95, drawdown p95): distribution-free order-statistic intervals;
  /// (the tail fields' intervals are set with them, by `setTailRisk`).
  /// Deterministic: no resampling.
  mutating func setIntervals(
    records: [PathRecord], sortedRoi: [Double], sortedDrawdown: [Double], liquidated: Int, epochs: Int
  ) {
    let c = confidence
    // The same standard error the scorecard reports as roi_mean_stderr.
    let h = c.z * roiMeanStderr
    intervals["roi_mean"] = records.count > 1 ? Interval(lower: roiMean - h, upper: roiMean + h) : .unbounded
    standardErrors["roi_mean"] = roiMeanStderr
    intervals["roi_p05"] = OrderStatisticInterval.interval(sorted: sortedRoi, quantile: 0.05, confidence: c)
    intervals["roi_p95"] = OrderStatisticInterval.interval(sorted: sortedRoi, quantile: 0.95, confidence: c)
    intervals["max_drawdown_p95"] = OrderStatisticInterval.interval(
      sorted: sortedDrawdown, quantile: 0.95, confidence: c)
    intervals["liquidation_probability"] = ProportionEstimate(events: liquidated, trials: records.count)
      .wilsonInterval(c)
    // Epochs of one path are not independent: the frequency is a mean of per-path shares.
    setMean(
      "peg_deviation_frequency", records.map { Double($0.pegDeviationEpochs) / Double(epochs) }, nonNegative: true)
    setMean("external_liquidity_floor_violations", records.map { Double($0.floorViolations) }, nonNegative: true)
    setMean("volatility_throttle_events", records.map { Double($0.throttleEvents) }, nonNegative: true)
    setMean("spread_adjustment_events", records.map { Double($0.spreadAdjustments) }, nonNegative: true)
    setMean("deleverage_events", records.map { Double($0.deleverageEvents) }, nonNegative: true)
    let perPath = records.map { $0.attribution.terms.map(\.value) }
    for (i, term) in Attribution().terms.enumerated() {
      attributionIntervals[term.name] = MeanEstimate(values: perPath.map { $0[i] }).interval(c)
    }
  }

  /// Sets the normal interval and standard error of the mean of per-path
  /// `values` under `name`, and returns the estimate. Counts, shares and amounts
  /// cannot be negative, so `nonNegative` clips the lower bound at 0.
  @discardableResult
  mutating func setMean(_ name: String, _ values: [Double], nonNegative: Bool = false) -> MeanEstimate {
    let m = MeanEstimate(values: values)
    var ci = m.interval(confidence)
    if nonNegative { ci.lower = max(ci.lower, 0) }
    intervals[name] = ci
    standardErrors[name] = m.standardError
    return m
  }

  /// Sets the tail fields (`TailRisk.scorecardFieldNames`) of ascending sorted
  /// `losses` with their intervals: VaR with the order-statistic interval of its
  /// level, ES with Hall's skewness-corrected interval around the tail-mean standard
  /// error (`TailRisk.expectedShortfallInterval`; the standard error is reported too),
  /// and both again as fractions of `capital`.
  mutating func setTailRisk(sortedLosses losses: [Double], capital: Double) {
    for level in TailRisk.scorecardLevels {
      let t = TailRisk(sortedLosses: losses, level: level)
      setTail(
        level: level, valueAtRisk: (t.valueAtRisk, t.valueAtRiskInterval(sortedLosses: losses, confidence)),
        expectedShortfall: (t.expectedShortfall, t.expectedShortfallInterval(confidence)),
        expectedShortfallStandardError: t.expectedShortfallStandardError, capital: capital)
    }
  }

  /// Stores the VaR and ES of the loss at `level` with their intervals, and
  /// both again as fractions of `capital` (plain and weighted estimates alike).
  mutating func setTail(
    level: Double, valueAtRisk: (value: Double, interval: Interval),
    expectedShortfall: (value: Double, interval: Interval), expectedShortfallStandardError: Double, capital: Double
  ) {
    let names = TailRisk.fieldNames(level)
    let vi = valueAtRisk.interval
    let ei = expectedShortfall.interval
    tailRisk[names.valueAtRisk] = valueAtRisk.value
    tailRisk[names.expectedShortfall] = expectedShortfall.value
    tailRisk[names.valueAtRiskOfCapital] = valueAtRisk.value / capital
    tailRisk[names.expectedShortfallOfCapital] = expectedShortfall.value / capital
    intervals[names.valueAtRisk] = vi
    intervals[names.expectedShortfall] = ei
    standardErrors[names.expectedShortfall] = expectedShortfallStandardError
    intervals[names.valueAtRiskOfCapital] = Interval(lower: vi.lower / capital, upper: vi.upper / capital)
    intervals[names.expectedShortfallOfCapital] = Interval(lower: ei.lower / capital, upper: ei.upper / capital)
  }
}
