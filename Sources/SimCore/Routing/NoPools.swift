/// Parametric mode: no pools.
///
/// It holds one unused byte so that a value has an address: the kernel takes
/// its pools `inout` in generic code, which ThreadSanitizer checks at the
/// address the caller passed, and Swift passes no defined address for a value
/// of an empty type (docs/HARDENING.md, "Sanitizers").
struct NoPools: PoolCoupling {
  private var storage: UInt8 = 0
  static var isCoupled: Bool { false }
  mutating func startPath() {}
  mutating func applyShock(_ index: Int, epoch: Int) {}
  mutating func step(
    path: Int, epoch: Int, assetPrice: Double, flowImbalance: Double, capital: Double
  ) -> PoolEpoch {
    PoolEpoch()
  }
}
