/// One-line docs of the scorecard's scalar fields (help and the editor stub).
enum ResultFieldDocs {
  static let docs: [String: String] = [
    "roi_mean": "mean ROI over the horizon",
    "roi_p05": "5th percentile of ROI",
    "roi_p95": "95th percentile of ROI",
    "max_drawdown_p95": "95th percentile of the maximum drawdown",
    "liquidation_probability": "share of paths liquidated",
    "peg_deviation_frequency":
      "share of path-epochs with the overlay peg price |P - 1| beyond the policy band (not the peg pool's mid)",
    "external_liquidity_floor_violations": "mean per path",
    "volatility_throttle_events": "mean per path",
    "spread_adjustment_events": "mean per path",
    "deleverage_events": "mean per path",
    "bad_debt_probability": "share of paths with bad debt (debt the collateral did not cover at liquidation)",
    "bad_debt_mean": "mean bad debt per path, max(0, D - C*S) at liquidation, in USD",
    "bad_debt_var_95": "value at risk of the per-path bad debt at 95%, in USD",
    "bad_debt_es_99": "expected shortfall of the per-path bad debt at 99%, in USD",
    "twr_mean": "mean time-weighted return: growth of the value per unit, redemption outflows excluded",
    "twr_p05": "5th percentile of the time-weighted return",
    "twr_p95": "95th percentile of the time-weighted return",
    "nav_drawdown_p95": "95th percentile of the maximum drawdown of the net asset value per unit (losses only)",
    "redemptions_paid_mean": "mean redemption principal paid out to holders per path, in USD (an outflow, not a loss)",
    "pnl_ex_redemptions_mean": "mean PnL plus redemption principal per path, in USD: earned, or lost when negative",
    "market_making_share":
      "market making's share of the gross return (yield + market making); gate: marketMakingShareCap",
  ]

  static func doc(_ name: String) -> String {
    if let doc = docs[name] { return doc }
    // pnl_var_99, pnl_es_999_of_capital, ...: the tail fields of TailRisk.
    let parts = name.split(separator: "_")
    guard parts.count >= 3, parts[0] == "pnl", let level = parts.count > 2 ? parts[2] : nil else { return "" }
    let measure = parts[1] == "es" ? "expected shortfall" : "value at risk"
    let percent = level == "999" ? "99.9" : String(level)
    let unit = name.hasSuffix("_of_capital") ? "as a fraction of the starting capital T0" : "in USD"
    return "\(measure) of the loss (-PnL) at \(percent)%, \(unit)"
  }
}
