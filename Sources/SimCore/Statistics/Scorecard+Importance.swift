import Foundation

extension Scorecard {
  /// The scorecard of `records` drawn under an importance-sampling tilt: the
  /// weighted estimates of `reweight` and the diagnostics, without first
  /// computing the plain estimates they replace (their sorts, Wilson,
  /// order-statistic and Hall intervals). Only the PnL histogram is the plain
  /// one (the counts of the tilted paths), as before.
  /// - Complexity: O(paths × log paths) for the weighted sorts.
  init(
    scenario: Scenario, records: [PathRecord], routing: RoutingRecords?, importance diagnostics: ImportanceDiagnostics
  ) {
    hasCapital = scenario.capital != nil
    capitalInputs = scenario.capital
    self.routing = routing.map { RoutingScorecard($0, pegBand: scenario.policy.pegBand) }
    (roiMean, roiP05, roiP95, roiMeanStderr) = (.nan, .nan, .nan, .nan)
    pnlQuantiles = []
    pnlHistogram = Histogram(sorted: records.map(\.pnl).sorted(), bins: 40)
    (maxDrawdownP95, liquidationProbability, pegDeviationFrequency) = (.nan, .nan, .nan)
    (externalLiquidityFloorViolations, volatilityThrottleEvents) = (.nan, .nan)
    (spreadAdjustmentEvents, deleverageEvents) = (.nan, .nan)
    pnlAttribution = Attribution()
    provenance = Provenance(scenario: scenario, paths: records.count)
    if hasCapital && !records.isEmpty { confidence = ConfidenceLevel(scenario.policy.gateConfidence) ?? .standard }
    reweight(records: records, scenario: scenario, diagnostics: diagnostics)
  }

  /// Replaces every capital field by its weighted estimate over `records`
  /// drawn under an importance-sampling tilt (docs/IMPORTANCE.md), with
  /// intervals from the weighted variance, and sets `importance`:
  /// - probabilities (liquidation, bad debt): (1/n) Σ w·1{event}, normal interval clipped at 0;
  /// - means (ROI, counts, peg share, bad debt, attribution): Σ w x / Σ w, normal interval;
  /// - quantiles (ROI p05/p95, drawdown p95, PnL quantiles, VaR): the weighted
  ///   distribution function, with Woodruff's interval;
  /// - ES: the weighted mean of the influence values, normal interval.
  /// The PnL histogram keeps its plain counts (of the tilted paths).
  /// - Complexity: O(paths × log paths) for the sorts.
  mutating func reweight(records: [PathRecord], scenario: Scenario, diagnostics: ImportanceDiagnostics) {
    importance = diagnostics
    guard hasCapital, !records.isEmpty else { return }
    let w = WeightedSample(weights: records.map(\.weight))
    let c = confidence
    func setMean(_ name: String, _ x: [Double], nonNegative: Bool = true) -> Double {
      setWeighted(name, w.mean(x), nonNegative: nonNegative)
    }
    func setProbability(_ name: String, _ event: [Bool]) -> Double {
      setWeighted(name, w.probability(event), nonNegative: true)
    }
    let roi = records.map(\.roi)
    roiMean = setMean("roi_mean", roi, nonNegative: false)
    roiMeanStderr = standardErrors["roi_mean"] ?? .nan
    let roiOrder = w.order(roi)
    roiP05 = w.quantile(roi, order: roiOrder, 0.05)
    roiP95 = w.quantile(roi, order: roiOrder, 0.95)
    intervals["roi_p05"] = w.quantileInterval(roi, order: roiOrder, 0.05, confidence: c)
    intervals["roi_p95"] = w.quantileInterval(roi, order: roiOrder, 0.95, confidence: c)
    let drawdown = records.map(\.maxDrawdown)
    let drawdownOrder = w.order(drawdown)
    maxDrawdownP95 = w.quantile(drawdown, order: drawdownOrder, 0.95)
    intervals["max_drawdown_p95"] = w.quantileInterval(drawdown, order: drawdownOrder, 0.95, confidence: c)
    liquidationProbability = setProbability("liquidation_probability", records.map(\.liquidated))
    let epochs = Double(scenario.epochs)
    pegDeviationFrequency = setMean("peg_deviation_frequency", records.map { Double($0.pegDeviationEpochs) / epochs })
    externalLiquidityFloorViolations = setMean(
      "external_liquidity_floor_violations", records.map { Double($0.floorViolations) })
    volatilityThrottleEvents = setMean("volatility_throttle_events", records.map { Double($0.throttleEvents) })
    spreadAdjustmentEvents = setMean("spread_adjustment_events", records.map { Double($0.spreadAdjustments) })
    deleverageEvents = setMean("deleverage_events", records.map { Double($0.deleverageEvents) })
    reweightAttribution(records: records, weights: w)
    reweightTails(records: records, weights: w, capital: scenario.capital?.capital ?? .nan)
    reweightFlows(records: records, weights: w)
    setMarketMakingShare(records: records) { w.mean($0).standardError }
  }

