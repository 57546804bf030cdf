/// The trade that returns a pool to `R = 1`, and what it costs at a mark price.
///
/// With base short the restoring trade sells `B0 - B` base and receives the
/// quote surplus `Q - Q0` less fees; with quote short it sells `Q0 - Q` quote
/// and receives `B - B0` base less fees.
@frozen
public struct PMMBackToOne: Sendable, Hashable {
  /// Whether the restoring trade sells base (true: the pool was base short) or
  /// quote (false: the pool was quote short).
  public let sellsBase: Bool
  /// The swap itself: `trade.amountIn` of the sold token, `trade.received` of the other.
  public let trade: PMMTrade

  public init(sellsBase: Bool, trade: PMMTrade) {
    self.sellsBase = sellsBase
    self.trade = trade
  }

  /// Paid minus received, both valued at `price` (quote per base), in quote.
  ///
  /// `received` is net of fees, so fees are included. At the guide price the
  /// cost is usually negative (restoring `R = 1` buys below and sells above
  /// `i`); it becomes a cost when the mark has moved away from `i`, or through
  /// fees. Gas is not included.
  /// - Complexity: O(1).
  public func cost(atPrice price: Double) -> Double {
    sellsBase
      ? trade.amountIn * price - trade.received
      : trade.amountIn - trade.received * price
  }
}
