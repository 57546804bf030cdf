/// Parametric mode: no pools.
struct NoPools: PoolCoupling {
  static var isCoupled: Bool { false }
  mutating func startPath() {}
  mutating func applyShock(_ index: Int, epoch: Int) {}
  mutating func step(
    path: Int, epoch: Int, assetPrice: Double, flowImbalance: Double, capital: Double
  ) -> PoolEpoch {
    PoolEpoch()
  }
}