  /// The weighted flow fields (`Scorecard.flowFieldNames`), as `setFlows` sets the plain ones.
  private mutating func reweightFlows(records: [PathRecord], weights w: WeightedSample) {
    let c = confidence
    let twr = records.map(\.twr)
    flows["twr_mean"] = setWeighted("twr_mean", w.mean(twr), nonNegative: false)
    let twrOrder = w.order(twr)
    for (name, q) in [("twr_p05", 0.05), ("twr_p95", 0.95)] {
      flows[name] = w.quantile(twr, order: twrOrder, q)
      intervals[name] = w.quantileInterval(twr, order: twrOrder, q, confidence: c)
    }
    let drawdown = records.map(\.navMaxDrawdown)
    let drawdownOrder = w.order(drawdown)
    flows["nav_drawdown_p95"] = w.quantile(drawdown, order: drawdownOrder, 0.95)
    intervals["nav_drawdown_p95"] = w.quantileInterval(drawdown, order: drawdownOrder, 0.95, confidence: c)
    flows["redemptions_paid_mean"] = setWeighted(
      "redemptions_paid_mean", w.mean(records.map(\.redemptionsPaid)), nonNegative: true)
    flows["pnl_ex_redemptions_mean"] = setWeighted(
      "pnl_ex_redemptions_mean", w.mean(records.map { $0.pnl + $0.redemptionsPaid }), nonNegative: false)
  }

  /// The weighted mean of each PnL attribution term, with its interval.
  private mutating func reweightAttribution(records: [PathRecord], weights w: WeightedSample) {
    var att = Attribution()
    let terms = Attribution().terms
    let perPath = records.map { $0.attribution.terms.map(\.value) }
    var means: [Double] = []
    for (i, term) in terms.enumerated() {
      let e = w.mean(perPath.map { $0[i] })
      means.append(e.value)
      attributionIntervals[term.name] = normalInterval(e, nonNegative: false)
    }
    att.yield = means[0]
    att.marketMaking = means[1]
    att.volatilityDrag = means[2]
    att.interventionDrag = means[3]
    att.redemptionDrag = means[4]
    att.liquidationLoss = means[5]
    att.deleverageCost = means[6]
    pnlAttribution = att
  }

  /// The weighted PnL quantiles, VaR and ES at the scorecard levels, and the bad-debt block.
  private mutating func reweightTails(records: [PathRecord], weights w: WeightedSample, capital: Double) {
    let c = confidence
    let pnl = records.map(\.pnl)
    let pnlOrder = w.order(pnl)
    pnlQuantiles = Self.pnlQuantileLevels.map { ($0.0, w.quantile(pnl, order: pnlOrder, $0.1)) }
    let losses = pnl.map { -$0 }
    let lossOrder = w.order(losses)
    for level in TailRisk.scorecardLevels {
      let t = w.tail(losses, order: lossOrder, level: level)
      setTail(
        level: level,
        valueAtRisk: (t.valueAtRisk, w.quantileInterval(losses, order: lossOrder, level, confidence: c, lower: true)),
        expectedShortfall: (
          t.expectedShortfall, normalInterval((t.expectedShortfall, t.standardError), nonNegative: false)
        ),
        expectedShortfallStandardError: t.standardError, capital: capital)
    }
    let badDebt = records.map(\.badDebt)
    badDebtProbability = setWeighted("bad_debt_probability", w.probability(badDebt.map { $0 > 0 }), nonNegative: true)
    badDebtMean = setWeighted("bad_debt_mean", w.mean(badDebt), nonNegative: true)
    let badOrder = w.order(badDebt)
    badDebtVaR95 = w.lowerQuantile(badDebt, order: badOrder, 0.95)
    intervals["bad_debt_var_95"] = w.quantileInterval(badDebt, order: badOrder, 0.95, confidence: c, lower: true)
    let t = w.tail(badDebt, order: badOrder, level: 0.99)
    badDebtES99 = setWeighted("bad_debt_es_99", (t.expectedShortfall, t.standardError), nonNegative: true)
  }

  /// Sets the normal interval and standard error of the weighted estimate `e` under `name`; returns its value.
  private mutating func setWeighted(
    _ name: String, _ e: (value: Double, standardError: Double), nonNegative: Bool
  ) -> Double {
    intervals[name] = normalInterval(e, nonNegative: nonNegative)
    standardErrors[name] = e.standardError
    return e.value
  }

  /// value ± z·s.e. at the scorecard's confidence, the lower bound clipped at 0
  /// when `nonNegative`; unbounded without a finite standard error.
  private func normalInterval(_ e: (value: Double, standardError: Double), nonNegative: Bool) -> Interval {
    guard e.standardError.isFinite else { return .unbounded }
    let h = confidence.z * e.standardError
    return Interval(lower: nonNegative ? max(0, e.value - h) : e.value - h, upper: e.value + h)
  }
}
