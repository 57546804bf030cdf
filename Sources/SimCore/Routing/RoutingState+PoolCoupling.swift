/// Coupled mode: the pool graph steps beside the overlay, one worker's `RoutingState` per path.
extension RoutingState: PoolCoupling {
  static var isCoupled: Bool { true }
}
