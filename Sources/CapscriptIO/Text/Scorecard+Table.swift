public import SimCore

extension Scorecard {
  /// A readable text table of the scorecard: the capital fields, then the
  /// routing block and per-pool diagnostics when the run stepped a pool graph
  /// (a routing-only run shows the routing block alone).
  public var table: String {
    let head =
      "scenario \(provenance.scenario)  (seed \(provenance.seed), \(provenance.paths) paths × \(provenance.epochs) epochs)\n"
    let foot =
      "provenance: scenario_hash \(provenance.scenarioHash), policy_hash \(provenance.policyHash), \(provenance.modelVersion)"
    let routingText = routing.map { $0.table + "\n" } ?? ""
    guard hasCapital else { return head + routingText + foot }
    return capitalTable(head: head) + routingText + foot
  }

  /// The capital fields as aligned rows, after `head`.
  func capitalTable(head: String) -> String {
    func num(_ x: Double) -> String { formatFixed(x, digits: 3) }
    var rows: [[String]] = [
      ["roi_mean", "\(formatPercent(roiMean)) ± \(formatPercent(roiMeanStderr)) (s.e.)"],
      ["roi_p05 / roi_p95", "\(formatPercent(roiP05)) / \(formatPercent(roiP95))"],
      ["max_drawdown_p95", formatPercent(maxDrawdownP95)],
      ["liquidation_probability", formatPercent(liquidationProbability)],
      ["peg_deviation_frequency", formatPercent(pegDeviationFrequency)],
      ["external_liquidity_floor_violations", num(externalLiquidityFloorViolations)],
      ["volatility_throttle_events", num(volatilityThrottleEvents)],
      ["spread_adjustment_events", num(spreadAdjustmentEvents)],
      ["deleverage_events", num(deleverageEvents)],
      [
        "pnl p05 / p50 / p95 (USD)",
        "\(formatUSD(pnlQuantiles[1].value)) / \(formatUSD(pnlQuantiles[4].value)) / \(formatUSD(pnlQuantiles[7].value))",
      ],
    ]
    for term in pnlAttribution.terms { rows.append(["  pnl_attribution." + term.name, formatUSD(term.value)]) }
    return head + TextTable(rows, padsLastColumn: false).text + "\n"
  }
}
