extension Scorecard {
  /// The flow-adjusted fields, in scorecard order (docs/MODEL.md, "Flows: paid
  /// out and lost"): the time-weighted return (mean, p05, p95), the p95 drawdown
  /// of the net asset value per unit, the redemption principal paid out (mean
  /// USD per path) and the PnL without it (mean USD per path: what was earned,
  /// or lost when negative).
  public static let flowFieldNames = [
    "twr_mean", "twr_p05", "twr_p95", "nav_drawdown_p95", "redemptions_paid_mean", "pnl_ex_redemptions_mean",
  ]

  /// The mean time-weighted return over the horizon.
  public var twrMean: Double { flows["twr_mean"] ?? .nan }
  /// The 95th percentile of the maximum drawdown of the net asset value per unit.
  public var navDrawdownP95: Double { flows["nav_drawdown_p95"] ?? .nan }
  /// The mean redemption principal paid out per path, USD.
  public var redemptionsPaidMean: Double { flows["redemptions_paid_mean"] ?? .nan }
  /// The mean PnL plus the redemption principal per path, USD (negative: lost).
  public var pnlExRedemptionsMean: Double { flows["pnl_ex_redemptions_mean"] ?? .nan }

  /// Sets the flow fields from each path's `twr`, `navMaxDrawdown` and
  /// `redemptionsPaid`, with their intervals at `confidence` (docs/INTERVALS.md,
  /// "Flows"): normal intervals for the means, order-statistic intervals for the
  /// quantiles, as for `roi_*` and `max_drawdown_p95`.
  /// - Complexity: O(paths × log paths) for the sorts.
  mutating func setFlows(records: [PathRecord]) {
    let twr = records.map(\.twr)
    flows["twr_mean"] = setMean("twr_mean", twr).mean
    let sortedTwr = twr.sorted()
    for (name, q) in [("twr_p05", 0.05), ("twr_p95", 0.95)] {
      flows[name] = Quantiles.sorted(sortedTwr, q)
      intervals[name] = OrderStatisticInterval.interval(sorted: sortedTwr, quantile: q, confidence: confidence)
    }
    let sortedDrawdown = records.map(\.navMaxDrawdown).sorted()
    flows["nav_drawdown_p95"] = Quantiles.sorted(sortedDrawdown, 0.95)
    intervals["nav_drawdown_p95"] = OrderStatisticInterval.interval(
      sorted: sortedDrawdown, quantile: 0.95, confidence: confidence)
    flows["redemptions_paid_mean"] =
      setMean("redemptions_paid_mean", records.map(\.redemptionsPaid), nonNegative: true).mean
    flows["pnl_ex_redemptions_mean"] =
      setMean("pnl_ex_redemptions_mean", records.map { $0.pnl + $0.redemptionsPaid }).mean
  }
}
