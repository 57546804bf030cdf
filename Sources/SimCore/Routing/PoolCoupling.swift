/// What the capital kernel steps beside the overlay: nothing (parametric
/// mode) or the pool graph (coupled mode). A generic parameter of
/// `CapitalKernel.simulate`, so each mode is specialised: no existential and
/// no dynamic dispatch in the epoch loop.
protocol PoolCoupling {
  /// Whether the overlay takes market making, imbalance and intervention from the pools.
  static var isCoupled: Bool { get }
  mutating func startPath()
  /// Applies a pool-graph shock (by its index in the scenario) at epoch `epoch`.
  mutating func applyShock(_ index: Int, epoch: Int)
  /// Steps the pools one epoch after the overlay has moved S.
  mutating func step(
    path: Int, epoch: Int, assetPrice: Double, flowImbalance: Double, capital: Double
  ) -> PoolEpoch
}
