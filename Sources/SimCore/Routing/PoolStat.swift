/// One pool's statistics over one path: the per-pool layout of `RoutingRecords`.
/// Volumes, fees and costs in USD; `baseTurnover` and `baseTargetSum` in base
/// tokens; deviations as |R - 1| = |P/i - 1|.
public enum PoolStat: Int, CaseIterable, Sendable {
  /// Order flow routed through this pool (input USD of each leg).
  case orderVolume
  /// Order flow sent to this pair's external venue instead.
  case externalVolume
  /// Arbitrage against the external venue (input USD).
  case arbitrageVolume
  /// LP and maintainer fees on order flow and arbitrage.
  case feeIncome
  /// Sum of |dB| over every trade (orders, arbitrage, interventions).
  case baseTurnover
  /// Sum over epochs of the base target B0 (for the mean B0 of churn).
  case baseTargetSum
  case interventions
  /// Paid minus received at mark, fees included, plus gas.
  case interventionCost
  /// What the treasury paid into the pool, at mark.
  case interventionNotional
  /// Largest |P/i - 1| seen after routing and arbitrage (before intervention).
  case worstDeviation
  /// Epochs with |P/i - 1| above the policy peg band.
  case epochsOverBand
  case deviationSum

  /// How many statistics each pool has.
  public static let count = allCases.count

  /// This statistic's index in a path's row for pool `pool`.
  @inline(__always)
  public func at(_ pool: Int) -> Int { pool &* Self.count &+ rawValue }
}
