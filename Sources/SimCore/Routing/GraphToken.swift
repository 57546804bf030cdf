/// A token of the pool graph: a node.
public struct GraphToken: Sendable, Equatable {
  /// How a token's outside-market price moves.
  public enum Kind: String, Sendable, CaseIterable {
    /// Stays near its peg (1 USD) unless a `pool_depeg` shock moves it.
    case stable
    /// Follows the external asset `S`: price = `priceUSD * S`.
    case volatile
  }

  public let symbol: String
  public let kind: Kind
  /// The chain the token is native to (138 for Chain 138's own tokens; 137 or
  /// 56 for tokens bridged from Polygon or BNB Chain). A `bridge_halt` on a
  /// chain acts on every token whose origin it is.
  public let originChain: Int
  /// The price in USD at the start of every path.
  public let priceUSD: Double

  public init(symbol: String, kind: Kind, originChain: Int, priceUSD: Double) {
    self.symbol = symbol
    self.kind = kind
    self.originChain = originChain
    self.priceUSD = priceUSD
  }
}
