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

/// Scenario-wide statistics over one path, after the per-pool block of `RoutingRecords`.
public enum RoutingTotal: Int, CaseIterable, Sendable {
  /// Order flow (USD) filled by the PMM routes and by external venues.
  case pmmVolume, externalVolume
  /// Orders no route could fill (a pair without pools), USD.
  case unroutedVolume
  case arbitrageVolume
  case feeIncome
  case interventions, interventionCost, interventionNotional
  /// Epochs the peg pool's mid price is outside the policy peg band, and its worst |mid - 1|.
  case pegEpochsOverBand, pegWorst
  /// Per-epoch imbalance (`PoolEpoch.imbalance`): sum and sum of squares.
  case imbalanceSum, imbalanceSquares
  /// Epochs with fee income, and the sum and squares of log(fee income) over them.
  case feeEpochs, logFeeSum, logFeeSquares
  /// Sum over epochs of fee income / T (coupled runs).
  case feeOverCapital
  /// Sum over epochs of intervention cost / T (coupled runs).
  case interventionOverCapital
  case epochs
}

/// What the capital overlay takes from the pools in one epoch (coupled mode).
@frozen
public struct PoolEpoch: Sendable, Equatable {
  public var feeIncomeUSD = 0.0
  public var interventionCostUSD = 0.0
  /// External liquidity the interventions use, net: the cost of each (the
  /// tokens received are sold back at mark within the epoch), or its whole
  /// notional when the tokens received are halted bridged tokens, which are
  /// then held until the bridge reopens and returned at their mark then
  /// (a negative draw).
  public var liquidityDrawUSD = 0.0
  /// Net hub bought out of the pools by order flow, over the hub depth of the
  /// pools and their external venues.
  public var imbalance = 0.0

  public init() {}
}
