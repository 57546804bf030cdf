extension Scorecard {
  /// Sets `marketMakingShare`: market making's share of the gross return,
  /// `mean(market_making) / (mean(market_making) + mean(yield))` of the PnL
  /// attribution (USD per path), the figure the policy's `marketMakingShareCap`
  /// limits (the public PMM is peg support, not the profit engine). 0 when
  /// market making earned nothing on average, 1 when the yield earned nothing.
  ///
  /// Interval: the delta method for a ratio of means, `R ± z s_d / (√n b)` with
  /// `d_i = mm_i - R (mm_i + yield_i)` per path and `b` the mean gross return,
  /// clipped to [0, 1]; a degenerate share (0 or 1) has a point interval.
  /// - Complexity: O(paths).
  /// `standardError` gives the standard error of a mean of per-path values
  /// (the weighted one under importance sampling).
  mutating func setMarketMakingShare(
    records: [PathRecord],
    standardError: ([Double]) -> Double = { MeanEstimate(values: $0).standardError }
  ) {
    let mm = pnlAttribution.marketMaking
    let yield = pnlAttribution.yield
    guard mm > 0, yield > 0 else {
      marketMakingShare = mm > 0 ? 1 : 0
      intervals[Self.marketMakingShareName] = Interval(lower: marketMakingShare, upper: marketMakingShare)
      standardErrors[Self.marketMakingShareName] = 0
      return
    }
    let gross = mm + yield
    let share = mm / gross
    let d = records.map { $0.attribution.marketMaking - share * ($0.attribution.marketMaking + $0.attribution.yield) }
    let se = standardError(d) / gross
    marketMakingShare = share
    standardErrors[Self.marketMakingShareName] = se
    intervals[Self.marketMakingShareName] =
      se.isFinite
      ? Interval(lower: max(0, share - confidence.z * se), upper: min(1, share + confidence.z * se)) : .unbounded
  }

  /// The scorecard name of `marketMakingShare`.
  public static let marketMakingShareName = "market_making_share"
}
