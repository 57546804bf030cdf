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

/// The outside market of one hub pair: a constant-product venue with `depthUSD`
/// on each side at the fair price, and a fee on the input.
public struct ExternalVenueSpec: Sendable, Equatable {
  public let depthUSD: Double
  public let feeRate: Double

  public init(depthUSD: Double, feeRate: Double) {
    self.depthUSD = depthUSD
    self.feeRate = feeRate
  }
}

/// A pool of the graph: an edge between `base` and `quote` (token indices).
public struct GraphPool: Sendable {
  public let id: String
  public let base: Int
  public let quote: Int
  /// The pool at the start of every path (at equilibrium).
  public let pool: PMMPool
  /// The external venue of a hub pair; nil for pools that do not hold the hub.
  public let external: ExternalVenueSpec?
  /// Relative share of order flow on this pool's pair.
  public let flowWeight: Double

  public init(
    id: String, base: Int, quote: Int, pool: PMMPool, external: ExternalVenueSpec?,
    flowWeight: Double
  ) {
    self.id = id
    self.base = base
    self.quote = quote
    self.pool = pool
    self.external = external
    self.flowWeight = flowWeight
  }
}
