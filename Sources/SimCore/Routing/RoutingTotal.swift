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
