extension PMMPool {
  /// The trade that restores `R = 1` from the current state, without making it;
  /// nil when the pool is already at equilibrium.
  ///
  /// Selling exactly `B0 - B` base (base short) or `Q0 - Q` quote (quote short)
  /// takes DODO's "back to one" branch, which pays out exactly the other
  /// side's surplus before fees and leaves the pool at `R = 1`.
  /// - Complexity: O(1).
  public var backToOne: PMMBackToOne? {
    var copy = self
    return copy.restoreToOne()
  }

  /// Makes the trade that restores `R = 1` and returns it.
  ///
  /// Returns nil (and changes nothing) when the pool is already at
  /// equilibrium. The LP fee stays in the pool, which then holds its new
  /// reserves as its targets.
  /// - Complexity: O(1).
  @discardableResult
  public mutating func restoreToOne() -> PMMBackToOne? {
    switch rState {
    case .one:
      return nil
    case .aboveOne:
      let trade = sell(baseTarget - baseReserve, baseIn: true)
      return PMMBackToOne(sellsBase: true, trade: trade)
    case .belowOne:
      let trade = sell(quoteTarget - quoteReserve, baseIn: false)
      return PMMBackToOne(sellsBase: false, trade: trade)
    }
  }
}
