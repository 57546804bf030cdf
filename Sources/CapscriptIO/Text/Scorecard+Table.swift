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
    func pct(_ name: String) -> String { IntervalFormat.percent(scalar(name) ?? .nan, intervals[name]) }
    func num(_ name: String) -> String { IntervalFormat.number(scalar(name) ?? .nan, intervals[name], fallback: 3) }
    func usd(_ name: String) -> String { IntervalFormat.number(scalar(name) ?? .nan, intervals[name], fallback: 0) }
    var rows: [[String]] = [
      ["roi_mean", pct("roi_mean")],
      ["roi_p05 / roi_p95", pct("roi_p05") + " / " + pct("roi_p95")],
      ["max_drawdown_p95", pct("max_drawdown_p95")],
      ["liquidation_probability", pct("liquidation_probability")],
      ["peg_deviation_frequency (overlay P)", pct("peg_deviation_frequency")],
      ["external_liquidity_floor_violations", num("external_liquidity_floor_violations")],
      ["volatility_throttle_events", num("volatility_throttle_events")],
      ["spread_adjustment_events", num("spread_adjustment_events")],
      ["deleverage_events", num("deleverage_events")],
      ["market_making_share", pct("market_making_share")],
      [
        "pnl p05 / p50 / p95 (USD)",
        "\(formatUSD(pnlQuantiles[1].value)) / \(formatUSD(pnlQuantiles[4].value)) / \(formatUSD(pnlQuantiles[7].value))",
      ],
      ["pnl_var_99 / pnl_es_99 (USD loss)", usd("pnl_var_99") + " / " + usd("pnl_es_99")],
      ["pnl_es_999 (USD loss)", usd("pnl_es_999")],
      ["bad_debt_probability", pct("bad_debt_probability")],
      ["bad_debt_mean (USD)", usd("bad_debt_mean")],
      ["bad_debt_var_95 / _es_99 (USD)", usd("bad_debt_var_95") + " / " + usd("bad_debt_es_99")],
      ["twr_mean", pct("twr_mean")],
      ["twr_p05 / twr_p95", pct("twr_p05") + " / " + pct("twr_p95")],
      ["nav_drawdown_p95", pct("nav_drawdown_p95")],
      ["redemptions_paid_mean (USD)", usd("redemptions_paid_mean")],
      ["pnl_ex_redemptions_mean (USD)", usd("pnl_ex_redemptions_mean")],
    ]
    for term in pnlAttribution.terms { rows.append(["  pnl_attribution." + term.name, formatUSD(term.value)]) }
    let note = "[\(IntervalFormat.level(confidence.value))% intervals; figures to the digits they support]\n"
    return head + TextTable(rows, padsLastColumn: false).text + "\n" + note
  }
}
